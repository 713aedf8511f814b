import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// Where objective-command logs go: `logs/STUDY` beside a store file, a temporary folder
/// removed at exit with `--store memory`, or `logs="DIR"`; and each log keeps at most `log_limit` bytes.
@Suite struct TrialLogFolderTests {
    static let objective = #"objective command "seq 1 3000; echo hyperlab: score={x}" metric=score"#

    @Test func withAMemoryStoreTheLogsGoToATemporaryFolderRemovedWithTheShell() throws {
        var temporary = ""
        let directory: URL
        do {
            let t = try Transcript(echo: false)
            directory = t.directory
            #expect(t.shell.options.repository.location == "memory")
            #expect(t.shell.run(Self.objective) == .completed)
            #expect(t.shell.run("sweep random n=2 x=uniform(0, 1)") == .completed)
            #expect(t.output.text.contains("logs in a temporary folder (removed at exit)"))
            temporary = t.shell.temporaryLogs.path
            #expect(FileManager.default.fileExists(atPath: temporary + "/sweep 1/trial-0001.log"))
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("logs").path))
            #expect(t.shell.run("show trial 1") == .completed)
            #expect(t.output.text.contains("  3000\n"))
        }
        #expect(!temporary.isEmpty && !FileManager.default.fileExists(atPath: temporary))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("logs").path))
    }

    @Test func logsGivesTheFolderWhateverTheStore() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(Self.objective + #" logs="kept""#) == .completed)
        #expect(t.shell.run("sweep random n=1 x=uniform(0, 1) name=first") == .completed)
        #expect(t.output.text.contains("logs in kept/first/"))
        #expect(FileManager.default.fileExists(atPath: t.directory.appendingPathComponent("kept/first/trial-0000.log").path))
        #expect(!t.shell.temporaryLogs.exists)
    }

    /// `show trial N` says when a trial's log is gone, instead of leaving its lines out without a word.
    @Test func showTrialSaysWhenTheLogIsGone() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(Self.objective + #" logs="kept""#) == .completed)
        #expect(t.shell.run("sweep random n=1 x=uniform(0, 1) name=gone") == .completed)
        try FileManager.default.removeItem(at: t.directory.appendingPathComponent("kept/gone/trial-0000.log"))
        #expect(t.shell.run("show trial 0") == .completed)
        #expect(t.output.text.contains("no log at kept/gone/trial-0000.log: it was removed, written to another logs= folder, or on another machine\n"),
                "\(t.output.text)")
    }

    /// A log folder that cannot be made stops the sweep before any trial, saying why (it was a
    /// silent `try?`, and every trial then failed on its own log).
    @Test func aLogFolderThatCannotBeMadeIsAClearError() throws {
        let t = try Transcript(echo: false)
        try "".write(to: t.directory.appendingPathComponent("afile"), atomically: true, encoding: .utf8)
        #expect(t.shell.run(#"objective command "echo hyperlab: score={x}" metric=score logs="afile/sub""#) == .completed)
        #expect(t.shell.run("sweep random n=2 x=uniform(0, 1)") == .failed)
        #expect(t.output.text.contains("error: cannot make the folder for the trials' logs, afile/sub/sweep 1/: afile is a file, not a folder"), "\(t.output.text)")
        #expect(t.output.text.contains(#"hint: give objective command … logs="DIR" a folder that can be written"#))
        #expect(t.shell.workbench.sweeps.isEmpty)
    }

    @Test func withAStoreFileTheLogsGoToLogsBesideIt() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(#"set store="s.sqlite""#) == .completed)
        #expect(t.shell.run(Self.objective) == .completed)
        #expect(t.shell.run("sweep random n=1 x=uniform(0, 1)") == .completed)
        #expect(t.output.text.contains("logs in logs/sweep 1/"))
        #expect(FileManager.default.fileExists(atPath: t.directory.appendingPathComponent("logs/sweep 1/trial-0000.log").path))
    }

    @Test func logLimitCapsEachTrialsLogKeepingItsEnd() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(Self.objective + #" logs="kept" log_limit=1000"#) == .completed)
        #expect(t.shell.run("sweep random n=1 x=uniform(0, 1) name=small") == .completed)
        let path = t.directory.appendingPathComponent("kept/small/trial-0000.log").path
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size <= 1_000)
        #expect(TrialLog.tail(path: path, lines: 3)?.first == "3000")
        #expect(t.shell.run(Self.objective + " log_limit=10") == .failed)
    }

    @Test func aTemporaryFolderIsMadeOnFirstUseAndRemoved() throws {
        let folder = TemporaryLogFolder()
        #expect(!folder.exists)
        let path = folder.path
        #expect(folder.exists && FileManager.default.fileExists(atPath: path))
        _ = FileManager.default.createFile(atPath: path + "/x.log", contents: Data("x".utf8))
        folder.remove()
        #expect(!folder.exists && !FileManager.default.fileExists(atPath: path))
    }
}
