import CZeroMQ
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A ZeroMQ context: the sockets' owner. Closing it waits for none of their messages (each
/// socket lingers 0 ms).
public final class ZeroMQContext: @unchecked Sendable {
    /// libzmq's context.
    let pointer: UnsafeMutableRawPointer

    /// A new context.
    public init() {
        guard let context = zmq_ctx_new() else { fatalError("zmq_ctx_new: \(ZeroMQSocket.lastError())") }
        pointer = context
    }

    deinit { zmq_ctx_term(pointer) }
}

/// One ZeroMQ socket, with the multipart messages Jupyter's protocol is made of.
///
/// Receiving is for one thread; sending is locked, so several threads may publish on one socket
/// (a sweep's workers report progress on iopub while the shell prints).
public final class ZeroMQSocket: @unchecked Sendable {
    /// The kinds of socket Jupyter's channels use.
    public enum Kind: Sendable {
        case router, dealer, publisher, subscriber, reply, request

        var code: Int32 {
            switch self {
            case .router: ZMQ_ROUTER
            case .dealer: ZMQ_DEALER
            case .publisher: ZMQ_PUB
            case .subscriber: ZMQ_SUB
            case .reply: ZMQ_REP
            case .request: ZMQ_REQ
            }
        }
    }

    private let pointer: UnsafeMutableRawPointer
    private let context: ZeroMQContext
    private let sending = Mutex(())
    private let open = Atomic<Bool>(true)

    /// A socket of `kind` in `context`; closed when released, or by `close()`.
    public init(_ context: ZeroMQContext, _ kind: Kind) {
        guard let socket = zmq_socket(context.pointer, kind.code) else { fatalError("zmq_socket: \(Self.lastError())") }
        pointer = socket
        self.context = context
        var linger: Int32 = 0
        zmq_setsockopt(socket, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
        if kind == .subscriber { zmq_setsockopt(socket, ZMQ_SUBSCRIBE, "", 0) }
    }

    deinit { close() }

    /// Closes the socket (once).
    public func close() {
        if open.exchange(false, ordering: .acquiringAndReleasing) { zmq_close(pointer) }
    }

    /// Binds to `endpoint` (`tcp://127.0.0.1:5555`; port `*` takes a free one); the endpoint
    /// bound, with its port.
    /// - Throws: `KernelError` naming the endpoint, e.g. when its port is in use.
    @discardableResult
    public func bind(_ endpoint: String) throws(KernelError) -> String {
        guard zmq_bind(pointer, endpoint) == 0 else {
            throw KernelError("cannot bind \(endpoint): \(Self.lastError())",
                              hint: "another program may hold the port; let Jupyter choose free ports in a new connection file")
        }
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        guard zmq_getsockopt(pointer, ZMQ_LAST_ENDPOINT, &buffer, &size) == 0 else { return endpoint }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Connects to `endpoint` (a client's side, as the tests drive a kernel).
    /// - Throws: `KernelError` naming the endpoint.
    public func connect(_ endpoint: String) throws(KernelError) {
        guard zmq_connect(pointer, endpoint) == 0 else {
            throw KernelError("cannot connect to \(endpoint): \(Self.lastError())", hint: "check the address")
        }
    }

    /// Sends the frames as one multipart message; false when the socket refused it.
    @discardableResult
    public func send(_ frames: [[UInt8]]) -> Bool {
        sending.withLock { _ in
            for (index, frame) in frames.enumerated() {
                let flags = index + 1 < frames.count ? ZMQ_SNDMORE : 0
                while true {
                    let sent = frame.withUnsafeBytes { zmq_send(pointer, $0.baseAddress, $0.count, flags) }
                    if sent >= 0 { break }
                    if zmq_errno() == EINTR { continue }
                    return false
                }
            }
            return true
        }
    }

    /// Waits up to `milliseconds` for a message to read; false when none came (or a signal came).
    public func waitReadable(milliseconds: Int) -> Bool {
        var item = zmq_pollitem_t(socket: pointer, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)
        return zmq_poll(&item, 1, milliseconds) > 0 && item.revents & Int16(ZMQ_POLLIN) != 0
    }

    /// The next multipart message, waiting for it; nil when the socket or context closed.
    public func receive() -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        while true {
            var message = zmq_msg_t()
            zmq_msg_init(&message)
            defer { zmq_msg_close(&message) }
            let size = zmq_msg_recv(&message, pointer, 0)
            if size < 0 {
                if zmq_errno() == EINTR { continue }
                return nil
            }
            if let data = zmq_msg_data(&message) {
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: Int(size))))
            } else {
                frames.append([])
            }
            if zmq_msg_more(&message) == 0 { return frames }
        }
    }

    /// libzmq's text for the last error on this thread.
    static func lastError() -> String {
        String(cString: zmq_strerror(zmq_errno()))
    }
}
