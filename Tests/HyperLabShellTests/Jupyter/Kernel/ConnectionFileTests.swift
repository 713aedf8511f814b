import Testing
@testable import HyperLabShell

/// The connection file Jupyter writes: read, with a clear error for what is wrong.
@Suite struct ConnectionFileTests {
    static let text = """
    {"shell_port": 53794, "iopub_port": 53795, "stdin_port": 53796, "control_port": 53797, "hb_port": 53798,
     "ip": "127.0.0.1", "key": "a0436f6c-1916-498b-8eb9-e81ab9368e84", "transport": "tcp",
     "signature_scheme": "hmac-sha256", "kernel_name": "hyperlab"}
    """

    @Test func readsThePortsAndTheKey() throws {
        let file = try ConnectionFile.parse(Self.text, path: "k.json")
        #expect(file.shellPort == 53794 && file.iopubPort == 53795 && file.stdinPort == 53796)
        #expect(file.controlPort == 53797 && file.heartbeatPort == 53798)
        #expect(file.key == "a0436f6c-1916-498b-8eb9-e81ab9368e84")
        #expect(file.endpoint(port: file.shellPort) == "tcp://127.0.0.1:53794")
        #expect(file.endpoint(port: 0) == "tcp://127.0.0.1:*")
    }

    @Test func malformedJSONIsPositioned() {
        #expect {
            _ = try ConnectionFile.parse("{\"shell_port\": 1,\n \"ip\": }", path: "k.json")
        } throws: { error in
            (error as? KernelError)?.message.hasPrefix("k.json:2:8: the connection file is not JSON") == true
        }
    }

    @Test func aMissingPortIsNamed() {
        #expect {
            _ = try ConnectionFile.parse("{\"shell_port\": 1, \"iopub_port\": 2}", path: "k.json")
        } throws: { error in
            (error as? KernelError)?.message == "k.json: the connection file has no port \"stdin_port\" (a number 0 to 65535)"
        }
    }

    @Test func anotherSignatureSchemeIsRefused() {
        let text = Self.text.replacingOccurrences(of: "hmac-sha256", with: "hmac-md5")
        #expect(throws: KernelError.self) { try ConnectionFile.parse(text, path: "k.json") }
    }

    @Test func anUnreadableFileSaysSo() {
        #expect {
            _ = try ConnectionFile.read("/nonexistent/kernel-1.json")
        } throws: { error in
            (error as? KernelError)?.message == "cannot read the connection file /nonexistent/kernel-1.json"
        }
    }
}
