import Foundation
import Testing
@testable import HyperLabShell
import HyperLabKit

/// `sweep … name=`: a study name is 1–128 printable characters without `/`, refused at their
/// column with a hint otherwise, and the logs of any study stay inside `logs/`.
@Suite struct BinderStudyNameTests {
    static let objective = #"objective command "echo hyperlab: score={x}" metric=score"#

    @Test(arguments: [
        (#"sweep random n=1 x=uniform(0, 1) name="..""#, "'..' cannot name a study", 40),
        (#"sweep random n=1 x=uniform(0, 1) name="a/b""#, "a study name cannot hold '/'", 41),
        (#"sweep random n=1 x=uniform(0, 1) name="""#, "a study name cannot be empty", 40),
        (#"sweep random n=1 x=uniform(0, 1) name="a\nb""#, "a study name cannot hold a line break", 41),
    ])
    func badNamesAreRefusedAtTheirColumnWithAHint(_ line: String, _ message: String, _ column: Int) throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run(Self.objective) == .completed)
        #expect(t.shell.run(line) == .failed)
        #expect(t.output.text.contains(message))
        #expect(t.output.text.contains("\(message)") && t.output.text.contains("(line 1, column \(column))"))
        #expect(t.output.text.contains("hint: a study name is 1 to 128 printable characters"))
        #expect(t.shell.workbench.sweeps.isEmpty)
        #expect(try t.shell.options.repository.studies().isEmpty)
    }

    @Test func aNameOfDotsNeitherWritesNorEmptiesLogsInTheWorkingFolder() throws {
        let t = try Transcript(echo: false)
        let log = t.directory.appendingPathComponent("trial-0000.log")
        try Data("kept\n".utf8).write(to: log)
        _ = t.shell.run(Self.objective)
        #expect(t.shell.run(#"sweep random n=1 x=uniform(0, 1) name="..""#) == .failed)
        #expect(try String(contentsOf: log, encoding: .utf8) == "kept\n")
    }

    @Test func theLogFolderOfAnyStoredNameIsInsideLogs() {
        #expect(Shell.logFolderName("..") == "logs/__")
        #expect(Shell.logFolderName("a/../../b") == "logs/a-..-..-b")
        #expect(Shell.logFolderName("sweep 1") == "logs/sweep 1")
    }

    @Test func aLongValidNameIsKept() throws {
        let t = try Transcript(echo: false)
        _ = t.shell.run(Self.objective)
        let name = String(repeating: "n", count: 128)
        #expect(t.shell.run("sweep random n=1 x=uniform(0, 1) name=\(name)") == .completed)
        #expect(t.shell.workbench.sweeps.last?.name == name)
        #expect(t.shell.run("sweep random n=1 x=uniform(0, 1) name=\(name)") == .completed)
        let second = try #require(t.shell.workbench.sweeps.last?.name)
        #expect(second.count <= 128 && second.hasSuffix(" (2)"))
    }
}
