// swift-tools-version:6.0
import PackageDescription

/// HyperLab: a workbench for choosing the hyperparameters of neural networks.
///
/// Layers (DESIGN.md): `hyperlab` (executable) → `HyperLabShell` (language, interpreter,
/// rendering) → `HyperLabKit` (numerics, data, learning, search). C libraries come from
/// Debian's -dev packages through system library targets.
let package = Package(
    name: "HyperLab",
    products: [
        .executable(name: "hyperlab", targets: ["hyperlab"]),
        .library(name: "HyperLabKit", targets: ["HyperLabKit"]),
        .library(name: "HyperLabShell", targets: ["HyperLabShell"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // ZeroMQ, the transport of Jupyter's messaging protocol (`hyperlab kernel`).
        .systemLibrary(
            name: "CZeroMQ",
            // No pkgConfig: libzmq.pc's flags (-isystem of Kerberos, for its private dependencies) are ones
            // SwiftPM refuses with a warning on every build, and zmq.h needs none of them.
            providers: [.apt(["libzmq3-dev"])]
        ),
        // OpenSSL's libcrypto (libpq links it already): SHA-256 for dataset hashes, HMAC-SHA256
        // for signing kernel messages.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "CKernels"),
        .target(name: "CProcess"),
        .target(
            name: "HyperLabKit",
            dependencies: [
                "CKernels",
                "CProcess",
                "CLibPQ",
                "CCrypto",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources/datasets")]
        ),
        .target(
            name: "HyperLabShell",
            dependencies: ["HyperLabKit", "CZeroMQ", "CCrypto"]
        ),
        .executableTarget(
            name: "hyperlab",
            dependencies: [
                "HyperLabShell",
                "HyperLabKit",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "hyperlab-bench",
            dependencies: ["HyperLabKit", "HyperLabFuzz"],
            path: "benchmarks/Sources/hyperlab-bench"
        ),
        // The fuzz pass of `hyperlab-bench fuzz`, also run (shorter) by the shell's tests. Optimized
        // in debug builds too: the tests generate their lines in a debug build, byte by byte.
        .target(
            name: "HyperLabFuzz",
            dependencies: ["HyperLabKit", "HyperLabShell"],
            path: "benchmarks/Sources/HyperLabFuzz",
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        // Helpers both test targets use (test targets cannot share files otherwise).
        .target(name: "HyperLabTestSupport", dependencies: ["HyperLabKit"], path: "Tests/HyperLabTestSupport"),
        .testTarget(name: "HyperLabKitTests", dependencies: ["HyperLabKit", "HyperLabTestSupport"], exclude: ["Data/Fixtures"]),
        .testTarget(
            name: "HyperLabShellTests",
            dependencies: ["HyperLabShell", "HyperLabKit", "HyperLabTestSupport", "HyperLabFuzz", "CZeroMQ"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
