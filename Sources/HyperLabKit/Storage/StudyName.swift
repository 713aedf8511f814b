/// The rules for a study's name, and the folder name derived from it.
///
/// ```swift
/// try StudyName.check("lr search")     // fine
/// try StudyName.check("..")            // throws StudyNameError
/// StudyName.folderName("a/b")          // "a-b" (for names stored before these rules)
/// ```
/// A name is 1 to 128 printable characters: no line break or other control character, no `/`
/// or `\`, and neither `.` nor `..`. A name is stored, printed in messages and used for the
/// folder of a study's command logs, so these rules keep all three safe. `folderName` never
/// leaves its parent folder, whatever the name, so studies stored before the rules are safe too.
public enum StudyName {
    /// The most characters a name may have.
    public static let maximumLength = 128

    /// Checks that `name` may name a new study.
    /// - Throws: `StudyNameError` saying what is wrong, with the offset of the first character at fault.
    public static func check(_ name: String) throws(StudyNameError) {
        guard !name.isEmpty else {
            throw StudyNameError("a study name cannot be empty", offset: 0, length: 0)
        }
        guard name != ".", name != ".." else {
            throw StudyNameError("'\(name)' cannot name a study (it names a folder)", offset: 0, length: name.count)
        }
        for (offset, character) in name.enumerated() {
            if character.isNewline {
                throw StudyNameError("a study name cannot hold a line break", offset: offset, length: 1)
            }
            if character == "/" || character == "\\" {
                throw StudyNameError("a study name cannot hold '\(character)'", offset: offset, length: 1)
            }
            if !isPrintable(character) {
                throw StudyNameError("a study name cannot hold a control character", offset: offset, length: 1)
            }
        }
        guard name.count <= maximumLength else {
            throw StudyNameError("a study name has at most \(maximumLength) characters, not \(name.count)",
                                 offset: maximumLength, length: name.count - maximumLength)
        }
    }

    /// The name of the folder, inside a parent such as `logs/`, that belongs to the study `name`:
    /// `/`, `\`, control characters and line breaks become `-`, a name of dots becomes
    /// underscores, and the result is at most 200 bytes. It is never empty, `.` or `..`.
    public static func folderName(_ name: String) -> String {
        var folder = String(name.map { c -> Character in
            c == "/" || c == "\\" || c.isNewline || !isPrintable(c) ? "-" : c
        })
        while folder.utf8.count > 200 { folder.removeLast() }
        if folder.allSatisfy({ $0 == "." }) {
            folder = String(repeating: "_", count: max(folder.count, 1))
        }
        return folder
    }

    /// Whether `character` is printable: no scalar of it is a control or format character.
    private static func isPrintable(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: false
            default: true
            }
        }
    }
}

/// Why a name cannot name a study: the message, the offset (in characters) of the part at
/// fault and its length, and a hint.
public struct StudyNameError: Error, Sendable, Equatable {
    /// What is wrong, in one line.
    public let message: String
    /// The offset, in characters, of the first character at fault.
    public let offset: Int
    /// How many characters are at fault (0 for an empty name).
    public let length: Int
    /// How to fix it.
    public var hint: String {
        "a study name is 1 to \(StudyName.maximumLength) printable characters without / or line breaks, like name=\"lr search\""
    }

    /// An error about the characters `offset..<offset+length` of the name.
    public init(_ message: String, offset: Int, length: Int) {
        self.message = message
        self.offset = offset
        self.length = length
    }
}

extension StudyName {
    /// Checks `name` as `check` does, for a store about to create a study.
    /// - Throws: `StorageError` of kind `.invalidName`.
    static func checkForStore(_ name: String) throws(StorageError) {
        do { try check(name) } catch {
            throw StorageError(.invalidName, error.message, hint: error.hint)
        }
    }
}
