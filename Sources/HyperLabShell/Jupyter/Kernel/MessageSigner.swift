import CCrypto
import HyperLabKit

/// Signs Jupyter messages: HMAC-SHA256 of the header, parent header, metadata and content
/// frames, as lowercase hex (libcrypto's HMAC). With an empty key messages go unsigned.
///
/// ```swift
/// let signer = MessageSigner(key: "secret")
/// let signature = signer.signature(of: frames)        // 64 hex digits
/// signer.verifies(signature, of: frames)              // true
/// ```
public struct MessageSigner: Sendable {
    private let key: [UInt8]

    /// A signer with the connection file's key.
    public init(key: String) {
        self.key = Array(key.utf8)
    }

    /// Whether messages are signed at all (a non-empty key).
    public var isSigning: Bool { !key.isEmpty }

    /// The signature of `frames` (in order); empty text when the key is empty.
    public func signature(of frames: [[UInt8]]) -> String {
        guard isSigning else { return "" }
        return SHA256.hexText(digest(of: frames))
    }

    /// Whether `signature` is the signature of `frames` (compared in constant time). Without a
    /// key every message verifies.
    public func verifies(_ signature: [UInt8], of frames: [[UInt8]]) -> Bool {
        guard isSigning else { return true }
        let expected = Array(SHA256.hexText(digest(of: frames)).utf8)
        guard signature.count == expected.count else { return false }
        return CRYPTO_memcmp(signature, expected, expected.count) == 0
    }

    /// The raw HMAC-SHA256 of the frames, one after another (libcrypto's one-shot `HMAC`; its
    /// `HMAC_CTX` functions are deprecated in OpenSSL 3).
    private func digest(of frames: [[UInt8]]) -> [UInt8] {
        let message = frames.flatMap { $0 }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBufferPointer { bytes in
                HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count), bytes.baseAddress, bytes.count, &digest, &length)
            }
        }
        precondition(result != nil, "HMAC-SHA256 failed in libcrypto")
        return Array(digest.prefix(Int(length)))
    }
}
