import Foundation
import Testing
@testable import HyperLabKit

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func fipsVectors(_ message: String, _ digest: String) {
        #expect(SHA256.hex(of: Array(message.utf8)) == digest)
    }

    @Test func aMillionAsInPiecesOfEverySize() {
        var hash = SHA256()
        var left = 1_000_000
        var piece = 1
        while left > 0 {
            let n = min(piece, left)
            hash.update([UInt8](repeating: UInt8(ascii: "a"), count: n))
            left -= n
            piece = piece % 200 + 7
        }
        #expect(SHA256.hexText(hash.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func paddingBoundaries() {
        // Lengths around the 55/56/64-byte padding edges hash the same in one piece or byte by byte.
        for length in [55, 56, 57, 63, 64, 65, 119, 120, 128] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var split = SHA256()
            for byte in bytes { split.update([byte]) }
            #expect(SHA256.hexText(split.finalize()) == SHA256.hex(of: bytes), "length \(length)")
        }
        // 56 zero bytes has a published digest; it crosses into a second padding block.
        #expect(SHA256.hex(of: [UInt8](repeating: 0, count: 56))
                == "d4817aa5497628e7c77e6b606107042bbba3130888c5f47a375e6179be789fbb")
    }

    @Test func aFileHashesLikeItsBytes() throws {
        let folder = try StorageFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/data.csv"
        let bytes = Array("x,y\n1,2\n3,4\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try SHA256.hex(ofFile: path) == SHA256.hex(of: bytes))
        #expect(throws: StorageError.self) { try SHA256.hex(ofFile: folder + "/missing.csv") }
    }
}

@Suite struct SHA256ValueTests {
    @Test func aCopyHashesOnIndependently() {
        var first = SHA256()
        first.update(Array("ab".utf8))
        var second = first
        first.update(Array("c".utf8))
        second.update(Array("x".utf8))
        #expect(SHA256.hexText(first.finalize()) == SHA256.hex(of: Array("abc".utf8)))
        #expect(SHA256.hexText(second.finalize()) == SHA256.hex(of: Array("abx".utf8)))
    }
}
