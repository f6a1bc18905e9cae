// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "ccusage",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ccusage", targets: ["ccusage"]),
        .executable(name: "ccusage-mcp", targets: ["ccusage-mcp"]),
        .executable(name: "ccusage-fixtures", targets: ["ccusage-fixtures"]),
        .library(name: "CCUsageKit", targets: ["CCUsageKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", .upToNextMinor(from: "0.12.1")),
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", from: "1.7.3"),
        .package(url: "https://github.com/pointfreeco/xctest-dynamic-overlay", from: "1.13.1"),
    ],
    targets: [
        .target(name: "CShims"),
        .target(name: "CCUsageKit", dependencies: ["CShims"]),
        .target(name: "FixtureKit", linkerSettings: [.linkedLibrary("m")]),
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
        .executableTarget(name: "ccusage", dependencies: ["CCUsageCLI"]),
        // The MCP server is its own binary (`ccusage mcp` execs it), so the SDK's networking libraries are
        // not loaded by every other command.
        .executableTarget(name: "ccusage-mcp", dependencies: ["CCUsageMCP", "CCUsageKit"]),
        .executableTarget(name: "ccusage-fixtures", dependencies: ["FixtureKit"]),
        .testTarget(
            name: "CCUsageKitTests",
            dependencies: [
                "CCUsageKit", "FixtureKit",
                .product(name: "CustomDump", package: "swift-custom-dump"),
                .product(name: "IssueReportingTestSupport", package: "xctest-dynamic-overlay"),
            ],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "CCUsageCLITests",
            dependencies: [
                "CCUsageCLI", "CCUsageKit", "CCUsageMCP", "FixtureKit",
                .product(name: "CustomDump", package: "swift-custom-dump"),
                .product(name: "IssueReportingTestSupport", package: "xctest-dynamic-overlay"),
            ]
        ),
    ]
)
