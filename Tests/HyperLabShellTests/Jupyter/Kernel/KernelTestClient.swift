import Foundation
import Testing
@testable import HyperLabShell

/// A kernel served in this process on free ports, and a client on real ZeroMQ sockets (what a
/// Jupyter front end does: DEALER sockets for shell and control, SUB for iopub).
final class KernelTestClient: @unchecked Sendable {
    let server: KernelServer
    let context = ZeroMQContext()
    let shell: ZeroMQSocket
    let control: ZeroMQSocket
    let iopub: ZeroMQSocket
    let heartbeat: ZeroMQSocket
    let signer: MessageSigner
    let session = "test-client"
    /// Signalled when the server's loop returns.
    let stopped = DispatchSemaphore(value: 0)
    /// How long a reply may take (a guard against a hang, generous for a loaded 2-core machine).
    static let patience: Duration = .seconds(60)

    /// Starts a kernel whose shell has a memory store (and `options`), and connects to it.
    init(key: String = "test-key", options: ShellOptions = ShellOptions(), timings: Bool = false) throws {
        let file = ConnectionFile(transport: "tcp", ip: "127.0.0.1", shellPort: 0, iopubPort: 0, stdinPort: 0,
                                  controlPort: 0, heartbeatPort: 0, key: key, signatureScheme: "hmac-sha256")
        server = try KernelServer(connection: file, timings: timings) { console in Shell(console: console, options: options) }
        let bound = server.channels.connection
        signer = MessageSigner(key: key)
        shell = ZeroMQSocket(context, .dealer)
        control = ZeroMQSocket(context, .dealer)
        iopub = ZeroMQSocket(context, .subscriber)
        heartbeat = ZeroMQSocket(context, .request)
        try shell.connect(bound.endpoint(port: bound.shellPort))
        try control.connect(bound.endpoint(port: bound.controlPort))
        try iopub.connect(bound.endpoint(port: bound.iopubPort))
        try heartbeat.connect(bound.endpoint(port: bound.heartbeatPort))
        let box = UncheckedBox(server)
        let stopped = self.stopped
        Thread.detachNewThread {
            box.value.run()
            stopped.signal()
        }
        try waitForIOPub()
    }

    /// Sends kernel_info requests until iopub delivers (a subscriber misses what was published
    /// before it joined).
    private func waitForIOPub() throws {
        let deadline = ContinuousClock.now + Self.patience
        while ContinuousClock.now < deadline {
            shell.send(KernelMessage(type: "kernel_info_request", content: .object([:]), session: session).encode(signer: signer))
            if shell.waitReadable(milliseconds: 500) { _ = shell.receive() }
            if iopub.waitReadable(milliseconds: 200) {
                while iopub.waitReadable(milliseconds: 100) { _ = iopub.receive() }
                while shell.waitReadable(milliseconds: 50) { _ = shell.receive() }
                return
            }
        }
        throw KernelTestFailure("iopub delivered nothing")
    }

    /// Sends a request and returns its reply with the iopub messages it caused (up to `idle`).
    @discardableResult
    func request(_ type: String, _ content: [String: JupyterJSON], on channel: ZeroMQSocket? = nil, buffers: [[UInt8]] = [],
                 while waiting: ((KernelMessage) -> Void)? = nil) throws -> (reply: KernelMessage, published: [KernelMessage]) {
        let socket = channel ?? shell
        var message = KernelMessage(type: type, content: .object(content), session: session)
        message.buffers = buffers
        socket.send(message.encode(signer: signer))
        let id = message.header[string: "msg_id"]
        var reply: KernelMessage?
        var published: [KernelMessage] = []
        var idle = socket !== shell
        let deadline = ContinuousClock.now + Self.patience
        while reply == nil || !idle {
            guard ContinuousClock.now < deadline else { throw KernelTestFailure("no reply to \(type) in time") }
            if reply == nil, socket.waitReadable(milliseconds: 20), let frames = socket.receive() {
                let answer = try KernelMessage.decode(frames, signer: signer)
                if answer.parentHeader[string: "msg_id"] == id { reply = answer }
            }
            while iopub.waitReadable(milliseconds: 5), let frames = iopub.receive() {
                let event = try KernelMessage.decode(frames, signer: signer)
                guard event.parentHeader[string: "msg_id"] == id else { continue }
                published.append(event)
                waiting?(event)
                if event.type == "status", event.content[string: "execution_state"] == "idle" { idle = true }
            }
        }
        return (try #require(reply), published)
    }

    /// Runs a cell; its reply and its iopub messages.
    @discardableResult
    func execute(_ code: String, silent: Bool = false, storeHistory: Bool = true,
                 while waiting: ((KernelMessage) -> Void)? = nil) throws -> (reply: KernelMessage, published: [KernelMessage]) {
        try request("execute_request", ["code": .string(code), "silent": .boolean(silent), "store_history": .boolean(storeHistory),
                                        "user_expressions": .object([:]), "allow_stdin": .boolean(false)], while: waiting)
    }

    /// Sends frames as they are, signed with the kernel's key: `parts` are the header, parent
    /// header, metadata and content frames (and any more), however malformed.
    func sendRaw(_ parts: [[UInt8]], on socket: ZeroMQSocket? = nil) {
        let signed = Array(parts.prefix(4))
        (socket ?? shell).send([KernelMessage.delimiter, Array(signer.signature(of: signed).utf8)] + parts)
    }

    /// Sends an interrupt request on the control channel without waiting for its reply.
    func sendInterrupt() {
        control.send(KernelMessage(type: "interrupt_request", content: .object([:]), session: session).encode(signer: signer))
    }

    /// Shuts the kernel down and waits for its loop to end; whether it ended in time.
    func shutDown(restart: Bool = false) throws -> Bool {
        _ = try request("shutdown_request", ["restart": .boolean(restart)], on: control)
        return stopped.wait(timeout: .now() + 60) == .success
    }

    /// The text of the `stream` messages among `messages`, by stream name.
    static func streamText(_ messages: [KernelMessage], name: String = "stdout") -> String {
        messages.filter { $0.type == "stream" && $0.content[string: "name"] == name }.compactMap { $0.content[string: "text"] }.joined()
    }

    /// The stdout streams and the displays' `text/plain` (tables, plots), in the order sent.
    static func shownText(_ messages: [KernelMessage]) -> String {
        messages.compactMap { message -> String? in
            switch message.type {
            case "stream": message.content[string: "name"] == "stdout" ? message.content[string: "text"] : nil
            case "display_data": message.content["data"]?[string: "text/plain"]
            default: nil
            }
        }.joined()
    }
}

/// A value passed to another thread whose use the test keeps to that thread.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A kernel test that could not go on.
struct KernelTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
