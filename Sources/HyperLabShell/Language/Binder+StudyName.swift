import HyperLabKit

/// Binding the name of a new study (`sweep … name=`), held to `StudyName`'s rules.
extension Binder {
    /// The name `node` gives a new study: a word, a number or a quoted string that `StudyName.check` accepts.
    /// - Throws: `wrong` for a list or a distribution; an error at the character at fault otherwise.
    static func studyName(_ node: SyntaxNode, wrong: InputError) throws(InputError) -> BoundValue {
        let text: String
        switch node.value {
        case .word(let w): text = w
        case .string(let s): text = s
        case .number(_, let t): text = t
        default: throw wrong
        }
        do { try StudyName.check(text) } catch {
            throw InputError(error.message, at: span(of: error, in: node), hint: error.hint)
        }
        if case .string = node.value { return .text(text) }
        return .word(text)
    }

    /// Where in the source the characters at fault lie: inside the value's span (after the
    /// opening quote of a string), never past its end.
    private static func span(of error: StudyNameError, in node: SyntaxNode) -> SourceSpan {
        let opening = if case .string = node.value { 1 } else { 0 }
        let last = node.span.column + max(node.span.length - 1, 0)
        let column = min(node.span.column + opening + error.offset, last)
        return SourceSpan(line: node.span.line, column: column, length: min(max(error.length, 1), last - column + 1))
    }
}
