import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The kernel's five sockets, bound to the connection file's ports, with the signer and the
/// session: what every thread of the kernel shares.
///
/// The shell and stdin sockets are read by the thread that runs cells, the control socket by
/// its own thread (so an interrupt or a shutdown arrives while a cell runs), the heartbeat by
/// another; iopub is written by any of them.
public final class KernelChannels: Sendable {
    /// The sockets' context.
    let context: ZeroMQContext
    /// Requests that run cells: execute, complete, inspect, is_complete, kernel_info.
    let shell: ZeroMQSocket
    /// Broadcasts: status, streams, displays, errors.
    let iopub: ZeroMQSocket
    /// Input requests to the front end (bound as the protocol asks; HyperLab never asks).
    let stdin: ZeroMQSocket
    /// Interrupts and shutdown, served while a cell runs.
    let control: ZeroMQSocket
    /// The heartbeat: every message is echoed.
    let heartbeat: ZeroMQSocket
    /// Signs and checks messages.
    let signer: MessageSigner
    /// This kernel's session id (in every header it writes).
    let session: String
    /// Interrupts requested so far (interrupt_request, SIGINT, a shutdown).
    let interrupts = Atomic<Int>(0)
    /// Set by a shutdown request: the kernel stops after the running cell.
    let shuttingDown = Atomic<Bool>(false)
    /// The connection as bound: a port 0 of the file replaced by the free port taken.
    public let connection: ConnectionFile

    /// Binds the five sockets of `connection`.
    /// - Throws: `KernelError` when a port cannot be bound (in use, a bad address).
    public init(_ connection: ConnectionFile, session: String) throws(KernelError) {
        context = ZeroMQContext()
        shell = ZeroMQSocket(context, .router)
        iopub = ZeroMQSocket(context, .publisher)
        stdin = ZeroMQSocket(context, .router)
        control = ZeroMQSocket(context, .router)
        heartbeat = ZeroMQSocket(context, .reply)
        signer = MessageSigner(key: connection.key)
        self.session = session
        var bound = connection
        func bind(_ socket: ZeroMQSocket, _ port: inout Int) throws(KernelError) {
            port = ConnectionFile.port(of: try socket.bind(connection.endpoint(port: port)), fallback: port)
        }
        try bind(shell, &bound.shellPort)
        try bind(iopub, &bound.iopubPort)
        try bind(stdin, &bound.stdinPort)
        try bind(control, &bound.controlPort)
        try bind(heartbeat, &bound.heartbeatPort)
        self.connection = bound
    }

    /// Sends a reply to `request` on `socket` (to the peer that asked).
    func reply(_ type: String, _ content: JupyterJSON, to request: KernelMessage, on socket: ZeroMQSocket) {
        let message = KernelMessage(type: type, content: content, session: session, identities: request.identities, parent: request)
        socket.send(message.encode(signer: signer))
    }

    /// Publishes a message on iopub, caused by `parent`.
    func publish(_ type: String, _ content: JupyterJSON, parent: KernelMessage?) {
        let topic = Array("kernel.\(session).\(type)".utf8)
        let message = KernelMessage(type: type, content: content, session: session, identities: [topic], parent: parent)
        iopub.send(message.encode(signer: signer))
    }

    /// Publishes the kernel's execution state (`busy`, `idle`, `starting`).
    func publishStatus(_ state: String, parent: KernelMessage?) {
        publish("status", .object(["execution_state": .string(state)]), parent: parent)
    }

    /// Reads `socket`'s next message, if one comes within `milliseconds`; a message that is
    /// malformed or wrongly signed is dropped with a line on standard error, never acted on.
    func nextMessage(on socket: ZeroMQSocket, name: String, milliseconds: Int = 100) -> KernelMessage? {
        guard socket.waitReadable(milliseconds: milliseconds), let frames = socket.receive() else { return nil }
        do {
            return try KernelMessage.decode(frames, signer: signer)
        } catch {
            switch error {
            case .badSignature: Self.log("dropped a message on the \(name) channel: its signature does not match the key")
            case .malformed(let why): Self.log("dropped a malformed message on the \(name) channel: \(why)")
            }
            return nil
        }
    }

    /// Echoes heartbeats until shutdown (run on a thread of its own).
    func echoHeartbeats() {
        while !shuttingDown.load(ordering: .acquiring) {
            guard heartbeat.waitReadable(milliseconds: 100), let frames = heartbeat.receive() else { continue }
            heartbeat.send(frames)
        }
    }

    /// Requests an interrupt of the running cell.
    func interrupt() {
        interrupts.add(1, ordering: .releasing)
    }

    /// A line on the kernel's standard error (Jupyter shows it in the server's log).
    static func log(_ text: String) {
        writeAll(2, "hyperlab kernel: " + text + "\n")
    }
}
