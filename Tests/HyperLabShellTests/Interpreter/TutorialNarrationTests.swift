import Foundation
import Testing
@testable import HyperLabShell

/// Narration never contradicts the output: in every tutorial, each number a `say` line quotes
/// right after a command (before the next `pause` or command) appears in that command's output,
/// as printed or rounded as quoted ("0.72" for 0.718), unless the line's comment marks it:
/// - `# earlier output: 0.904` — it is in the output of an earlier command (checked too);
/// - `# not from the output: 0.003` — a setting, a difference, a count in words (not checked).
/// Both may be given: `# earlier output: 362; not from the output: 0.003`.
///
/// The outputs are read from the tutorials' transcripts, which `ShippedScriptsTests` keeps equal
/// to a live replay: when the numbers change (another BLAS kernel, a fixed bug), regenerating the
/// transcripts makes this test check the narration against the new numbers.
@Suite struct TutorialNarrationTests {
    /// One command of a transcript: the line typed (comment included) and what it printed.
    struct Block {
        var command: String
        var output: String
    }

    /// A narration line that quotes a number its command's output does not show.
    struct Contradiction: CustomStringConvertible {
        var number: String
        var say: String
        var command: String
        var description: String { "\(number) in \(say)\n  is not in the output of: \(command)" }
    }

    static var tutorials: [String] { ShippedScriptsTests.scripts(in: "tutorials") }

    @Test(arguments: tutorials)
    func everyQuotedNumberIsInTheOutputItFollows(path: String) throws {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let transcript = try String(contentsOf: Transcript.goldenFolder.appendingPathComponent("tutorials/\(name).out"),
                                    encoding: .utf8)
        let contradictions = Self.contradictions(in: Self.blocks(of: transcript))
        #expect(contradictions.isEmpty, "\(path):\n\(contradictions.map(\.description).joined(separator: "\n"))")
    }

    @Test func aContradictionIsFoundAndAMarkedNumberIsNot() {
        let blocks = [Block(command: "results", output: "trial 11 · dev_acc 0.978 · lr=1e-04\n"),
                      Block(command: "say \"trial 11 scores 0.98 at lr 1e-4\"", output: "trial 11 scores 0.98 at lr 1e-4\n"),
                      Block(command: "say \"and 0.979 on 362 rows\"  # not from the output: 362", output: "…\n"),
                      Block(command: "say \"trial 11 beat 0.95\"  # earlier output: 0.95; not from the output: 11", output: "…\n"),
                      Block(command: "pause", output: ""),
                      Block(command: "say \"Next, 25 trials.\"", output: "Next, 25 trials.\n")]
        let found = Self.contradictions(in: blocks)
        #expect(found.map(\.number) == ["0.979", "0.95"])
    }

    @Test func numbersAreReadAsQuoted() {
        #expect(Self.numbers(in: "lr 1e-4 (0.72 to 0.81), beta1 0.9, 8×8 pixels, top=6, 3rd")
                    == ["1e-4", "0.72", "0.81", "0.9", "8", "8", "6"])
        #expect(Self.matches("0.72", [0.718]))
        #expect(Self.matches("0.72", [0.7249]))
        #expect(!Self.matches("0.73", [0.718]))
        #expect(Self.matches("1e-4", [0.0001]))
        #expect(!Self.matches("20", [20.4]))
    }

    // MARK: reading a transcript

    /// The commands of an echoed transcript with their output.
    static func blocks(of transcript: String) -> [Block] {
        var blocks: [Block] = []
        for line in transcript.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(Shell.prompt) {
                blocks.append(Block(command: String(line.dropFirst(Shell.prompt.count)), output: ""))
            } else if line.hasPrefix(Shell.continuationPrompt), !blocks.isEmpty {
                blocks[blocks.count - 1].command += "\n" + line.dropFirst(Shell.continuationPrompt.count)
            } else if !blocks.isEmpty {
                blocks[blocks.count - 1].output += line + "\n"
            }
        }
        return blocks
    }

    /// The numbers narration quotes that the output before it does not show.
    static func contradictions(in blocks: [Block]) -> [Contradiction] {
        var found: [Contradiction] = []
        var last: (command: String, values: [Double])?
        var earlier: [Double] = []
        for block in blocks {
            let command = block.command.trimmingCharacters(in: .whitespaces)
            if command.hasPrefix("say ") {
                guard let (text, comment) = narration(command) else { continue }
                let fromEarlier = Set(marked(comment, "earlier output:"))
                let exempt = Set(marked(comment, "not from the output:"))
                for number in numbers(in: text) where !exempt.contains(number) {
                    if fromEarlier.contains(number) {
                        if !matches(number, earlier) {
                            found.append(Contradiction(number: number, say: command, command: "any earlier command"))
                        }
                    } else if let last, !matches(number, last.values) {
                        found.append(Contradiction(number: number, say: command, command: last.command))
                    }
                }
            } else if command == "pause" {
                last = nil   // narration after a pause introduces what comes next
            } else if !command.isEmpty, !command.hasPrefix("#") {
                let values = numbers(in: block.output).compactMap(value)
                last = (command, values)
                earlier += values
            }
        }
        return found
    }

    /// The numbers a comment lists after `label` (up to a `;`).
    static func marked(_ comment: String, _ label: String) -> [String] {
        comment.components(separatedBy: label).dropFirst()
            .flatMap { numbers(in: String($0.prefix { $0 != ";" })) }
    }

    /// The text of `say "TEXT"  # comment` and its comment.
    static func narration(_ command: String) -> (text: String, comment: String)? {
        guard let open = command.firstIndex(of: "\"") else { return nil }
        var text = ""
        var escaped = false
        var index = command.index(after: open)
        while index < command.endIndex {
            let c = command[index]
            if escaped { text.append(c); escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { break } else { text.append(c) }
            index = command.index(after: index)
        }
        let rest = index < command.endIndex ? command[command.index(after: index)...] : ""
        return (text, rest.firstIndex(of: "#").map { String(rest[$0...]) } ?? "")
    }

    // MARK: numbers

    /// The numbers in `text` as written (`0.72`, `1e-4`, `362`); digits inside a word (`beta1`,
    /// `dev_acc2`) or followed by letters (`3rd`) are not numbers.
    static func numbers(in text: String) -> [String] {
        let chars = Array(text)
        var found: [String] = []
        var i = 0
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber, i == 0 || !(isWordCharacter(chars[i - 1]) || chars[i - 1] == ".") else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j + 1 < chars.count, chars[j] == ".", chars[j + 1].isASCII, chars[j + 1].isNumber {
                j += 1
                while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            }
            if j + 1 < chars.count, chars[j] == "e" || chars[j] == "E" {
                var k = j + 1
                if k < chars.count, chars[k] == "-" || chars[k] == "+" { k += 1 }
                if k < chars.count, chars[k].isASCII, chars[k].isNumber {
                    while k < chars.count, chars[k].isASCII, chars[k].isNumber { k += 1 }
                    j = k
                }
            }
            if j < chars.count, chars[j].isLetter {   // 3rd, 10k, 2x: not a quoted value
                while j < chars.count, isWordCharacter(chars[j]) { j += 1 }
            } else {
                found.append(String(chars[i..<j]))
            }
            i = j
        }
        return found
    }

    static func value(_ text: String) -> Double? { Double(text) }

    /// Whether the number as quoted shows one of `values`: equal for whole numbers and powers of
    /// ten written `1e-4`, equal after rounding to the quoted decimals otherwise.
    static func matches(_ quoted: String, _ values: [Double]) -> Bool {
        guard let x = Double(quoted) else { return false }
        if quoted.lowercased().contains("e") {
            return values.contains { abs($0 - x) <= 1e-9 * abs(x) }
        }
        guard let dot = quoted.firstIndex(of: ".") else { return values.contains(x) }
        let decimals = quoted.distance(from: dot, to: quoted.endIndex) - 1
        let scale = pow(10, Double(decimals))
        return values.contains { ($0 * scale).rounded() == (x * scale).rounded() }
    }
}
