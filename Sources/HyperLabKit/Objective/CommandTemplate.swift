/// A shell command with `{name}` placeholders that each trial fills with its parameters.
///
/// ```swift
/// let template = try CommandTemplate("python train.py --lr {lr} --wd {weight_decay} --seed {seed}")
/// template.placeholders          // ["lr", "weight_decay", "seed"]
/// try template.render(TrialParameters([("lr", .real(1e-3)), ("weight_decay", .real(1e-5))]),
///                     seed: 7, trial: 0)
/// // python train.py --lr 0.001 --wd 1e-05 --seed 7
/// ```
/// Rules: a placeholder is `{NAME}` with NAME a letter or `_` followed by letters, digits,
/// `_` or `-`; `{{` and `}}` are literal braces. Every value is shell-quoted
/// (`ShellQuoting`), so a placeholder must stand outside quotes: write `--name {name}`, not
/// `--name "{name}"`. `{seed}` (the trial's seed) and `{trial}` (its number) are always
/// available; a swept parameter of the same name takes their place.
public struct CommandTemplate: Sendable, Hashable, CustomStringConvertible {
    /// The placeholders every trial can fill without a swept parameter.
    public static let builtinPlaceholders = ["seed", "trial"]

    /// One piece of the template: literal text (braces already unescaped) or a placeholder.
    enum Segment: Sendable, Hashable {
        case literal(String)
        case placeholder(name: String, offset: Int)
    }

    /// The template as written.
    public let text: String
    /// The placeholder names, unique, in the order of their first appearance.
    public let placeholders: [String]
    let segments: [Segment]

    /// Parses `text`; throws at the first malformed placeholder, with its offset.
    public init(_ text: String) throws(CommandTemplateError) {
        self.text = text
        segments = try CommandTemplate.parse(text)
        var seen: [String] = []
        for case .placeholder(let name, _) in segments where !seen.contains(name) { seen.append(name) }
        placeholders = seen
    }

    /// The placeholders a sweep must provide: those that are not `{seed}` or `{trial}`.
    public var parameterPlaceholders: [String] {
        placeholders.filter { !CommandTemplate.builtinPlaceholders.contains($0) }
    }

    /// The template as written.
    public var description: String { text }

    /// Checks that every placeholder is one of `parameterNames` or built in; throws for the
    /// first that is not (at its first appearance), suggesting the closest name.
    public func check(parameterNames: [String]) throws(CommandTemplateError) {
        let known = parameterNames + CommandTemplate.builtinPlaceholders
        for case .placeholder(let name, let offset) in segments where !known.contains(name) {
            throw unknown(name, at: offset, known: parameterNames)
        }
    }

    /// The command for one trial: each placeholder replaced by the shell-quoted text of its
    /// value (`ParameterValue.description`), `{seed}` by `seed` and `{trial}` by `trial`.
    public func render(_ parameters: TrialParameters, seed: Int, trial: Int) throws(CommandTemplateError) -> String {
        var command = ""
        for segment in segments {
            switch segment {
            case .literal(let literal):
                command += literal
            case .placeholder(let name, let offset):
                let value: String
                if let parameter = parameters[name] {
                    value = parameter.description
                } else if name == "seed" {
                    value = String(seed)
                } else if name == "trial" {
                    value = String(trial)
                } else {
                    throw unknown(name, at: offset, known: parameters.names)
                }
                command += ShellQuoting.quoted(value)
            }
        }
        return command
    }

    private func unknown(_ name: String, at offset: Int, known: [String]) -> CommandTemplateError {
        let characters = Array(text)
        let hint: String
        if offset > 0 && characters[offset - 1] == "$" {
            hint = "for the shell variable write $\(name), or ${{\(name)}}"
        } else if let close = ClosestMatch.suggestion(for: name, among: known + CommandTemplate.builtinPlaceholders) {
            hint = "did you mean {\(close)}?"
        } else if known.isEmpty {
            hint = "sweep it, as in sweep random n=20 \(name)=log(1e-4,1e-1); {seed} and {trial} are always there"
        } else {
            hint = "the sweep sets " + known.map { "{\($0)}" }.joined(separator: ", ") + ", {seed} and {trial}"
        }
        return CommandTemplateError(.unknownPlaceholder, "{\(name)} is not a swept parameter", hint: hint,
                                    offset: offset, length: name.count + 2, placeholder: name)
    }
}
