import HyperLabKit

/// What kind of value an argument or option takes; drives validation, help and completion.
public enum ValueKind: Sendable {
    /// A whole number in the range.
    case integer(ClosedRange<Int>)
    /// `auto`, or a whole number in the range.
    case integerOrAuto(ClosedRange<Int>)
    /// A real number in the range.
    case real(ClosedRange<Double>)
    /// A number whose range the Kit checks (it differs between datasets); the kind words the hint.
    case number(ParameterKind)
    /// yes/no, true/false, on/off.
    case boolean
    /// One of these words.
    case choice([String])
    /// A quoted string: a path or narration.
    case text
    /// A bare word or a quoted string naming something (a session name).
    case name
    /// The name of a stored study, as `.name`; tab completion offers the store's names.
    case study
    /// The name of a new study, as `.name`, held to `StudyName`'s rules (1–128 printable characters, no `/`).
    case studyName
    /// A value of the configuration key (its kind and range come from `ParameterCatalog`).
    case parameter(String)
    /// A configuration key in a sweep: a fixed value, a distribution, or a grid axis.
    case sweep(String)
    /// A key of no declared kind in a sweep (an external command's placeholder): any value or distribution.
    case freeSweep
    /// Any word, with these offered by completion (metric names).
    case suggested([String])
    /// A metric to optimize (any word, as `suggested`), or a list of two or three of these
    /// (`metric=[dev_acc, parameters]`: a multi-objective sweep).
    case objectives([String])
    /// A built-in dataset name, or a quoted CSV path.
    case dataset
    /// Column names of a CSV file: a name or a list `[a, "b c"]` (completed from the file's header).
    case columns
    /// Any word (help topics, keys in plots).
    case anyWord
    /// `where` and comparisons `KEY<VALUE` (results filters).
    case filter
    /// A configuration to compare: `current`, `run N`, `trial N`, or a bare trial number.
    case reference

    /// The words tab completion offers for this kind, if it is enumerable.
    public var completions: [String] {
        switch self {
        case .boolean: return ["yes", "no"]
        case .choice(let words): return words
        case .parameter(let key), .sweep(let key):
            if case .choice(let words)? = ParameterCatalog.spec(key)?.kind { return words }
            return []
        case .dataset: return BuiltinDatasets.names
        case .reference: return ["current", "run", "trial"]
        case .suggested(let words), .objectives(let words): return words
        case .integerOrAuto: return ["auto"]
        default: return []
        }
    }

    /// A short placeholder for synopses: N, F, NAME, "FILE".
    public var placeholder: String {
        switch self {
        case .integer: "N"
        case .integerOrAuto: "N|auto"
        case .real: "F"
        case .number(.integer): "N"
        case .number: "F"
        case .boolean: "yes|no"
        case .choice(let words): words.joined(separator: "|")
        case .text: "\"TEXT\""
        case .name, .study, .studyName: "NAME"
        case .sweep, .freeSweep: "DIST|[..]|VALUE"
        case .suggested: "NAME"
        case .objectives: "NAME|[NAME,..]"
        case .parameter(let key):
            switch ParameterCatalog.spec(key)?.kind {
            case .choice(let words)?: words.joined(separator: "|")
            case .integer?: "N"
            case .integerList?: "[N,..]"
            default: "F"
            }
        case .dataset: "NAME|\"FILE.csv\""
        case .columns: "[COL,..]"
        case .anyWord: "WORD"
        case .filter: "where KEY<VALUE"
        case .reference: "current|run N|trial N"
        }
    }

    /// A value of this kind to show in a hint (`n=1`, `force=yes`), the smallest it accepts;
    /// nil for kinds whose values are names or texts of the user's own.
    public var example: String? {
        switch self {
        case .integer(let r): "\(r.lowerBound)"
        case .integerOrAuto: "auto"
        case .real(let r): NumberText.canonical(r.lowerBound)
        case .boolean: "yes"
        case .choice(let words): words.first
        default: nil
        }
    }

    /// What the kind expects, for error hints: "a whole number from 1 to 8".
    public var expectation: String {
        switch self {
        case .integer(let r):
            r.upperBound == Int.max ? "a whole number ≥ \(r.lowerBound)" : "a whole number from \(r.lowerBound) to \(r.upperBound)"
        case .integerOrAuto(let r): "auto or " + ValueKind.integer(r).expectation
        case .real(let r): "a number from \(NumberText.canonical(r.lowerBound)) to \(NumberText.canonical(r.upperBound))"
        case .number(let kind): kind.expectation
        case .boolean: "yes or no"
        case .choice(let words): "one of " + words.joined(separator: ", ")
        case .text: "a string in double quotes"
        case .name: "a name"
        case .studyName: "a study name (1 to \(StudyName.maximumLength) printable characters, no /)"
        case .study: "the name of a stored study"
        case .parameter(let key): ParameterCatalog.spec(key)?.kind.expectation ?? "a value"
        case .sweep(let key): "a value, a list [..] or a distribution for \(key)"
        case .freeSweep: "a value, a list [..] or a distribution"
        case .suggested(let words): "a name such as " + words.joined(separator: ", ")
        case .objectives(let words): "a metric, or a list of two or three of " + words.joined(separator: ", ")
        case .dataset: "a built-in dataset (" + BuiltinDatasets.names.joined(separator: ", ") + ") or a \"FILE.csv\" in quotes"
        case .anyWord: "a word"
        case .columns: "a column name or a list of them, such as [name, \"home town\"]"
        case .filter: "where followed by comparisons such as lr<0.01"
        case .reference: "current, run N, trial N or a trial number"
        }
    }
}

/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
    /// The placeholder shown in synopses (NAME, FILE, TEXT).
    public let name: String
    /// Its kind.
    public let kind: ValueKind
    /// Whether it may be left out.
    public let isOptional: Bool
    /// Whether it may be given several times (only the last argument): `plot curve run 1 2 3`.
    public let isRepeating: Bool

    /// An argument.
    public init(_ name: String, _ kind: ValueKind, optional: Bool = false, repeating: Bool = false) {
        self.name = name
        self.kind = kind
        self.isOptional = optional
        self.isRepeating = repeating
    }
}

/// An option `key=value` of a command.
public struct OptionSpec: Sendable {
    /// The key.
    public let key: String
    /// Its kind.
    public let kind: ValueKind
    /// What the option is when left out: required, a typed value, or a description.
    public let defaultValue: OptionDefault
    /// One line of help.
    public let summary: String

    /// The default as `help` shows it ("0", "no", "required", "the number of cores").
    public var defaultText: String { defaultValue.text }
    /// Whether the command needs it (the binder says so when it is missing).
    public var isRequired: Bool { defaultValue == .required }

    /// An option.
    public init(_ key: String, _ kind: ValueKind, default defaultValue: OptionDefault, _ summary: String) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// An option that sets configuration key `key` for this command; kind, default and help come
    /// from `ParameterCatalog`, so nothing about the key is written twice.
    public static func parameter(_ key: String) -> OptionSpec {
        let spec = ParameterCatalog.spec(key)
        return OptionSpec(key, .parameter(key), default: .described(spec?.defaultValue.description ?? ""), spec?.summary ?? "")
    }
}

/// The groups of `help`'s overview.
public enum CommandGroup: String, Sendable, CaseIterable {
    case data = "Data"
    case model = "Model and training"
    case sweeps = "Sweeps"
    case results = "Results and evaluation"
    case session = "Session"
}

/// The declaration of one command: syntax, options, help and whether it changes the workbench.
public struct CommandSpec: Sendable {
    /// Which command this is; the shell dispatches on it.
    public let id: CommandID
    /// The command word.
    public var name: String { id.words.name }
    /// The fixed second word (`show data`), if any.
    public var subcommand: String? { id.words.subcommand }
    /// Positional arguments after the words.
    public let arguments: [ArgumentSpec]
    /// Options.
    public let options: [OptionSpec]
    /// Whether any configuration key is also accepted as an option (`set`).
    public let acceptsAnyParameter: Bool
    /// Whether those keys may be swept (distributions and lists), as in `sweep`.
    public let sweepsParameters: Bool
    /// Whether a successful run changes the workbench (and is recorded for `save session`).
    public let isRecorded: Bool
    /// The help group.
    public let group: CommandGroup
    /// One line of help.
    public let summary: String
    /// More help: what it does, what to notice.
    public let details: String
    /// An example line.
    public let example: String

    /// The full command words: "show data".
    public var title: String { subcommand.map { "\(name) \($0)" } ?? name }

    /// The synopsis: `split train=F dev=F test=F [seed=N] [stratify=yes|no]`.
    public var synopsis: String {
        var parts = [title]
        for argument in arguments {
            let name = argument.isRepeating ? argument.name + " ..." : argument.name
            parts.append(argument.isOptional ? "[\(name)]" : name)
        }
        for option in options {
            let text = "\(option.key)=\(option.kind.placeholder)"
            parts.append(option.isRequired ? text : "[\(text)]")
        }
        if sweepsParameters { parts.append("KEY=DIST ...") } else if acceptsAnyParameter { parts.append("KEY=VALUE ...") }
        return parts.joined(separator: " ")
    }

    init(_ id: CommandID, arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
         anyParameter: Bool = false, sweeps: Bool = false, recorded: Bool, group: CommandGroup, summary: String, details: String = "",
         example: String) {
        self.id = id
        self.arguments = arguments
        self.options = options
        self.acceptsAnyParameter = anyParameter || sweeps
        self.sweepsParameters = sweeps
        self.isRecorded = recorded
        self.group = group
        self.summary = summary
        self.details = details
        self.example = example
    }

    /// The declaration of option `key`, including configuration keys when any are accepted.
    ///
    /// An alias of a configuration key (`train_seed`) stands for that key (`seed`) in the commands
    /// that set it, not in sweeps: there `seed=` is the sampler's and each trial's training seed
    /// derives from it, so the sweep refuses `train_seed=` with that explanation.
    public func option(_ key: String) -> OptionSpec? {
        if let spec = options.first(where: { $0.key == key }) { return spec }
        if !sweepsParameters, let canonical = ParameterCatalog.aliases[key] {
            return option(canonical)
        }
        if acceptsAnyParameter, let spec = ParameterCatalog.spec(key) {
            return sweepsParameters ? OptionSpec(key, .sweep(key), default: .described("current"), spec.summary) : .parameter(key)
        }
        if sweepsParameters, key.first?.isLetter == true || key.first == "_" {
            // Checked by the sweep itself: a placeholder of an external command, or a typo.
            return OptionSpec(key, .freeSweep, default: .described("—"), "a placeholder of the objective command")
        }
        return nil
    }

    /// Every option key this command accepts.
    public var optionKeys: [String] {
        options.map(\.key) + (acceptsAnyParameter ? ParameterCatalog.names.filter { k in !options.contains { $0.key == k } } : [])
    }
}
