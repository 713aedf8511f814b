import Testing
@testable import HyperLabShell

/// HMAC-SHA256 signatures against published vectors (RFC 4231), over frames as Jupyter signs them.
@Suite struct MessageSignerTests {
    @Test(arguments: [
        // RFC 4231, test case 2.
        ("Jefe", "what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        // RFC 4231, test case 1: key 0x0b × 20.
        (String(repeating: "\u{0B}", count: 20), "Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
    ])
    func knownVectors(_ key: String, _ message: String, _ expected: String) {
        let signer = MessageSigner(key: key)
        #expect(signer.signature(of: [Array(message.utf8)]) == expected)
        #expect(signer.verifies(Array(expected.utf8), of: [Array(message.utf8)]))
    }

    @Test func framesAreSignedOneAfterAnother() {
        let signer = MessageSigner(key: "Jefe")
        let frames = [Array("what do ya ".utf8), Array("want ".utf8), [], Array("for nothing?".utf8)]
        #expect(signer.signature(of: frames) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func aWrongSignatureDoesNotVerify() {
        let signer = MessageSigner(key: "secret")
        let frames = [Array("{}".utf8)]
        var signature = Array(signer.signature(of: frames).utf8)
        signature[0] = signature[0] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        #expect(!signer.verifies(signature, of: frames))
        #expect(!signer.verifies([], of: frames))
        #expect(!MessageSigner(key: "other").verifies(Array(signer.signature(of: frames).utf8), of: frames))
    }

    @Test func anEmptyKeySignsNothing() {
        let signer = MessageSigner(key: "")
        #expect(signer.signature(of: [Array("{}".utf8)]) == "")
        #expect(signer.verifies([], of: [Array("{}".utf8)]))
    }
}
