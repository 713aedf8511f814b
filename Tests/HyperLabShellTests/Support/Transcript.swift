import Foundation
@testable import HyperLabShell

/// Runs scripts through an in-process shell as a person would type them, and captures the output.
///
/// Each logical line (a line and its `\` continuations) is one submission, echoed after the
/// prompt, so an error shows in the transcript and the session goes on, as in the real shell.
struct Transcript {
    /// The shell under test.
    let shell: Shell
    /// Everything it printed.
    let output: CapturedOutput
    /// Its working directory (a fresh temporary folder).
    let directory: URL

    /// A shell in a fresh temporary folder holding a copy of the golden fixtures, with a fixed clock.
    init(echo: Bool = true) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("hyperlab-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let fixtures = Transcript.goldenFolder.appendingPathComponent("fixtures")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name),
                                             to: directory.appendingPathComponent(name))
        }
        output = CapturedOutput()
        let options = ShellOptions(echo: echo, interactive: false, workingDirectory: directory.path,
                                   clock: { Date(timeIntervalSince1970: 1_798_761_600) })
        shell = Shell(console: output.console(), options: options)
    }

    /// Submits each logical line of `script` in turn; stops at `quit`.
    @discardableResult
    func type(_ script: String) -> String {
        var chunk: [String] = []
        for line in script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            chunk.append(line)
            if Shell.continues(line) { continue }
            let outcome = shell.run(chunk.joined(separator: "\n"))
            chunk = []
            if outcome == .quit { break }
        }
        return output.text
    }

    /// The folder of golden scripts (`NAME.hlab`) and their expected output (`NAME.out`).
    static let goldenFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    /// Whether golden files are rewritten instead of compared (`HYPERLAB_UPDATE_GOLDEN=1`).
    static var updating: Bool { ProcessInfo.processInfo.environment["HYPERLAB_UPDATE_GOLDEN"] == "1" }
}
