// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Sluice",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Sluice", targets: ["Sluice", "SluiceText"]),
        .executable(name: "sluice", targets: ["sluice"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]
        ),
        // Pure text algorithms over UTF-8: no I/O, no dependencies.
        // Clean/Data/boilerplate.txt is compiled in (Scripts/gen_boilerplate.py), not a resource.
        .target(name: "SluiceText", exclude: ["Clean/Data/boilerplate.txt"]),
        // Records, codecs, the engine and the pipeline format.
        .target(
            name: "Sluice",
            dependencies: [
                "CZstd", "SluiceText",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "sluice",
            dependencies: [
                "Sluice",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sluice-bench", dependencies: ["Sluice"], path: "Benchmarks/sluice-bench"),
        // Fixtures are read by path (#filePath), and by Benchmarks/compare_ftfy.py.
        .testTarget(name: "SluiceTextTests", dependencies: ["SluiceText"], exclude: ["Fixtures"]),
        .testTarget(
            name: "SluiceTests",
            dependencies: ["Sluice"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
