import Foundation

/// One message of Jupyter's messaging protocol (5.3), and its frames on the wire:
/// `[identities…, "<IDS|MSG>", signature, header, parent_header, metadata, content, buffers…]`.
public struct KernelMessage: Sendable {
    /// The routing identities of a ROUTER socket's peer (answers go back to them).
    public var identities: [[UInt8]] = []
    /// `msg_id`, `msg_type`, `session`, `username`, `date`, `version`.
    public var header: JupyterJSON
    /// The header of the message this one answers or was caused by (`{}` when none).
    public var parentHeader: JupyterJSON = .object([:])
    /// Free-form metadata.
    public var metadata: JupyterJSON = .object([:])
    /// The message's content, by type.
    public var content: JupyterJSON
    /// Extra binary frames.
    public var buffers: [[UInt8]] = []

    /// The protocol version spoken.
    public static let protocolVersion = "5.3"
    /// The frame between the identities and the signature.
    static let delimiter = Array("<IDS|MSG>".utf8)

    /// Why frames are not a message the kernel may act on.
    public enum WireError: Error, Sendable, Equatable {
        /// No `<IDS|MSG>` delimiter, too few frames, or a frame that is not a JSON object.
        case malformed(String)
        /// The signature does not match the key: the message is dropped, never executed.
        case badSignature
    }

    /// The message's type (`execute_request`, …).
    public var type: String { header[string: "msg_type"] ?? "" }

    /// A message of `type` with `content`.
    public init(type: String, content: JupyterJSON, session: String, identities: [[UInt8]] = [],
                parent: KernelMessage? = nil) {
        self.header = Self.header(type: type, session: session)
        self.content = content
        self.identities = identities
        if let parent { parentHeader = parent.header }
    }

    /// A header for a new message.
    static func header(type: String, session: String) -> JupyterJSON {
        .object([
            "msg_id": .string(UUID().uuidString.lowercased()),
            "msg_type": .string(type),
            "session": .string(session),
            "username": .string("hyperlab"),
            "date": .string(timestamp()),
            "version": .string(protocolVersion),
        ])
    }

    /// Now in ISO 8601 with fractional seconds, UTC, as Jupyter dates its messages.
    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    private init(identities: [[UInt8]], header: JupyterJSON, parentHeader: JupyterJSON, metadata: JupyterJSON,
                 content: JupyterJSON, buffers: [[UInt8]]) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// Reads a message from its frames, checking its signature.
    /// - Throws: `WireError.badSignature` for a signature the key does not give, `.malformed` otherwise.
    public static func decode(_ frames: [[UInt8]], signer: MessageSigner) throws(WireError) -> KernelMessage {
        guard let split = frames.firstIndex(of: delimiter) else { throw .malformed("no <IDS|MSG> delimiter") }
        guard frames.count >= split + 6 else { throw .malformed("fewer than the five frames after <IDS|MSG>") }
        let parts = Array(frames[(split + 2)..<(split + 6)])
        guard signer.verifies(frames[split + 1], of: parts) else { throw .badSignature }
        var values: [JupyterJSON] = []
        for (part, name) in zip(parts, ["header", "parent_header", "metadata", "content"]) {
            guard let value = try? JupyterJSON.parse(String(decoding: part, as: UTF8.self)),
                  case .object = value else { throw .malformed("the \(name) frame is not a JSON object") }
            values.append(value)
        }
        return KernelMessage(identities: Array(frames[..<split]), header: values[0], parentHeader: values[1],
                             metadata: values[2], content: values[3], buffers: Array(frames[(split + 6)...]))
    }

    /// The frames to send, signed.
    public func encode(signer: MessageSigner) -> [[UInt8]] {
        let parts = [header, parentHeader, metadata, content].map { Array($0.text.utf8) }
        return identities + [Self.delimiter, Array(signer.signature(of: parts).utf8)] + parts + buffers
    }
}
