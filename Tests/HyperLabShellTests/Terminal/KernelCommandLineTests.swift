import Foundation
import HyperLabShell
import Testing

/// `hyperlab kernel` refuses a connection file it cannot use with a clear message and status 2.
@Suite(.enabled(if: HyperLabBinary.path != nil, "\(HyperLabBinary.missing)"), .timeLimit(HyperLabBinary.timeLimit))
struct KernelCommandLineTests {
    @Test func anUnreadableConnectionFileExitsWithStatus2() throws {
        let run = try HyperLabBinary.run(["kernel", "--connection-file", "/nonexistent/kernel-1.json"])
        #expect(run.status == 2)
        #expect(run.error.contains("hyperlab kernel: cannot read the connection file /nonexistent/kernel-1.json"), "\(run.error)")
        #expect(run.error.contains("hint: "))
    }

    @Test func aPortInUseExitsWithStatus2() throws {
        let context = ZeroMQContext()
        let holder = ZeroMQSocket(context, .router)
        let taken = ConnectionFile.port(of: try holder.bind("tcp://127.0.0.1:*"), fallback: 0)
        let folder = try HyperLabBinary.temporaryFolder()
        let file = folder.appendingPathComponent("kernel.json")
        try """
        {"shell_port": \(taken), "iopub_port": 0, "stdin_port": 0, "control_port": 0, "hb_port": 0,
         "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256"}
        """.write(to: file, atomically: true, encoding: .utf8)
        let run = try HyperLabBinary.run(["kernel", "--connection-file", file.path], directory: folder)
        #expect(run.status == 2)
        #expect(run.error.contains("cannot bind tcp://127.0.0.1:\(taken)"), "\(run.error)")
        holder.close()
    }
}
