import Foundation

/// The SHA-256 hash (FIPS 180-4, section 6.2), used to notice that a study's CSV file changed.
///
/// ```swift
/// SHA256.hex(of: Array("abc".utf8))   // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// var h = SHA256(); h.update(part1); h.update(part2); h.finalize()   // the same as one update
/// try SHA256.hex(ofFile: "data/x.csv")
/// ```
/// Written here because no crypto library is linked on Linux (CryptoKit is Apple-only, and
/// swift-crypto would be a new dependency). Checked against the FIPS 180-2 example vectors.
public struct SHA256: Sendable {
    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    private var state: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0
    private var schedule = [UInt32](repeating: 0, count: 64)

    /// A hash of nothing yet.
    public init() {
        buffer.reserveCapacity(64)
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
        length &+= UInt64(raw.count)
        absorb(raw)
    }

    /// The 32-byte digest of everything added (the hash is then spent: make a new one).
    public mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        let used = (buffer.count + 1) % 64
        tail += [UInt8](repeating: 0, count: used <= 56 ? 56 - used : 120 - used)
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        tail.withUnsafeBytes { absorb($0) }
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in state {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
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
    static func hexText(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var text = ""
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return text
    }

    /// Feeds bytes through the block buffer, compressing each full block.
    private mutating func absorb(_ raw: UnsafeRawBufferPointer) {
        var offset = 0
        if !buffer.isEmpty {
            let take = min(64 - buffer.count, raw.count)
            buffer.append(contentsOf: raw[0..<take])
            offset = take
            guard buffer.count == 64 else { return }
            let block = buffer
            buffer.removeAll(keepingCapacity: true)
            block.withUnsafeBytes { compress($0) }
        }
        while raw.count - offset >= 64 {
            compress(UnsafeRawBufferPointer(rebasing: raw[offset..<offset + 64]))
            offset += 64
        }
        buffer.append(contentsOf: raw[offset...])
    }

    /// One 64-byte block into `state` (FIPS 180-4, 6.2.2).
    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        for t in 0..<16 {
            let i = t * 4
            schedule[t] = UInt32(block[i]) << 24 | UInt32(block[i + 1]) << 16 | UInt32(block[i + 2]) << 8 | UInt32(block[i + 3])
        }
        for t in 16..<64 {
            let s0 = rotr(schedule[t - 15], 7) ^ rotr(schedule[t - 15], 18) ^ (schedule[t - 15] >> 3)
            let s1 = rotr(schedule[t - 2], 17) ^ rotr(schedule[t - 2], 19) ^ (schedule[t - 2] >> 10)
            schedule[t] = schedule[t - 16] &+ s0 &+ schedule[t - 7] &+ s1
        }
        var a = state[0], b = state[1], c = state[2], d = state[3]
        var e = state[4], f = state[5], g = state[6], h = state[7]
        for t in 0..<64 {
            let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let choose = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choose &+ SHA256.k[t] &+ schedule[t]
            let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ t2
        }
        state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
        state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
    }

    private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
