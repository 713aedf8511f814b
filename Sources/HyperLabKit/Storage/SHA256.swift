import CCrypto
import Foundation

/// The SHA-256 hash (FIPS 180-4), used to notice that a study's CSV file changed: OpenSSL's
/// libcrypto computes it (the library libpq links already).
///
/// ```swift
/// SHA256.hex(of: Array("abc".utf8))   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// var h = SHA256(); h.update(part1); h.update(part2); h.finalize()   // the same as one update
/// try SHA256.hex(ofFile: "data/x.csv")
/// ```
/// A value: a copy hashes on from where the original was (copy on write of libcrypto's context).
public struct SHA256: Sendable {
    private var context: DigestContext

    /// A hash of nothing yet.
    public init() {
        context = DigestContext()
    }

    /// Adds `data` to the message.
    public mutating func update(_ data: Data) {
        data.withUnsafeBytes { update($0) }
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds the bytes at `raw` to the message.
    public mutating func update(_ raw: UnsafeRawBufferPointer) {
        guard let base = raw.baseAddress, raw.count > 0 else { return }
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        let status = EVP_DigestUpdate(context.pointer, base, raw.count)
        precondition(status == 1, "EVP_DigestUpdate failed")
    }

    /// The 32-byte digest of everything added (the hash is then spent: make a new one).
    public mutating func finalize() -> [UInt8] {
        if !isKnownUniquelyReferenced(&context) { context = context.copy() }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let status = EVP_DigestFinal_ex(context.pointer, &digest, &length)
        precondition(status == 1, "EVP_DigestFinal_ex failed")
        return Array(digest.prefix(Int(length)))
    }

    /// The digest of `bytes` as 64 lowercase hex digits.
    public static func hex(of bytes: [UInt8]) -> String {
        var hash = SHA256()
        hash.update(bytes)
        return hexText(hash.finalize())
    }

    /// The digest of a file's bytes as 64 lowercase hex digits, read in 1 MiB pieces.
    /// - Throws: `StorageError` (`.datasetChanged`) when the file cannot be opened or read.
    public static func hex(ofFile path: String) throws(StorageError) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StorageError(.datasetChanged, "cannot read \(path)", hint: "check that the file exists and is readable",
                               path: path)
        }
        defer { try? handle.close() }
        var hash = SHA256()
        while true {
            let piece: Data
            do { piece = try handle.read(upToCount: 1 << 20) ?? Data() } catch {
                throw StorageError(.datasetChanged, "cannot read \(path): \(error.localizedDescription)", path: path)
            }
            if piece.isEmpty { break }
            hash.update(piece)
        }
        return hexText(hash.finalize())
    }

    /// Bytes as lowercase hex digits.
    public static func hexText(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }
}

/// libcrypto's digest context for SHA-256, owned by one `SHA256` value at a time (a shared one
/// is copied before it changes), so the unchecked sendability holds.
private final class DigestContext: @unchecked Sendable {
    let pointer: OpaquePointer

    /// A context started on SHA-256.
    init() {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
        pointer = context
        let status = EVP_DigestInit_ex(pointer, EVP_sha256(), nil)
        precondition(status == 1, "EVP_DigestInit_ex failed")
    }

    private init(copying other: DigestContext) {
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new: out of memory") }
        pointer = context
        let status = EVP_MD_CTX_copy_ex(pointer, other.pointer)
        precondition(status == 1, "EVP_MD_CTX_copy_ex failed")
    }

    /// A context in the same state, to go on with independently.
    func copy() -> DigestContext { DigestContext(copying: self) }

    deinit { EVP_MD_CTX_free(pointer) }
}
