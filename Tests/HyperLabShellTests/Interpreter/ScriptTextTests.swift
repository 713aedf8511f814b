import Foundation
import Testing
@testable import HyperLabShell

/// Scripts saved with CRLF line ends or a UTF-8 byte-order mark run as they read, with the
/// right line numbers in errors (`Shell.normalizedScript`).
@Suite struct ScriptTextTests {
    @Test func aByteOrderMarkAndCRLFLineEndsAreAccepted() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("\u{FEFF}load iris\r\nsplit train=0.6 dev=0.2 test=0.2 seed=1\r\n", source: "win.hlab") == .completed)
        #expect(t.output.text.contains("split iris: train 90"))
    }

    @Test func errorsInACRLFScriptNameTheirLine() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("load iris\r\nsplit train=2\r\n", source: "win.hlab") == .failed)
        #expect(t.output.text.contains("win.hlab:2:"))
    }

    @Test func aReplayedCRLFFileRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crlf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("win.hlab")
        try Data("\u{FEFF}load iris\r\nshow data\r".utf8).write(to: file)
        let t = try Transcript(echo: false)
        #expect(t.shell.run("replay \"\(file.path)\"") == .completed)
        #expect(t.output.text.contains("loaded iris"))
    }

    @Test func normalizationLeavesOtherTextAlone() {
        #expect(Shell.normalizedScript("a\nb") == "a\nb")
        #expect(Shell.normalizedScript("\u{FEFF}a\r\nb\rc") == "a\nb\nc")
        #expect(Shell.normalizedScript("say \"\u{FEFF}\"") == "say \"\u{FEFF}\"", "only a leading mark is dropped")
    }
}
