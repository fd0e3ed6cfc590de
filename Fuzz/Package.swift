// swift-tools-version: 6.0
// Coverage-guided fuzz harnesses for Sluice (libFuzzer). A separate package so the main one
// builds as before; `Scripts/fuzz.sh` builds it with `-sanitize=fuzzer,address` and runs one
// harness (chosen by SLUICE_FUZZ_HARNESS) on its corpus.
import PackageDescription

let package = Package(
    name: "SluiceFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Sluice", path: "..")],
    targets: [
        .executableTarget(
            name: "sluice-fuzz",
            dependencies: [.product(name: "Sluice", package: "Sluice")],
            path: "Sources/SluiceFuzz",
            // libFuzzer supplies `main`; the harness file only defines the entry points.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
