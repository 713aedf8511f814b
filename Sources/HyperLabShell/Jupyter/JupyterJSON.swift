/// A JSON value written the way Jupyter writes a notebook, so a saved `.ipynb` diffs cleanly
/// against one that Jupyter saved.
///
/// ```swift
/// let value: JupyterJSON = .object(["nbformat": .integer(4), "cells": .array([])])
/// value.text   // "{\n \"cells\": [],\n \"nbformat\": 4\n}\n"
/// ```
/// The layout is Python's `json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)` plus a
/// final newline, as `nbformat.write` does: keys in code-point order, one space per level,
/// `[]` and `{}` for empty containers, non-ASCII text as is, control characters escaped.
public enum JupyterJSON: Sendable, Equatable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A number with a fraction or an exponent (read from other notebooks' metadata).
    case number(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// `null`.
    case null
    /// A list.
    case array([JupyterJSON])
    /// An object; written with its keys sorted, whatever order the dictionary has.
    case object([String: JupyterJSON])

    /// Text as nbformat stores it in a notebook: a list of lines, each but the last ending in
    /// `\n` (Python's `str.splitlines(True)`); empty text is an empty list.
    public static func lines(_ text: String) -> JupyterJSON {
        var lines: [JupyterJSON] = []
        var current = ""
        // By scalars: "\r\n" is one Character, and a line ends at its "\n".
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                lines.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { lines.append(.string(current)) }
        return .array(lines)
    }

    /// The document: the value laid out as Jupyter does, ending in a newline.
    public var text: String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    /// Appends the value at nesting level `indent`.
    private func write(to out: inout String, indent: Int) {
        switch self {
        case .string(let text): out += Self.quoted(text)
        case .integer(let number): out += String(number)
        case .number(let number): out += number.isFinite ? String(number) : "null"
        case .boolean(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                out += (index == 0 ? "\n" : ",\n") + Self.padding(indent + 1)
                item.write(to: &out, indent: indent + 1)
            }
            out += "\n" + Self.padding(indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
            for (index, key) in keys.enumerated() {
                out += (index == 0 ? "\n" : ",\n") + Self.padding(indent + 1) + Self.quoted(key) + ": "
                members[key]?.write(to: &out, indent: indent + 1)
            }
            out += "\n" + Self.padding(indent) + "}"
        }
    }

    /// One space per level, as `indent=1` writes.
    private static func padding(_ level: Int) -> String { String(repeating: " ", count: level) }

    /// `text` as a JSON string literal, escaped as Python's encoder does with `ensure_ascii=False`.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
