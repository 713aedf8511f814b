import Foundation
import Testing
@testable import HyperLabKit

/// The README's "Using HyperLabKit from Swift": its `Package.swift` and `main.swift`, taken from
/// README.md as written, build as a package of their own that depends on this checkout, and the
/// program prints the best value the README promises.
///
/// The package lives in `.build/readme-package/branin` (its build folder inside it), beside a
/// link `HyperLab` to the checkout that its `.package(path: "../HyperLab")` names, so a rerun
/// builds only what changed. The first build compiles HyperLabKit and GRDB again (30 s on 2 cores
/// on 2026-12-05; a rerun 2 s).
@Suite(.timeLimit(.minutes(10))) struct AskTellReadmeTests {
    /// The repository root (this file is Tests/HyperLabKitTests/Search/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The Swift code blocks of the README's section, in order.
    static func codeBlocks() throws -> [String] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "## Using HyperLabKit from Swift\n"))
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        return section.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
    }

    @Test func theReadmeProgramBuildsAgainstTheCheckoutAndFindsBraninsMinimum() throws {
        let blocks = try Self.codeBlocks()
        try #require(blocks.count == 2, "the section holds Package.swift, then main.swift")
        let (manifest, program) = (blocks[0], blocks[1])
        #expect(manifest.contains(".package(path: \"../HyperLab\")"))

        let files = FileManager.default
        let folder = Self.root.appendingPathComponent(".build/readme-package")
        let package = folder.appendingPathComponent("branin")
        try files.createDirectory(at: package.appendingPathComponent("Sources/branin"), withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("HyperLab")
        if (try? files.destinationOfSymbolicLink(atPath: link.path)) != Self.root.path {
            try? files.removeItem(at: link)
            try files.createSymbolicLink(at: link, withDestinationURL: Self.root)
        }
        try Self.writeIfChanged(manifest, to: package.appendingPathComponent("Package.swift"))
        try Self.writeIfChanged(program, to: package.appendingPathComponent("Sources/branin/main.swift"))
        // The checkout's pins, so the package builds with the dependencies the checkout was tested with.
        let pins = Self.root.appendingPathComponent("Package.resolved")
        if let text = try? String(contentsOf: pins, encoding: .utf8) {
            try Self.writeIfChanged(text, to: package.appendingPathComponent("Package.resolved"))
        }

        let build = try Self.swift(["build", "--package-path", package.path, "--product", "branin"])
        try #require(build.status == 0, "swift build of the README package failed:\n\(build.output)")
        let binary = package.appendingPathComponent(".build/debug/branin")
        let run = try Self.run(binary.path, [])
        try #require(run.status == 0, "the README program failed:\n\(run.output)")

        let line = try #require(run.output.split(separator: "\n").first { $0.hasPrefix("best value ") },
                                "no 'best value' line in:\n\(run.output)")
        let value = try #require(Double(line.dropFirst("best value ".count)), "not a number: \(line)")
        let branin = try BenchmarkFunctions.branin()
        #expect(value >= branin.minimum - 1e-9 && value < 0.6, "best value \(value), Branin's minimum is 0.397887")
        // The same study in this process gives the same digits: the package sees the Kit's determinism.
        let study = try AskTellStudy(space: branin.space, sampler: .tpe, direction: .minimize, seed: 0)
        _ = try AskTellStudyTests.minimizeBranin(study, count: 50)
        #expect(line == "best value \(try #require(study.bestTrial?.value))")
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("prints `\(line)`"), "the README quotes another best value than the program's \(line)")
    }

    /// Writes `text` unless the file already holds it (an unchanged file keeps its date, so the
    /// build has nothing to redo).
    static func writeIfChanged(_ text: String, to url: URL) throws {
        if (try? String(contentsOf: url, encoding: .utf8)) == text { return }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Runs the `swift` driver found on PATH.
    static func swift(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try run("/usr/bin/env", ["swift"] + arguments)
    }

    /// Runs `path` with `arguments`; its standard output and error together.
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
