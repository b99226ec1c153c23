// swift-tools-version: 6.0
import Foundation
import PackageDescription

let package = Package(
    name: "Candor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "candor", targets: ["candor"]),
        .library(name: "CandorKit", targets: ["CandorKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "PCRE2Kit", dependencies: ["CPCRE2"]),
        // The commit `make` builds from, for `candor --version`.
        .target(name: "CBuildInfo"),
        .target(
            name: "CandorKit",
            dependencies: ["PCRE2Kit", "CLibXML2", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "candor",
            dependencies: [
                "CandorKit", "PCRE2Kit", "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Scratch folders for the tests, removed when a test run ends.
        .target(name: "CandorTestSupport", path: "Tests/Support"),
        .testTarget(name: "PCRE2KitTests", dependencies: ["PCRE2Kit"]),
        // The fixtures are read from their paths, not bundled: excluded, so the build names no
        // unhandled files.
        .testTarget(name: "CandorKitTests", dependencies: ["CandorKit", "CandorTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CandorCLITests", dependencies: ["candor", "CandorTestSupport"]),
    ]
)

// The libFuzzer harness, built only on request (it needs the fuzzer runtime and its own build folder):
// CANDOR_FUZZ=1 swift build --product candor-fuzz --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address
if ProcessInfo.processInfo.environment["CANDOR_FUZZ"] != nil {
    package.products.append(.executable(name: "candor-fuzz", targets: ["candor-fuzz"]))
    package.targets += [
        .target(name: "FuzzDriver", path: "Fuzz/Driver"),
        .executableTarget(
            name: "candor-fuzz", dependencies: ["CandorKit", "FuzzDriver"], path: "Fuzz/Harness",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
    ]
}
