/// Why a command template was refused, with the place in the template to point at.
///
/// `offset` counts characters (Swift `Character`s) from the start of the template, from 0,
/// and `length` how many to underline, so the shell can put a caret under the bad
/// placeholder:
///
/// ```swift
/// do { _ = try CommandTemplate("train.py --lr {lr") }
/// catch { print(error.message, error.offset) }   // "the { at character 14 is not closed" 14
/// ```
public struct CommandTemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for code that reacts to particular failures (and for tests).
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// The template holds nothing but spaces.
        case emptyTemplate
        /// A `{` with no `}` after it (before the next `{`).
        case unclosedBrace
        /// A `}` with no `{` before it.
        case unopenedBrace
        /// `{}`: a placeholder with no name.
        case emptyPlaceholder
        /// The text between braces is not a name (`{print $1}`).
        case invalidName
        /// A placeholder inside shell quotes or after a backslash, where the value's own
        /// quoting would be taken literally.
        case quotedPlaceholder
        /// A placeholder that is neither a swept parameter nor `{seed}` / `{trial}`.
        case unknownPlaceholder
    }

    /// What went wrong.
    public let kind: Kind
    /// One line saying what went wrong.
    public let message: String
    /// How to fix it.
    public let hint: String?
    /// Where the bad part starts: a character offset into the template, from 0.
    public let offset: Int
    /// How many characters the bad part spans (at least 1).
    public let length: Int
    /// The placeholder's name, when the error is about a named placeholder.
    public let placeholder: String?

    /// An error at `offset` spanning `length` characters.
    public init(_ kind: Kind, _ message: String, hint: String?, offset: Int, length: Int = 1,
                placeholder: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.offset = offset
        self.length = max(length, 1)
        self.placeholder = placeholder
    }

    /// `message (hint)`.
    public var description: String {
        guard let hint else { return message }
        return message + " (" + hint + ")"
    }
}
