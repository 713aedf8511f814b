import Foundation
import Testing
@testable import HyperLabShell

/// A password in a PostgreSQL URL is refused wherever a store is named, and never reaches the
/// session, the notebook or the history.
@Suite struct StorePasswordTests {
    @Test func setStoreRefusesAPasswordWithAPositionedError() throws {
        let t = try Transcript(echo: false)
        #expect(t.shell.run("set store=\"postgresql://lab:secret@db/hyperlab\"") == .failed)
        #expect(t.output.text.contains("a password in the store URL would be saved"))
        #expect(t.output.text.contains("hint: leave the password out (postgresql://USER@HOST/DB) and set PGPASSWORD"))
        #expect(t.output.text.contains("(line 1, column 11)"))
        #expect(t.shell.run("save session leaked") == .completed)
        let session = t.directory.appendingPathComponent("sessions/leaked.hlab")
        let saved = (try? String(contentsOf: session, encoding: .utf8)) ?? ""
        #expect(!saved.contains("secret"))
        #expect(!t.shell.notebook.markdown(title: "t", saved: "now").contains("secret"))
    }

    @Test func storeProblemOnlyConcernsPasswords() {
        #expect(Shell.storeProblem("postgresql://lab:pw@db/hyperlab") != nil)
        #expect(Shell.storeProblem("postgres://lab:pw@db:5432/x") != nil)
        #expect(Shell.storeProblem("postgresql://lab@db/hyperlab") == nil)
        #expect(Shell.storeProblem("memory") == nil)
        #expect(Shell.storeProblem("a:b@c.sqlite") == nil)
    }

    @Test func theHistoryMasksPasswords() {
        #expect(Shell.redactingPasswords("set store=\"postgresql://lab:secret@db/x\"") == "set store=\"postgresql://lab:***@db/x\"")
        #expect(Shell.redactingPasswords("set store=postgres://u:p@h:5432/d; show config") == "set store=postgres://u:***@h:5432/d; show config")
        #expect(Shell.redactingPasswords("set store=\"postgresql://lab@db/x\"") == "set store=\"postgresql://lab@db/x\"")
        #expect(Shell.redactingPasswords("load iris") == "load iris")
    }
}
