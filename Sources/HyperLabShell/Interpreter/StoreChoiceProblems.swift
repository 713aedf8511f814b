import Foundation
import HyperLabKit

/// What can be wrong with a store choice (`--store`, `set store=`): a password in a PostgreSQL
/// URL (below), or a path that is not a regular file (`SQLiteStoreFile`).
///
/// Passwords stay out of store URLs: a `postgresql://USER:PASSWORD@HOST/DB` given to `--store`
/// or `set store=` would be written into saved sessions, notebooks and the history file, so it
/// is refused (the password comes from `PGPASSWORD` or `~/.pgpass`), and the history never
/// keeps one even when the line itself is refused.
enum StorePassword {
    /// Why `store` cannot be used, or nil when it holds no password.
    static func problem(in store: String) -> String? {
        guard store.hasPrefix("postgresql://") || store.hasPrefix("postgres://") else { return nil }
        guard PostgreSQLConnection.redacted(store) != store else { return nil }
        return "a password in the store URL would be saved in sessions, notebooks and the history"
    }

    /// The hint that goes with `problem(in:)`.
    static let hint = "leave the password out (postgresql://USER@HOST/DB) and set PGPASSWORD or use ~/.pgpass"

    /// `line` with the password of every `postgresql://USER:PASSWORD@` URL in it replaced by `***`.
    static func redacting(_ line: String) -> String {
        guard line.contains("://") else { return line }
        let pattern = #"(postgres(?:ql)?://[^\s:@/"]*):[^\s@/"]*@"#
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return line }
        let range = NSRange(line.startIndex..., in: line)
        return expression.stringByReplacingMatches(in: line, range: range, withTemplate: "$1:***@")
    }
}

extension Shell {
    /// Why `store` cannot be used as a store, or nil; with its hint: a password in a PostgreSQL
    /// URL, or (given the folder a relative path starts from) a path that names a device, a
    /// pipe or another file that is not a regular file.
    public static func storeProblem(_ store: String, workingDirectory: String? = nil) -> (message: String, hint: String)? {
        if let problem = StorePassword.problem(in: store) { return (problem, StorePassword.hint) }
        guard let workingDirectory, store != "memory", !store.hasPrefix("postgres") else { return nil }
        return SQLiteStoreFile.problem(path: storePath(store, workingDirectory: workingDirectory))
            .map { ($0.message, $0.hint ?? "") }
    }

    /// `line` with the passwords of PostgreSQL URLs in it masked, for the history file.
    public static func redactingPasswords(_ line: String) -> String {
        StorePassword.redacting(line)
    }
}
