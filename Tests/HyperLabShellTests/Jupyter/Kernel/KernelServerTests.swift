import Foundation
import Testing
@testable import HyperLabShell

/// The kernel server driven over real ZeroMQ sockets: the requests a Jupyter front end sends,
/// and what the kernel answers and publishes.
@Suite(.timeLimit(.minutes(5)))
struct KernelServerTests {
    @Test func kernelInfoNamesTheLanguageAndTheProtocol() throws {
        let client = try KernelTestClient()
        let info = try client.request("kernel_info_request", [:]).reply
        #expect(info.type == "kernel_info_reply")
        #expect(info.content[string: "protocol_version"] == "5.3")
        #expect(info.content["language_info"]?[string: "name"] == "hyperlab")
        #expect(try client.shutDown())
    }

    @Test func aCellRunsThroughTheShellAndAnErrorLeavesTheKernelServing() throws {
        let client = try KernelTestClient()
        let first = try client.execute("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1")
        #expect(first.reply.content[string: "status"] == "ok")
        #expect(first.reply.content[integer: "execution_count"] == 1)
        let types = first.published.map(\.type)
        #expect(types.first == "status" && types.last == "status")
        #expect(types.contains("execute_input"))
        let text = KernelTestClient.streamText(first.published)
        #expect(text.contains("loaded iris: 150 rows"), "\(text)")
        #expect(text.contains("split"), "\(text)")

        let failed = try client.execute("show data\nlod iris")
        #expect(failed.reply.content[string: "status"] == "error")
        #expect(failed.reply.content[string: "ename"] == "InputError")
        #expect(failed.reply.content[string: "evalue"]?.contains("lod") == true, "\(failed.reply.content)")
        let error = try #require(failed.published.first { $0.type == "error" })
        guard case .array(let traceback)? = error.content["traceback"] else { Issue.record("no traceback"); return }
        #expect(traceback.contains { if case .string(let line) = $0 { line.contains("^") } else { false } }, "the report points at the word")
        #expect(!KernelTestClient.streamText(failed.published, name: "stderr").contains("lod"), "the report shows once, as the error")
        #expect(KernelTestClient.streamText(failed.published).contains("150"), "what ran before the error printed")

        let after = try client.execute("show data")
        #expect(after.reply.content[string: "status"] == "ok", "the kernel survives a cell's error")
        #expect(after.reply.content[integer: "execution_count"] == 3)
        #expect(try client.shutDown())
    }

    @Test func aTableIsHTMLWithItsText() throws {
        let client = try KernelTestClient()
        try client.execute("load moons n=80 seed=1\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[4]")
        let sweep = try client.execute("sweep random n=3 lr=log(1e-3, 1e-1) epochs=2 seed=1\nresults")
        let display = try #require(sweep.published.last { $0.type == "display_data" && $0.content["data"]?["text/html"] != nil })
        let html = try #require(display.content["data"]?[string: "text/html"])
        #expect(html.hasPrefix("<table class=\"hyperlab\">") && html.contains("<th style=\"text-align: right\">trial</th>"), "\(html)")
        #expect(html.contains("<td>★</td>"), "the best trial is marked")
        #expect(display.content["data"]?[string: "text/plain"]?.contains("trial") == true)
        #expect(!KernelTestClient.streamText(sweep.published).contains("───"), "the table's text is its HTML's alternative, not a stream")
        #expect(try client.shutDown())
    }

    @Test func aPlotIsAnSVGImageWithItsText() throws {
        let client = try KernelTestClient()
        try client.execute("load moons n=80 seed=1\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[4]\ntrain epochs=3")
        let plot = try client.execute("plot curve")
        let display = try #require(plot.published.first { $0.type == "display_data" && $0.content["data"]?["image/svg+xml"] != nil })
        #expect(display.content["data"]?[string: "image/svg+xml"]?.contains("<svg") == true)
        #expect(display.content["data"]?[string: "text/plain"]?.contains("loss") == true)
        #expect(!KernelTestClient.streamText(plot.published).contains("loss"), "the plot's text is its image's alternative, not a stream")
        #expect(try client.shutDown())
    }

    @Test func anInterruptStopsASweepThatKeepsItsTrials() throws {
        let client = try KernelTestClient()
        try client.execute("load iris\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[8]")
        var interrupted = false
        let sweep = try client.execute("sweep random n=400 lr=log(1e-4, 1e-1) epochs=30 seed=1 parallel=1") { event in
            guard !interrupted, event.type == "update_display_data" || event.type == "display_data" else { return }
            interrupted = true
            client.sendInterrupt()
        }
        #expect(interrupted, "a progress display came before the sweep ended")
        #expect(sweep.reply.content[string: "status"] == "error")
        #expect(sweep.reply.content[string: "ename"] == "Interrupted")
        let text = KernelTestClient.streamText(sweep.published)
        #expect(text.contains("stopped because the kernel was interrupted: the finished trials are kept"), "\(text)")
        #expect(!text.contains("Ctrl-C"), "no Ctrl-C was pressed in a notebook")
        let progress = sweep.published.filter { $0.type == "display_data" || $0.type == "update_display_data" }
        #expect(progress.count < 100, "progress is updated in place, not a line per trial")
        #expect(progress.allSatisfy { $0.content["transient"]?[string: "display_id"] != nil })
        let results = try client.execute("results top=1")
        #expect(results.reply.content[string: "status"] == "ok", "\(KernelTestClient.streamText(results.published, name: "stderr"))")
        #expect(try client.shutDown())
    }

    @Test func completionInspectionAndCompleteness() throws {
        let client = try KernelTestClient()
        let complete = try client.request("complete_request", ["code": .string("plot he"), "cursor_pos": .integer(7)]).reply
        #expect(complete.content["matches"] == .array([.string("heatmap")]))
        #expect(complete.content[integer: "cursor_start"] == 5)
        let inspect = try client.request("inspect_request", ["code": .string("train epochs=5"), "cursor_pos": .integer(2),
                                                             "detail_level": .integer(0)]).reply
        #expect(inspect.content[boolean: "found"] == true)
        #expect(inspect.content["data"]?[string: "text/plain"]?.contains("epochs") == true)
        let open = try client.request("is_complete_request", ["code": .string("sweep grid \\")]).reply
        #expect(open.content[string: "status"] == "incomplete")
        let closed = try client.request("is_complete_request", ["code": .string("datasets")]).reply
        #expect(closed.content[string: "status"] == "complete")
        #expect(try client.shutDown())
    }

    @Test func aWronglySignedMessageIsDroppedNotRun() throws {
        let client = try KernelTestClient()
        let forged = KernelMessage(type: "execute_request", content: .object(["code": .string("save session \"forged.hlab\"")]),
                                   session: "intruder")
        client.shell.send(forged.encode(signer: MessageSigner(key: "wrong-key")))
        #expect(!client.shell.waitReadable(milliseconds: 1000), "no reply to a forged message")
        let honest = try client.execute("history")
        #expect(honest.reply.content[integer: "execution_count"] == 1, "the forged cell never ran")
        #expect(try client.shutDown())
    }

    @Test func theHeartbeatEchoes() throws {
        let client = try KernelTestClient()
        client.heartbeat.send([Array("ping".utf8)])
        #expect(client.heartbeat.waitReadable(milliseconds: 30_000))
        #expect(client.heartbeat.receive() == [Array("ping".utf8)])
        #expect(try client.shutDown())
    }
}
