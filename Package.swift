// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Tovholder",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tovholder", targets: ["tovholder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        // `tovholder serve`: the SSH protocol, its event loop and the host key's curve.
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", pkgConfig: "ncursesw",
                       providers: [.apt(["libncursesw5-dev"])]),
        // statfs(2) for the network file system warning (not in Swift's Glibc module).
        .systemLibrary(name: "CStatfs"),
        .target(name: "TovholderCore", dependencies: [
            "CStatfs",
            .product(name: "Yams", package: "Yams"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "TovholderTUI", dependencies: [
            "TovholderCore", "CNcursesw",
            // Themes are YAML files validated with line numbers from Yams' node tree.
            .product(name: "Yams", package: "Yams"),
        ]),
        // forkpty(3) and exec in C: nothing may run between fork and exec in a threaded process.
        .systemLibrary(name: "CPty"),
        // The SSH server of `tovholder serve`: a participant's view per connection, in a pty.
        .target(name: "TovholderSSH", dependencies: [
            "TovholderCore", "CPty",
            .product(name: "NIOSSH", package: "swift-nio-ssh"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            // AES-CTR for the aes128-ctr/aes256-ctr transport (clients without AES-GCM).
            .product(name: "CryptoExtras", package: "swift-crypto"),
        ],
        // Strict concurrency where threads meet: the event loop, the thread pool, the log queue.
        swiftSettings: [.swiftLanguageMode(.v6)]),
        .executableTarget(name: "tovholder", dependencies: [
            "TovholderCore", "TovholderTUI", "TovholderSSH",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "tovholder-bench", dependencies: ["TovholderCore", "TovholderTUI"],
                          path: "Benchmarks/RenderBench"),
        // Many of these write and watch one session at once (Tests/e2e/test_concurrency.py).
        .executableTarget(name: "tovholder-load", dependencies: ["TovholderCore"],
                          path: "Benchmarks/LoadTool"),
        .testTarget(name: "TovholderCoreTests", dependencies: ["TovholderCore"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "TovholderSSHTests", dependencies: [
            "TovholderSSH", "TovholderCore",
            // TransportSchemeTests: two NIOSSH peers back to back, with keys of their own.
            .product(name: "NIOSSH", package: "swift-nio-ssh"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "TovholderTUITests", dependencies: [
            "TovholderTUI", "TovholderCore",
            .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
        ], exclude: ["__Snapshots__"]),
    ],
    swiftLanguageModes: [.v5]
)
