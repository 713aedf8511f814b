import Foundation
@testable import HyperLabKit

/// The PostgreSQL server of the tests, named by `HYPERLAB_TEST_POSTGRES_URL`
/// (`eval "$(scripts/start-test-postgres.sh)"` starts one); suites that need it are disabled,
/// and reported as not run, when it is not set.
enum PostgreSQLTestServer {
    /// The server's URL, if set.
    static var url: String? {
        ProcessInfo.processInfo.environment["HYPERLAB_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the tests against a real server can run.
    static var isAvailable: Bool { url != nil }

    /// A URL whose tables live in a new empty schema of the test database, and a clean-up that
    /// drops it: each test gets a store of its own.
    static func freshSchema() throws -> (url: String, cleanUp: () -> Void) {
        guard let url else { throw PostgreSQLError(.connection, "HYPERLAB_TEST_POSTGRES_URL is not set") }
        let schema = "hyperlab_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgreSQLConnection(url: url)
        try admin.execute("CREATE SCHEMA \(schema)")
        let scoped = url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
        return (scoped, { _ = try? admin.execute("DROP SCHEMA \(schema) CASCADE") })
    }

    /// A fresh store in its own schema, and its clean-up.
    static func store() throws -> (PostgreSQLStudyStore, String, () -> Void) {
        let (url, cleanUp) = try freshSchema()
        return (try PostgreSQLStudyStore.open(url: url), url, cleanUp)
    }
}
