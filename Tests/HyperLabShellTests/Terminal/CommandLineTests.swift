import Foundation
import Testing

/// The `hyperlab` executable run with pipes (not a terminal): argument forms, scripts, `-c`,
/// standard input as a script, exit statuses and error messages.
/// Fails (does not skip) when the executable has not been built next to the test bundle.
@Suite(.timeLimit(HyperLabBinary.timeLimit)) struct CommandLineTests {
    @Test func misspelledCommandFailsWithCaretAndSuggestion() throws {
        let result = try HyperLabBinary.run(["-c", "lod iris"])
        #expect(result.status == 1)
        let text = result.error + result.output
        #expect(text.contains("did you mean load?"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let source = try #require(lines.firstIndex { $0.hasSuffix("lod iris") }, "no echoed line in:\n\(text)")
        let caret = try #require(lines.dropFirst(source + 1).first { $0.contains("^") }, "no caret in:\n\(text)")
        let column = try #require(lines[source].range(of: "lod iris")).lowerBound.utf16Offset(in: lines[source])
        // The caret sits under `lod` and covers it (not `iris`).
        #expect(caret.prefix(column).allSatisfy { $0 == " " })
        #expect(caret.dropFirst(column).hasPrefix("^"))
        #expect(!caret.dropFirst(column + 3).contains("^"))
    }

    @Test func commandsRunInOrderAndStopAtTheFirstError() throws {
        let result = try HyperLabBinary.run(["-c", "say \"one\"", "-c", "say \"two\"; lod", "-c", "say \"three\""])
        #expect(result.status == 1)
        #expect(result.output.contains("one\ntwo\n"))
        #expect(!result.output.contains("three"))
    }

    @Test func successfulCommandsAndQuitExitZero() throws {
        #expect(try HyperLabBinary.run(["-c", "say \"hello\""]).status == 0)
        #expect(try HyperLabBinary.run(["-c", "quit", "-c", "lod"]).status == 0)
    }

    @Test func anObjectiveCommandGivenWithDashCNeedsAllowCommands() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        let objective = #"objective command "touch ran-{x}; echo hyperlab: score={x}" metric=score"#
        let refused = try HyperLabBinary.run(["--store", "memory", "-c", objective, "-c", "sweep random n=1 x=int(1,9)"], directory: folder)
        #expect(refused.status == 1)
        #expect(refused.error.contains("commands given with -c may not run external programs by default"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix("ran-") })
        let allowed = try HyperLabBinary.run(["--store", "memory", "--allow-commands", "-c", objective, "-c", "sweep random n=1 x=int(1,9)"], directory: folder)
        #expect(allowed.status == 0, "\(allowed.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasPrefix("ran-") })
    }

    @Test func scriptFileAndRunSubcommandBothRunTheScript() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        try "say \"from the script\"\n".write(to: folder.appendingPathComponent("ok.hlab"), atomically: true, encoding: .utf8)
        for arguments in [["ok.hlab"], ["run", "ok.hlab"], ["shell", "ok.hlab"], ["ok.hlab", "--echo"], ["run", "--echo", "ok.hlab"]] {
            let result = try HyperLabBinary.run(arguments, directory: folder)
            #expect(result.status == 0, "\(arguments): \(result.error)")
            #expect(result.output.contains("from the script"), "\(arguments)")
        }
    }

    @Test func echoPrintsEachCommandBeforeItsOutput() throws {
        let result = try HyperLabBinary.run(["--echo", "-c", "say \"hi\""])
        let echo = try #require(result.output.range(of: "say \"hi\""))
        let said = try #require(result.output.range(of: "hi\n", range: echo.upperBound..<result.output.endIndex))
        #expect(echo.upperBound <= said.lowerBound)
    }

    @Test func scriptErrorNamesFileLineAndColumnAndExitsOne() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        try "say \"first\"\n  lod iris\nsay \"never\"\n".write(to: folder.appendingPathComponent("bad.hlab"), atomically: true, encoding: .utf8)
        let result = try HyperLabBinary.run(["run", "bad.hlab"], directory: folder)
        #expect(result.status == 1)
        #expect(result.output.contains("first"))
        #expect(!result.output.contains("never"))
        let text = result.error + result.output
        #expect(text.contains("bad.hlab"))
        #expect(text.contains("2:3") || (text.contains("line 2") && text.contains("column 3")), "\(text)")
    }

    @Test func missingScriptIsAClearError() throws {
        for arguments in [["missing.hlab"], ["run", "missing.hlab"]] {
            let result = try HyperLabBinary.run(arguments)
            #expect(result.status == 1)
            #expect(result.error.contains("cannot read missing.hlab: No such file or directory"))
        }
    }

    @Test func standardInputThatIsNotATerminalIsAScript() throws {
        let good = try HyperLabBinary.run([], input: "say \"piped\"\nsay \\\n  \"joined\"\n")
        #expect(good.status == 0, "\(good.error)")
        #expect(good.output.contains("piped\njoined\n"))
        #expect(!good.output.contains("hyperlab>"))

        let bad = try HyperLabBinary.run([], input: "say \"ok\"\nlod iris\nsay \"never\"\n")
        #expect(bad.status == 1)
        #expect(!bad.output.contains("never"))
        #expect((bad.error + bad.output).contains("did you mean load?"))
    }
    @Test func keepGoingRunsEveryCommandAfterAnErrorAndStillExitsOne() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        let script = "say \"one\"\nlod iris\nsay \"two\"; set lr=20; say \"skipped\"\nsay \"three\"\n"
        try script.write(to: folder.appendingPathComponent("errors.hlab"), atomically: true, encoding: .utf8)
        let runs = [
            try HyperLabBinary.run(["--keep-going"], input: script, directory: folder),
            try HyperLabBinary.run(["--keep-going", "errors.hlab"], directory: folder),
            try HyperLabBinary.run(["--keep-going", "run", "errors.hlab"], directory: folder),
            try HyperLabBinary.run(["--keep-going"] + script.split(separator: "\n").flatMap { ["-c", String($0)] }, directory: folder),
        ]
        for result in runs {
            #expect(result.status == 1)
            // Each line goes on after its error; the rest of a line that failed does not run.
            #expect(result.output.contains("one\ntwo\nthree\n"), "\(result.output)")
            #expect(!result.output.contains("skipped"))
            #expect(result.error.contains("did you mean load?") && result.error.contains("lr=20 is out of range"), "\(result.error)")
        }
        let quit = try HyperLabBinary.run(["--keep-going"], input: "lod\nquit\nsay \"after quit\"\n")
        #expect(quit.status == 1)
        #expect(!quit.output.contains("after quit"))
    }


    @Test func versionHelpAndBadArguments() throws {
        let version = try HyperLabBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.first?.isNumber == true)

        let help = try HyperLabBinary.run(["--help"])
        #expect(help.status == 0)
        for form in ["hyperlab run", "-c", "--echo", "--store", "Examples:"] {
            #expect(help.output.contains(form), "help lacks \(form)")
        }
        #expect(try HyperLabBinary.run(["run", "--help"]).output.contains("USAGE: hyperlab run"))

        let both = try HyperLabBinary.run(["script.hlab", "-c", "datasets"])
        #expect(both.status != 0)
        #expect(both.error.contains("not both"))

        let stores = try HyperLabBinary.run(["--store", "memory", "--allow-commands", "-c", "say \"ok\""])
        #expect(stores.status == 0, "\(stores.error)")
    }

    @Test func globalOptionsWorkBeforeASubcommand() throws {
        let folder = try HyperLabBinary.temporaryFolder()
        try "say \"from the script\"\n".write(to: folder.appendingPathComponent("ok.hlab"), atomically: true, encoding: .utf8)
        for arguments in [["--store", "memory", "run", "ok.hlab"], ["--store=memory", "run", "ok.hlab"],
                          ["--echo", "--store", "memory", "run", "ok.hlab"], ["--allow-commands", "shell", "ok.hlab"],
                          ["--store", "memory", "run", "--echo", "ok.hlab"]] {
            let result = try HyperLabBinary.run(arguments, directory: folder)
            #expect(result.status == 0, "\(arguments): \(result.error)")
            #expect(result.output.contains("from the script"), "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("hyperlab.sqlite").path))
        let echoed = try HyperLabBinary.run(["--echo", "run", "ok.hlab"], directory: folder)
        #expect(echoed.output.contains("say \"from the script\""))
    }

    @Test func helpNamesEveryKindOfStore() throws {
        let help = try HyperLabBinary.run(["--help"]).output
        // The description of --store itself, not the worker's usage line.
        let store = try #require(help.range(of: "--store <store>      "), "\(help)")
        let next = try #require(help.range(of: "--notebook", range: store.upperBound..<help.endIndex))
        #expect(help[store.upperBound..<next.lowerBound].contains("postgresql://"), "\(help)")
        #expect(try HyperLabBinary.run(["run", "--help"]).output.contains("postgresql://"))
    }

    @Test func reconnectTakesATimeAndTheWorkersHelpExplainsIt() throws {
        let help = try HyperLabBinary.run(["worker", "--help"]).output
        #expect(help.contains("--reconnect <time>"), "\(help)")
        #expect(help.contains("(default: 5m)"), "\(help)")
        #expect(help.contains("exits with status 1"), "\(help)")
        #expect(try HyperLabBinary.run(["--help"]).output.contains("--reconnect <time>"))
        for bad in ["5x", "2d", "m", "25h"] {
            let result = try HyperLabBinary.run(["worker", "--store", "postgresql://lab@127.0.0.1:1/none", "--reconnect", bad])
            #expect(result.status != 0 && result.error.contains("'\(bad)' is invalid for '--reconnect <time>'"), "\(bad): \(result.error)")
        }
        // Accepted before a subcommand too, as the other common options are.
        for good in ["90", "90s", "1.5m", "1h", "0"] {
            let result = try HyperLabBinary.run(["--reconnect", good, "--store", "memory", "run", "/dev/null"])
            #expect(result.status == 0, "\(good): \(result.error)")
        }
    }
}
