import Testing
@testable import HyperLabShell

/// Completion, inspection and cell completeness as the kernel answers them.
@Suite struct KernelIntrospectionTests {
    @Test func completesTheWordBeforeTheCursor() {
        let code = "load iris\nswe"
        let reply = KernelIntrospection.complete(code: code, cursor: code.unicodeScalars.count) { prefix in
            Shell(console: CapturedOutput().console(), options: ShellOptions()).completions(linePrefix: prefix)
        }
        guard case .array(let matches)? = reply["matches"] else { Issue.record("no matches in \(reply)"); return }
        #expect(matches.contains(.string("sweep")))
        #expect(reply[integer: "cursor_start"] == 10)
        #expect(reply[integer: "cursor_end"] == 13)
    }

    @Test func completesAnOptionKeyAfterItsEqualsSign() {
        let code = "load moons n=100 se"
        let reply = KernelIntrospection.complete(code: code, cursor: code.count) { prefix in
            Shell(console: CapturedOutput().console(), options: ShellOptions()).completions(linePrefix: prefix)
        }
        guard case .array(let matches)? = reply["matches"] else { Issue.record("no matches in \(reply)"); return }
        #expect(matches.contains(.string("seed=")))
        #expect(reply[integer: "cursor_start"] == code.count - 2)
    }

    @Test func inspectionIsTheCommandsHelp() {
        let reply = KernelIntrospection.inspect(code: "load iris; split train=0.6", cursor: 14)
        #expect(reply[boolean: "found"] == true)
        #expect(reply["data"]?[string: "text/plain"]?.contains("split") == true)
        let sweep = KernelIntrospection.inspect(code: "sweep random n=5 lr=log(1e-4, 1e-1)", cursor: 3)
        #expect(sweep["data"]?[string: "text/plain"]?.contains("random") == true)
        #expect(KernelIntrospection.inspect(code: "nonsense here", cursor: 3)[boolean: "found"] == false)
    }

    @Test func aTrailingBackslashContinues() {
        #expect(KernelIntrospection.isComplete(code: "sweep grid \\")[string: "status"] == "incomplete")
        #expect(KernelIntrospection.isComplete(code: "sweep grid \\\n  lr=[0.1]")[string: "status"] == "complete")
        #expect(KernelIntrospection.isComplete(code: "say \"a \\\\\"")[string: "status"] == "complete")
    }
}
