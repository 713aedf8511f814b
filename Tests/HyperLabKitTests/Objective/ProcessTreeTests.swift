import Foundation
import Testing
@testable import HyperLabKit

/// The processes below a command, found through `/proc`, and the stop of those that left its
/// process group with `setsid` (Linux).
@Suite(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/stat") && FileManager.default.fileExists(atPath: "/usr/bin/setsid")))
struct ProcessTreeTests {
    /// A `sleep` argument no other test or process uses: `1000.NNNNNN`.
    static func uniqueSleep() -> String { "1000.\(UInt32.random(in: 100_000...999_999))" }

    /// The running processes (zombies excluded) whose command line is `sleep ARGUMENT`.
    static func sleeps(_ argument: String) -> [pid_t] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { name -> pid_t? in
            guard let pid = pid_t(name),
                  let line = FileManager.default.contents(atPath: "/proc/\(name)/cmdline"),
                  line.split(separator: 0).map({ String(decoding: $0, as: UTF8.self) }) == ["sleep", argument],
                  ProcessTree.member(pid)?.isRunning == true else { return nil }
            return pid
        }
    }

    @Test func descendantsAreFoundAcrossSessions() throws {
        let argument = Self.uniqueSleep()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "setsid sh -c 'sleep \(argument)' & sleep 30"]
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let shell = try #require(ProcessTree.member(process.processIdentifier))
        var found: [pid_t] = []
        for _ in 0..<250 where found.isEmpty {
            usleep(20_000)
            found = Self.sleeps(argument)
        }
        let below = ProcessTree.descendants(of: shell)
        #expect(!found.isEmpty && found.allSatisfy { pid in below.contains { $0.pid == pid } })
        for member in below { member.send(SIGKILL) }
        ProcessTree.reap(below, within: .seconds(2))
        #expect(Self.sleeps(argument).isEmpty)
    }

    @Test func aRootWhosePidWasReusedHasNoDescendants() {
        #expect(ProcessTree.descendants(of: ProcessTree.Member(pid: getpid(), started: 1)).isEmpty)
        #expect(ProcessTree.member(getpid()) != nil)
    }

    @Test(arguments: ["timeout", "interruption"])
    func aStoppedCommandsSetsidChildrenEndToo(_ how: String) throws {
        let fixture = CommandFixture()
        let first = Self.uniqueSleep(), second = Self.uniqueSleep()
        let script = fixture.script("detach.sh", """
            echo $$ > "$DIR/shell.pid"
            setsid sleep \(first) &
            echo $! > "$DIR/first.pid"
            setsid sh -c 'sleep \(second)' &
            echo $! > "$DIR/second.pid"
            echo started > "$DIR/started"
            sleep 30
            """)
        let objective = try fixture.objective("sh \(script)", timeout: .seconds(how == "timeout" ? 1 : 60),
                                              grace: .milliseconds(500))
        let started = fixture.file("started")
        let context = ReportRecorder().context(interruption: how == "timeout" ? .never : Interruption {
            FileManager.default.fileExists(atPath: started) && !Self.sleeps(first).isEmpty && !Self.sleeps(second).isEmpty
        })
        let result = try objective.execute(context)
        let expected: ExternalCommandResult.Stop = how == "timeout" ? .timedOut(.seconds(1)) : .interrupted
        #expect(result.stop == expected)
        #expect(FileManager.default.fileExists(atPath: started))
        #expect(Self.sleeps(first).isEmpty, "sleep \(first) survived the \(how)")
        #expect(Self.sleeps(second).isEmpty, "sleep \(second) survived the \(how)")
        // Reaped, not left as zombies: the pids are gone.
        for name in ["first.pid", "second.pid"] {
            let pid = try #require(fixture.pid(name))
            #expect(kill(pid, 0) != 0 && errno == ESRCH, "\(name) \(pid) was left unreaped")
        }
        #expect(result.seconds < 10)
    }
}
