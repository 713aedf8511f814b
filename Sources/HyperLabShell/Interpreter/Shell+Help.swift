import HyperLabKit

/// `help` and `help COMMAND`, written from the command catalogue.
extension Shell {
    /// Prints the overview, or one command's syntax, options with defaults, and an example.
    func help(_ command: BoundCommand) throws(InputError) {
        guard let topic = command.argumentString(0) else {
            console.write(Shell.overview())
            return
        }
        if topic == "tutorials" {
            listTutorials()
            return
        }
        var specs = CommandCatalog.specs(named: topic)
        if let second = command.argumentString(1) {
            specs = specs.filter { $0.subcommand == second }
            guard !specs.isEmpty else {
                let subcommands = CommandCatalog.specs(named: topic).compactMap(\.subcommand)
                throw InputError("no command '\(topic) \(second)'", at: command.span(ofArgument: 1),
                                 hint: subcommands.isEmpty ? "help \(topic)" : "\(topic) takes: " + subcommands.joined(separator: ", "))
            }
        }
        guard !specs.isEmpty else {
            let suggestion = ClosestMatch.suggestion(for: topic, among: CommandCatalog.names)
            throw InputError("no command '\(topic)'", at: command.span(ofArgument: 0),
                             hint: suggestion.map { "did you mean help \($0)?" } ?? "type help to list the commands")
        }
        console.write(specs.map(details).joined(separator: "\n"))
    }

    /// The list of commands by group.
    static func overview() -> String {
        var out = "HyperLab \(HyperLabVersion.current): choose the hyperparameters of neural networks.\n"
        out += "Type help COMMAND for its options and an example.\n"
        let width = CommandCatalog.all.map(\.title.count).max() ?? 10
        for group in CommandGroup.allCases {
            let specs = CommandCatalog.all.filter { $0.group == group && $0.name != "exit" }
            guard !specs.isEmpty else { continue }
            out += "\n\(group.rawValue)\n"
            for spec in specs {
                let title = spec.name == "quit" ? "quit, exit" : spec.title
                out += "  " + title + String(repeating: " ", count: max(width - title.count, 0) + 2) + spec.summary + "\n"
            }
        }
        return out
    }

    /// One command's help page.
    func details(_ spec: CommandSpec) -> String {
        var out = spec.synopsis + "\n\n  " + spec.summary + "\n"
        if !spec.details.isEmpty {
            out += "\n" + Shell.wrap(spec.details, width: 76, indent: "  ") + "\n"
        }
        var rows = spec.options.map { [$0.key, $0.kind.expectation, $0.defaultText, $0.summary] }
        if spec.acceptsAnyParameter {
            // A key the command declares itself (a sweep's seed, the sampler's) is listed once, as declared.
            rows += ParameterCatalog.all.filter { key in !spec.options.contains { $0.key == key.name } }.map { [$0.name, $0.kind.expectation, $0.defaultValue.description, $0.summary] }
        }
        if !rows.isEmpty {
            out += "\noptions\n"
            let columns = ["key", "takes", "default", "meaning"].map { TextTable.Column($0, alignment: .left) }
            out += TextTable(columns: columns, rows: rows).render(traits: console.traits)
                .map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        out += "\nexample\n  \(spec.example)\n"
        return out
    }

    /// Wraps text at word boundaries.
    static func wrap(_ text: String, width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width - indent.count {
                lines.append(indent + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines.joined(separator: "\n")
    }
}
