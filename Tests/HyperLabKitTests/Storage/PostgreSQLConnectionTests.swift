import Testing
@testable import HyperLabKit

/// What the libpq wrapper does without a server: connection errors, passwords kept out of
/// messages, numbers spelled so they read back bit for bit.
@Suite struct PostgreSQLConnectionTests {
    @Test func anUnreachableServerIsAClearErrorWithoutThePassword() {
        do {
            _ = try PostgreSQLStudyStore.open(url: "postgresql://someone:secret@127.0.0.1:1/nothing?connect_timeout=2")
            Issue.record("connected to port 1")
        } catch {
            #expect(error.kind == .unreachable)
            #expect(error.message.contains("postgresql://someone@127.0.0.1:1/nothing"))
            #expect(!error.description.contains("secret"))
            #expect(error.hint?.contains("PGPASSWORD") == true)
        }
    }

    @Test func passwordsAreLeftOutOfLocations() {
        #expect(PostgreSQLConnection.redacted("postgresql://u:pw@h:5432/db") == "postgresql://u@h:5432/db")
        #expect(PostgreSQLConnection.redacted("postgresql://u@h/db") == "postgresql://u@h/db")
        #expect(PostgreSQLConnection.redacted("host=h password=pw dbname=db") == "host=h dbname=db")
    }

    @Test func numbersRoundTripThroughTheirText() throws {
        for x in [0.1 + 0.2, 1e-300, -2.5e17, 0.0031622776601683794, .infinity, -.infinity] {
            let text = try #require(PostgreSQLValue.double(x).text)
            #expect(try PostgreSQLRow.double(text, column: "v") == x)
        }
        #expect(try PostgreSQLRow.double("NaN", column: "v").isNaN)
        #expect(PostgreSQLValue.null.text == nil && PostgreSQLValue.int(-7).text == "-7")
        #expect(throws: PostgreSQLError.self) { try PostgreSQLRow(columns: ["v"], values: ["x"]).int("v") }
    }
}
