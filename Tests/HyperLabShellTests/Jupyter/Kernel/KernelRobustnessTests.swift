import Foundation
import Testing
@testable import HyperLabShell

/// The kernel under what real front ends and users send it: odd cells, malformed messages,
/// silent requests, interrupts at any moment. It never crashes or hangs, and a cell that fails
/// leaves it serving.
@Suite(.timeLimit(.minutes(5)))
struct KernelRobustnessTests {
    @Test func oddCellsLeaveTheKernelServing() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lesson = "load iris\npause\nsay \"the data is loaded\"\nsplit train=0.6 dev=0.2 test=0.2 seed=1\n"
        try lesson.write(toFile: folder + "/lesson.hlab", atomically: true, encoding: .utf8)
        let client = try KernelTestClient(options: ShellOptions(workingDirectory: folder))
        var count = 0
        func run(_ code: String, _ status: String = "ok") throws -> [KernelMessage] {
            count += 1
            let result = try client.execute(code)
            #expect(result.reply.content[string: "status"] == status, "\(code.prefix(60)): \(result.reply.content)")
            #expect(result.reply.content[integer: "execution_count"] == count)
            return result.published
        }
        _ = try run("")
        _ = try run("# only a note, nothing to run")
        _ = try run("   \n\n\t\n")
        #expect(KernelTestClient.streamText(try run("quit")).contains("the kernel keeps running"))
        #expect(KernelTestClient.streamText(try run("datasets; exit; history")).contains("the kernel keeps running"))
        _ = try run("pause")
        let open = KernelTestClient.shownText(try run("datasets \\"))
        #expect(open.contains("iris"), "a `\\` left open ends with the cell: \(open)")
        let unicode = KernelTestClient.streamText(try run("say \"naïve 👋🏽 שלום 日本 e\u{301}\""))
        #expect(unicode.contains("naïve 👋🏽 שלום 日本 e\u{301}"), "\(unicode)")
        _ = try run("lo\u{301}ad iris", "error")
        _ = try run("load \u{1F600}\u{0}\u{7}", "error")
        let replay = KernelTestClient.streamText(try run("replay \"lesson.hlab\""))
        #expect(replay.contains("loaded iris") && replay.contains("the data is loaded"), "\(replay)")
        _ = try run("replay \"lesson.hlab\" step=yes")
        _ = try run("replay \"missing.hlab\"", "error")

        // A very long cell: many lines, and one very long line.
        let long = Array(repeating: "# a note", count: 20_000).joined(separator: "\n")
            + "\nsay \"" + String(repeating: "x", count: 100_000) + "\"\nshow data"
        let clock = ContinuousClock.now
        #expect(KernelTestClient.streamText(try run(long)).contains("150"))
        #expect(ContinuousClock.now - clock < .seconds(20), "a long cell is not slow")

        _ = try run("save notebook \"lesson.ipynb\"\nsave session \"lesson-again.hlab\"")
        let notebook = try JupyterJSON.parse(String(contentsOfFile: folder + "/lesson.ipynb", encoding: .utf8))
        #expect(notebook[integer: "nbformat"] == 4)
        #expect(FileManager.default.fileExists(atPath: folder + "/sessions/lesson-again.hlab")
            || FileManager.default.fileExists(atPath: folder + "/lesson-again.hlab"))
        #expect(KernelTestClient.streamText(try run("history")).contains("split"))
        #expect(try client.shutDown())
    }

    @Test func malformedMessagesAreDroppedOrIgnored() throws {
        let client = try KernelTestClient()
        let header = KernelMessage(type: "execute_request", content: .object([:]), session: "raw").header.text
        let empty = Array("{}".utf8)
        // Bad JSON, a content that is no object, too few frames, no delimiter: dropped unanswered.
        client.sendRaw([Array(header.utf8), empty, empty, Array("{\"code\": \"datasets\"".utf8)])
        client.sendRaw([Array(header.utf8), empty, empty, Array("[\"datasets\"]".utf8)])
        client.sendRaw([Array(header.utf8), empty])
        client.shell.send([Array("no delimiter".utf8), Array(header.utf8)])
        // Arrays nested far deeper than any message: dropped, not a stack overflow.
        let deep = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        client.sendRaw([Array(header.utf8), empty, Array("{\"x\": ".utf8) + deep + Array("}".utf8), empty])
        #expect(!client.shell.waitReadable(milliseconds: 500), "nothing answers a malformed message")

        // A header without a type or an id, and types the kernel does not know: ignored.
        client.sendRaw([empty, empty, empty, empty])
        client.sendRaw([Array("{\"msg_type\": \"execute_request\"}".utf8), empty, empty, Array("{\"code\": \"datasets\"}".utf8)])
        let unknown = Array(KernelMessage(type: "frobnicate_request", content: .object([:]), session: "raw").header.text.utf8)
        client.sendRaw([unknown, empty, empty, empty])
        client.sendRaw([unknown, empty, empty, empty], on: client.control)
        // Invalid UTF-8 inside a string: read with replacement characters.
        let invalid: [UInt8] = Array("{\"code\": \"say \\\"".utf8) + [0xFF, 0xFE, 0xC3] + Array("\\\"\", \"silent\": false}".utf8)
        client.sendRaw([Array(header.utf8), empty, empty, invalid])
        // Fields of the wrong type, extra buffers, a huge content.
        let odd = try client.request("execute_request", ["code": .integer(42), "silent": .string("no")], buffers: [[1, 2, 3], []])
        #expect(odd.reply.content[string: "status"] == "ok")
        let huge = try client.execute("# " + String(repeating: "x", count: 4_000_000) + "\ndatasets")
        #expect(huge.reply.content[string: "status"] == "ok")
        #expect(KernelTestClient.shownText(huge.published).contains("iris"))

        let after = try client.execute("datasets")
        #expect(after.reply.content[string: "status"] == "ok", "the kernel still serves")
        let info = try client.request("kernel_info_request", [:], on: client.control).reply
        #expect(info.content[string: "protocol_version"] == "5.3")
        #expect(try client.shutDown())
    }

    @Test func silentRequestsPublishNothingAndAreNotCounted() throws {
        let client = try KernelTestClient()
        let quiet = try client.execute("load iris\nshow data", silent: true)
        #expect(quiet.reply.content[string: "status"] == "ok")
        #expect(quiet.reply.content[integer: "execution_count"] == 0)
        #expect(quiet.published.allSatisfy { $0.type == "status" }, "\(quiet.published.map(\.type))")
        let quietError = try client.execute("lod iris", silent: true)
        #expect(quietError.reply.content[string: "status"] == "error")
        #expect(quietError.published.allSatisfy { $0.type == "status" }, "\(quietError.published.map(\.type))")

        let unrecorded = try client.execute("show data", storeHistory: false)
        #expect(unrecorded.reply.content[integer: "execution_count"] == 0)
        #expect(unrecorded.published.contains { $0.type == "execute_input" })
        #expect(KernelTestClient.streamText(unrecorded.published).contains("150"), "the silent cell's work stays")

        let counted = try client.execute("show data")
        #expect(counted.reply.content[integer: "execution_count"] == 1)
        #expect(try client.shutDown())
    }

    @Test func interruptsWhileIdleTwiceAndDuringTraining() throws {
        let client = try KernelTestClient()
        for _ in 0..<2 {
            let reply = try client.request("interrupt_request", [:], on: client.control).reply
            #expect(reply.content[string: "status"] == "ok")
        }
        let setup = try client.execute("load moons n=200 seed=1\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[8]")
        #expect(setup.reply.content[string: "status"] == "ok", "an interrupt while idle does not stop the next cell")

        var interrupts = 0
        let training = try client.execute("train epochs=100000\nshow data") { event in
            guard interrupts < 2, event.type == "update_display_data" || event.type == "display_data" else { return }
            interrupts += 1
            client.sendInterrupt()
        }
        #expect(interrupts > 0, "a progress display came before the training ended")
        #expect(training.reply.content[string: "ename"] == "Interrupted")
        let text = KernelTestClient.streamText(training.published)
        #expect(text.contains("interrupted after epoch"), "\(text)")
        #expect(!text.contains("moons: 200"), "the rest of the cell did not run")
        let runs = try client.execute("runs")
        #expect(runs.reply.content[string: "status"] == "ok", "the interrupted run is kept")

        let shutdown = try client.request("shutdown_request", ["restart": .boolean(true)], on: client.control).reply
        #expect(shutdown.content[boolean: "restart"] == true)
        #expect(client.stopped.wait(timeout: .now() + 60) == .success, "the kernel ends; the front end starts a new one")
    }

    @Test func progressDisplaysShowNoWallTimesUnlessAsked() throws {
        let client = try KernelTestClient()
        try client.execute("load moons n=120 seed=1\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[4]")
        let first = try Self.lastProgress(of: client.execute("train epochs=40 seed=3"))
        let second = try Self.lastProgress(of: client.execute("train epochs=40 seed=3"))
        #expect(first.contains("40/40"), "\(first)")
        #expect(second == first.replacingOccurrences(of: "run 1", with: "run 2"), "the output stays the same bytes run to run (but the run's number)")
        #expect(!Self.showsTime(first), "\(first)")
        #expect(try client.shutDown())

        let timed = try KernelTestClient(timings: true)
        try timed.execute("load moons n=120 seed=1\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[4]")
        let withTimes = try Self.lastProgress(of: timed.execute("train epochs=40 seed=3"))
        #expect(Self.showsTime(withTimes), "HYPERLAB_TIMINGS=1 keeps them: \(withTimes)")
        #expect(try timed.shutDown())
    }

    /// The text a cell's progress display ends with.
    private static func lastProgress(of result: (reply: KernelMessage, published: [KernelMessage])) throws -> String {
        let updates = result.published.filter { $0.type == "display_data" || $0.type == "update_display_data" }
        return try #require(updates.last?.content["data"]?[string: "text/plain"])
    }

    /// Whether `text` has a duration ("12 ms", "0.4 s", "ETA").
    private static func showsTime(_ text: String) -> Bool {
        text.contains("ETA") || text.range(of: #"\d (ms|s)\b"#, options: .regularExpression) != nil
    }

    /// A new empty folder.
    private static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "hyperlab-kernel-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
