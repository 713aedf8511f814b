/// Display width of text in a monospaced terminal, and fitting text to a width.
///
/// Every renderer measures text with `displayWidth`, never with `count`: ANSI colour codes take
/// no columns, East Asian wide characters and most emoji take two, combining marks none.
/// Box-drawing, block, braille and symbol characters used by the renderers ("─", "█", "⣿",
/// "★", "…", "●") take one.
extension String {
    /// Columns this text takes in a terminal, ignoring ANSI escape sequences.
    public var displayWidth: Int {
        strippingANSI.reduce(0) { $0 + $1.terminalWidth }
    }

    /// This text without ANSI escape sequences (colour codes).
    public var strippingANSI: String {
        var result = ""
        var inEscape = false
        for character in self {
            if inEscape {
                if let ascii = character.asciiValue, ascii >= 0x40, ascii <= 0x7E, character != "[" {
                    inEscape = false
                }
                continue
            }
            if character == "\u{1B}" {
                inEscape = true
                continue
            }
            result.append(character)
        }
        return result
    }

    /// This plain text cut to at most `width` columns; a cut ends in `ellipsis`.
    ///
    /// - Parameters:
    ///   - width: the most columns the result may take.
    ///   - ellipsis: what marks a cut ("…" in Unicode mode, "~" or "." in ASCII mode).
    /// - Returns: the text itself when it fits.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        guard displayWidth > width else { return self }
        guard width > 0 else { return "" }
        let room = width - ellipsis.displayWidth
        guard room > 0 else { return String(ellipsis.prefix(width)) }
        var result = ""
        var used = 0
        for character in self {
            let w = character.terminalWidth
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// This text, which may hold ANSI colour codes, cut to at most `width` visible columns; a
    /// cut ends in `ellipsis` and closes any colour it was in.
    func fitted(toWidth width: Int, ellipsis: String) -> String {
        guard displayWidth > width else { return self }
        let room = max(0, width - ellipsis.displayWidth)
        var result = ""
        var used = 0
        var inEscape = false
        var sawEscape = false
        for character in self {
            if inEscape {
                result.append(character)
                if let ascii = character.asciiValue, ascii >= 0x40, ascii <= 0x7E, character != "[" {
                    inEscape = false
                }
                continue
            }
            if character == "\u{1B}" {
                inEscape = true
                sawEscape = true
                result.append(character)
                continue
            }
            let w = character.terminalWidth
            if used + w > room { break }
            result.append(character)
            used += w
        }
        return result + (sawEscape ? "\u{1B}[0m" : "") + (width >= ellipsis.displayWidth ? ellipsis : "")
    }

    /// This plain text padded with spaces to `width` columns, placed left, right or centred.
    func padded(to width: Int, _ placement: TextPlacement = .left) -> String {
        let gap = width - displayWidth
        guard gap > 0 else { return self }
        switch placement {
        case .left: return self + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + self
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + self + String(repeating: " ", count: gap - left)
        }
    }
}

/// Where text sits in a wider space.
enum TextPlacement: Sendable {
    case left, right, center
}

extension Character {
    /// Columns this character takes in a terminal (0, 1 or 2).
    var terminalWidth: Int {
        guard let first = unicodeScalars.first else { return 0 }
        let v = first.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if first.properties.generalCategory == .nonspacingMark
            || first.properties.generalCategory == .enclosingMark { return 0 }
        if Character.isWide(v) { return 2 }
        return 1
    }

    /// East Asian wide and full-width ranges, and emoji presented as pictures.
    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
