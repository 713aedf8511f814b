import Testing
@testable import HyperLabShell

/// Messages on the wire: identities, delimiter, signature, four JSON frames, buffers.
@Suite struct KernelMessageTests {
    let signer = MessageSigner(key: "test-key")

    @Test func aMessageRoundTrips() throws {
        let request = KernelMessage(type: "execute_request", content: .object(["code": .string("load iris")]), session: "s1",
                                    identities: [Array("peer".utf8)])
        let reply = KernelMessage(type: "execute_reply", content: .object(["status": .string("ok")]), session: "s2",
                                  identities: request.identities, parent: request)
        let frames = reply.encode(signer: signer)
        #expect(frames[0] == Array("peer".utf8))
        #expect(frames[1] == Array("<IDS|MSG>".utf8))
        #expect(frames[2] == Array(signer.signature(of: Array(frames[3...6])).utf8))
        let decoded = try KernelMessage.decode(frames, signer: signer)
        #expect(decoded.type == "execute_reply")
        #expect(decoded.identities == [Array("peer".utf8)])
        #expect(decoded.parentHeader[string: "msg_id"] == request.header[string: "msg_id"])
        #expect(decoded.content[string: "status"] == "ok")
        #expect(decoded.header[string: "version"] == "5.3")
    }

    @Test func aTamperedMessageIsRefused() {
        var frames = KernelMessage(type: "execute_request", content: .object(["code": .string("datasets")]), session: "s").encode(signer: signer)
        frames[frames.count - 1] = Array("{\"code\": \"reset\"}".utf8)
        #expect(throws: KernelMessage.WireError.badSignature) { try KernelMessage.decode(frames, signer: signer) }
    }

    @Test func framesWithoutTheDelimiterAreMalformed() {
        #expect(throws: KernelMessage.WireError.malformed("no <IDS|MSG> delimiter")) {
            try KernelMessage.decode([Array("{}".utf8)], signer: signer)
        }
    }
}
