#if canImport(Glibc)
import Glibc
#endif

/// This process's surroundings, read through libc (no Foundation needed).
enum ProcessEnvironment {
    /// The environment variables.
    static func variables() -> [String: String] {
        var result: [String: String] = [:]
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            cursor += 1
        }
        return result
    }

    /// The current working directory ("." when it cannot be read).
    static func workingDirectory() -> String {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }

    /// Whether standard input is a terminal (a person typing).
    static var inputIsTerminal: Bool { isatty(0) == 1 }
}
