// swift-tools-version: 6.1
// libFuzzer targets for CCUsageKit. A separate package (it depends on `..` by path) so the main
// `swift test` never builds it. Build and run one target with `Scripts/fuzz <target> <seconds>`.
import PackageDescription

let package = Package(
    name: "CCUsageFuzz",
    dependencies: [.package(name: "ccusage", path: "..")],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(
            name: "FuzzLineParser",
            dependencies: ["FuzzSupport", .product(name: "CCUsageKit", package: "ccusage")]
        ),
        .executableTarget(
            name: "FuzzConfig",
            dependencies: ["FuzzSupport", .product(name: "CCUsageKit", package: "ccusage")]
        ),
    ]
)
