import Foundation

/// The connection file Jupyter hands a kernel (`--connection-file F`): where to bind its five
/// sockets and the key that signs every message.
///
/// ```json
/// {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 53794, "iopub_port": 53795,
///  "stdin_port": 53796, "control_port": 53797, "hb_port": 53798,
///  "key": "a0436f6c-…", "signature_scheme": "hmac-sha256"}
/// ```
public struct ConnectionFile: Sendable, Equatable {
    /// `tcp` or `ipc`.
    public var transport: String
    /// The address to bind (tcp), or the path prefix of the sockets (ipc).
    public var ip: String
    /// The ports of the shell, iopub, stdin, control and heartbeat sockets.
    public var shellPort, iopubPort, stdinPort, controlPort, heartbeatPort: Int
    /// The HMAC key (empty: messages are not signed).
    public var key: String
    /// The signature scheme; only `hmac-sha256` is offered.
    public var signatureScheme: String

    /// Reads the connection file at `path`.
    /// - Throws: `KernelError` when it cannot be read, is not JSON, or lacks a field.
    public static func read(_ path: String) throws(KernelError) -> ConnectionFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KernelError("cannot read the connection file \(path)",
                              hint: "Jupyter writes it and passes --connection-file; check the path and its permissions")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses connection-file text (`path` names it in errors).
    /// - Throws: `KernelError` naming the line and column of malformed JSON, or the missing field.
    public static func parse(_ text: String, path: String) throws(KernelError) -> ConnectionFile {
        let json: JupyterJSON
        do { json = try JupyterJSON.parse(text) } catch {
            throw KernelError("\(path):\(error.line):\(error.column): the connection file is not JSON: \(error.message)",
                              hint: "Jupyter writes this file; start the kernel from Jupyter")
        }
        func port(_ key: String) throws(KernelError) -> Int {
            guard case .integer(let number)? = json[key], (0...65_535).contains(number) else {
                throw KernelError("\(path): the connection file has no port \"\(key)\" (a number 0 to 65535)",
                                  hint: "a connection file names shell_port, iopub_port, stdin_port, control_port and hb_port")
            }
            return number
        }
        let scheme = json[string: "signature_scheme"] ?? "hmac-sha256"
        guard scheme == "hmac-sha256" else {
            throw KernelError("\(path): signature_scheme \"\(scheme)\" is not supported",
                              hint: "HyperLab signs messages with hmac-sha256, Jupyter's default")
        }
        let transport = json[string: "transport"] ?? "tcp"
        guard transport == "tcp" || transport == "ipc" else {
            throw KernelError("\(path): transport \"\(transport)\" is not supported", hint: "use tcp or ipc")
        }
        return ConnectionFile(transport: transport, ip: json[string: "ip"] ?? "127.0.0.1",
                              shellPort: try port("shell_port"), iopubPort: try port("iopub_port"),
                              stdinPort: try port("stdin_port"), controlPort: try port("control_port"),
                              heartbeatPort: try port("hb_port"), key: json[string: "key"] ?? "",
                              signatureScheme: scheme)
    }

    /// The ZeroMQ endpoint of the socket on `port`: `tcp://IP:PORT` (port 0: any free one), or
    /// `ipc://IP-PORT`.
    public func endpoint(port: Int) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port)" : "tcp://\(ip):\(port == 0 ? "*" : String(port))"
    }

    /// The port of a bound tcp `endpoint` (`tcp://127.0.0.1:5555`), else `fallback`.
    public static func port(of endpoint: String, fallback: Int) -> Int {
        endpoint.split(separator: ":").last.flatMap { Int($0) } ?? fallback
    }
}
