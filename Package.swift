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
        // `swift package generate-documentation`: the DocC catalogs of Sluice and SluiceText.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"]), .brew(["zstd"])]
        ),
        // Archives (tar, zip) and their compressions.
        .systemLibrary(
            name: "CArchive",
            pkgConfig: "libarchive",
            providers: [.apt(["libarchive-dev"]), .brew(["libarchive"])]
        ),
        // gzip, decoded by Sluice itself so that every member's CRC and length are checked
        // (libarchive's gzip reader does not check them).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // bzip2 and xz single streams, decoded by Sluice itself so that everything decoded
        // before damage is kept (libarchive's filters drop their last buffer, up to ~1 MB).
        .systemLibrary(
            name: "CBzip2",
            providers: [.apt(["libbz2-dev"]), .brew(["bzip2"])]
        ),
        .systemLibrary(
            name: "CLzma",
            pkgConfig: "liblzma",
            providers: [.apt(["liblzma-dev"]), .brew(["xz"])]
        ),
        // Statistical charset detection for text in legacy encodings.
        .systemLibrary(
            name: "CUchardet",
            pkgConfig: "uchardet",
            providers: [.apt(["libuchardet-dev"]), .brew(["uchardet"])]
        ),
        // Pure text algorithms over UTF-8: no I/O, no dependencies but CSupport (a prefetch hint).
        // Split/Data holds the splitter's word lists (Scripts/gen_split_data.py turns them into
        // Swift); Clean/Data/boilerplate.txt is compiled in by Scripts/gen_boilerplate.py.
        // CPU hints Swift has no spelling for (a cache-line prefetch), as inline C.
        .target(name: "CSupport"),
        .target(name: "SluiceText", dependencies: ["CSupport"], exclude: ["Split/Data", "Clean/Data/boilerplate.txt"]),
        // Records, codecs, the engine and the pipeline format.
        .target(
            name: "Sluice",
            dependencies: [
                "CZstd", "CZlib", "CBzip2", "CLzma", "CArchive", "CUchardet", "SluiceText",
                .product(name: "Yams", package: "Yams"),
            ],
            // The language-identification model, built by data/langid/build_model.py.
            resources: [.copy("Resources/langid.bin")]
        ),
        .executableTarget(
            name: "sluice",
            dependencies: [
                "Sluice",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "sluice-bench", dependencies: ["Sluice"], path: "Benchmarks/sluice-bench"),
        // The streaming API with a custom stage and a custom source, built in CI (issue 18).
        .executableTarget(name: "custom-stage-example", dependencies: ["Sluice"], path: "Examples/CustomStage"),
        // Seeded random texts and fixture seeds shared by both test targets' property tests.
        .target(name: "SluiceFuzzSupport", path: "Tests/SluiceFuzzSupport"),
        .testTarget(name: "SluiceTextTests", dependencies: ["SluiceText", "SluiceFuzzSupport"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "SluiceTests",
            dependencies: ["Sluice", "SluiceFuzzSupport"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
