import Foundation
import Testing
@testable import HyperLabKit

/// Study names: 1–128 printable characters without `/` or line breaks, and a folder name
/// that never leaves its parent.
@Suite struct StudyNameTests {
    @Test(arguments: ["sweep 1", "lr search (2)", "ÄÖ 学习率", "a..b", String(repeating: "x", count: 128)])
    func ordinaryNamesAreAccepted(_ name: String) throws {
        try StudyName.check(name)
    }

    @Test func badNamesAreRefusedAtTheCharacterAtFault() {
        func failure(_ name: String) -> StudyNameError? {
            do { try StudyName.check(name) } catch { return error }
            return nil
        }
        #expect(failure("")?.message == "a study name cannot be empty")
        #expect(failure("..")?.message.contains("names a folder") == true)
        #expect(failure(".")?.message.contains("names a folder") == true)
        #expect(failure("a/b")?.offset == 1)
        #expect(failure("a\\b")?.offset == 1)
        #expect(failure("ab\ncd")?.offset == 2)
        #expect(failure("ab\r\n")?.message == "a study name cannot hold a line break")
        #expect(failure("a\u{7}")?.message == "a study name cannot hold a control character")
        #expect(failure("a\u{0}")?.offset == 1)
        #expect(failure(String(repeating: "x", count: 129))?.offset == 128)
        #expect(failure("..")?.hint.contains("1 to 128 printable characters") == true)
    }

    @Test(arguments: ["..", ".", "", "../..", "a/../../b", "/etc", "\n", "....", "x\\y"])
    func theFolderNameStaysInsideItsParent(_ name: String) {
        let folder = StudyName.folderName(name)
        #expect(!folder.isEmpty && folder != "." && folder != "..")
        #expect(!folder.contains("/") && !folder.contains("\\") && !folder.contains("\n"))
        let parent = URL(fileURLWithPath: "/tmp/logs")
        #expect(parent.appendingPathComponent(folder).standardizedFileURL.deletingLastPathComponent().path == parent.path)
    }

    @Test func theFolderNameOfAnOrdinaryNameIsTheName() {
        #expect(StudyName.folderName("sweep 1") == "sweep 1")
        #expect(StudyName.folderName("a/b") == "a-b")
        #expect(StudyName.folderName(String(repeating: "é", count: 128)).utf8.count <= 200)
    }

    @Test(arguments: StorageFixtures.Backend.allCases)
    func storesRefuseToCreateABadlyNamedStudy(_ backend: StorageFixtures.Backend) throws {
        let (repository, cleanUp) = try StorageFixtures.repository(backend)
        defer { cleanUp() }
        for name in ["..", "", "a/b", "x\ny"] {
            #expect(throws: StorageError.self) { _ = try repository.createStudy(try StorageFixtures.definition(name)) }
        }
        #expect(try repository.studies().isEmpty)
    }
}
