// swift-tools-version: 6.1
import PackageDescription
#if os(Linux)
import Foundation
#endif

/// Release builds of `ccusage` link the Swift runtime and Foundation statically on Linux when the toolchain
/// ships them: no loading and relocating of a dozen shared libraries on every run (5-8 ms of each
/// status-line refresh). The modules stay compiled against the shared Foundation (so the other products are
/// unchanged), which is why static Foundation's own dependencies are named here. A toolchain without one of
/// these archives builds the usual dynamically linked binary.
let staticStdlib: [LinkerSetting] = {
    #if os(Linux)
    let archives = ["Foundation", "CoreFoundation", "_FoundationICU", "_FoundationCollections", "_FoundationCShims",
                    "FoundationEssentials", "FoundationInternationalization", "swiftSynchronization",
                    "swiftDispatch", "dispatch", "BlocksRuntime", "swift_Concurrency", "swiftGlibc",
                    "swift_StringProcessing", "swift_RegexParser", "swiftCore"]
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    let toolchains = path.split(separator: ":").map(String.init)
        .filter { FileManager.default.isExecutableFile(atPath: $0 + "/swiftc") }
    guard let bin = toolchains.first else { return [] }
    let dir = bin + "/../lib/swift_static/linux/"
    guard archives.allSatisfy({ FileManager.default.fileExists(atPath: dir + "lib" + $0 + ".a") }) else { return [] }
    let group = ["-Xlinker", "--start-group"] + archives.map { "-l" + $0 } + ["-lstdc++", "-Xlinker", "--end-group"]
    return [.unsafeFlags(["-static-stdlib"] + group, .when(platforms: [.linux], configuration: .release))]
    #else
    return []
    #endif
}()

let package = Package(
    name: "ccusage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ccusage", targets: ["ccusage"]),
        .executable(name: "ccusage-mcp", targets: ["ccusage-mcp"]),
        .executable(name: "ccusage-web", targets: ["ccusage-web"]),
        .executable(name: "ccusage-team", targets: ["ccusage-team"]),
        .executable(name: "ccusage-fixtures", targets: ["ccusage-fixtures"]),
        .library(name: "CCUsageKit", targets: ["CCUsageKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", .upToNextMinor(from: "0.12.1")),
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", from: "1.7.3"),
        .package(url: "https://github.com/pointfreeco/xctest-dynamic-overlay", from: "1.13.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "CShims"),
        // The system SQLite (the archive, and later other agents' stores): a module map, no package to build.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .target(name: "CCUsageKit", dependencies: ["CShims", "CSQLite"]),
        .target(name: "FixtureKit", dependencies: ["CSQLite"], linkerSettings: [.linkedLibrary("m")]),
        .target(
            name: "CCUsageMCP",
            dependencies: ["CCUsageKit", .product(name: "MCP", package: "swift-sdk")]
        ),
        .target(
            name: "CCUsageCLI",
            dependencies: [
                "CCUsageKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "ccusage", dependencies: ["CCUsageCLI"], linkerSettings: staticStdlib),
        // The MCP server is its own binary (`ccusage mcp` execs it), so the SDK's networking libraries are
        // not loaded by every other command.
        .executableTarget(name: "ccusage-mcp", dependencies: ["CCUsageMCP", "CCUsageKit"]),
        .executableTarget(name: "ccusage-fixtures", dependencies: ["FixtureKit"]),
        // The web dashboard (`ccusage web` execs it): Hummingbird and SwiftNIO stay out of `ccusage`. Its
        // reports come from the CLI's own code path, in-process (CCUsageCLI's CapturedRun).
        .target(
            name: "CCUsageWeb",
            dependencies: ["CCUsageCLI", "CCUsageKit", "CCUsageTeam", .product(name: "Hummingbird", package: "hummingbird"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "HTTPTypes", package: "swift-http-types"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(name: "ccusage-web", dependencies: ["CCUsageWeb"]),
        // Teams on PostgreSQL (`ccusage sync`, `--team` exec it): postgres-nio stays out of `ccusage`. Reports run
        // the CLI's own code path in-process, with the team database as the usage source (TeamHandoff).
        .target(
            name: "CCUsageTeam",
            dependencies: ["CCUsageKit", "CCUsageCLI", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(name: "ccusage-team", dependencies: ["CCUsageTeam"]),
        // Helpers both test targets share (temporary directories and data trees).
        .target(name: "CCUsageTestSupport", path: "Tests/CCUsageTestSupport"),
        .testTarget(
            name: "CCUsageKitTests",
            dependencies: [
                "CCUsageKit", "FixtureKit", "CCUsageTestSupport",
                .product(name: "CustomDump", package: "swift-custom-dump"),
                .product(name: "IssueReportingTestSupport", package: "xctest-dynamic-overlay"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "CCUsageCLITests",
            dependencies: [
                "CCUsageCLI", "CCUsageKit", "CCUsageMCP", "CCUsageWeb", "CCUsageTeam", "FixtureKit", "CCUsageTestSupport",
                .product(name: "CustomDump", package: "swift-custom-dump"),
                .product(name: "IssueReportingTestSupport", package: "xctest-dynamic-overlay"),
            ]
        ),
    ]
)
