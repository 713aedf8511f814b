import HyperLabKit

/// The configuration commands: `model`, `optimizer`, `schedule`, `set`, `show config`.
extension Shell {
    /// Applies a configuration command's kind argument and options, in the order written.
    func configure(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) -> CommandOutput {
        let origin = ValueOrigin.command(command.spec.name)
        // Only `set` takes store=; the other configuration commands declare no such option.
        let store = command.spec.id == .set ? command.string("store") : nil
        if let store, let problem = Shell.storeProblem(store, workingDirectory: options.workingDirectory) {
            throw InputError(problem.message, at: command.span(ofOption: "store"), hint: problem.hint)
        }
        var config = bench.configuration
        var changes: [(key: String, value: ParameterValue)] = []
        if command.spec.id == .schedule {
            // `schedule KIND` describes the whole schedule: what it does not give returns to the default.
            for key in ["warmup", "step", "gamma"] where command.option(key) == nil {
                if let spec = ParameterCatalog.spec(key) { try? config.set(key, spec.defaultValue, origin: .byDefault) }
            }
        }
        if let kindKey = ["model": "model", "optimizer": "optimizer", "schedule": "schedule"][command.spec.name],
           case .parameter(let value)? = command.arguments.first {
            try apply(kindKey, value, to: &config, origin: origin, span: command.span(ofArgument: 0))
            changes.append((kindKey, value))
        }
        for (key, value) in command.parameterOptions {
            try apply(key, value, to: &config, origin: origin, span: command.span(ofOption: key))
            changes.append((key, value))
        }
        if command.spec.id != .set {
            for (key, _) in changes where !config.isActive(key) {
                let rule = ParameterCatalog.spec(key)?.activeWhen
                throw InputError("\(key.excerpt) is not used by \(command.spec.name) \(config.value(command.spec.name)?.description ?? "")",
                                 at: command.span(ofOption: key),
                                 hint: rule.map { "\(key) applies to \($0.key) \($0.values.joined(separator: ", "))" })
            }
        }
        bench.configuration = config
        var output = report(changes, in: config, command: command.spec.name)
        if let store {
            options.repository = Shell.repository(for: store, workingDirectory: options.workingDirectory)
            output.line("store = \(storeLocation)")
        }
        return output
    }

    private func apply(_ key: String, _ value: ParameterValue, to config: inout Configuration,
                       origin: ValueOrigin, span: SourceSpan?) throws(InputError) {
        do {
            try config.set(key, value, origin: origin)
        } catch {
            throw InputError(error.message, at: span, hint: error.hint)
        }
    }

    /// `config` with every configuration key given as an option of `command` applied, in order;
    /// an error points at the option.
    func applyingParameterOptions(of command: BoundCommand, to config: Configuration,
                                  origin: ValueOrigin) throws(InputError) -> Configuration {
        var config = config
        for (key, value) in command.parameterOptions {
            try apply(key, value, to: &config, origin: origin, span: command.span(ofOption: key))
        }
        return config
    }

    /// One line per command: the group's active settings after the change, plus notes on unused keys.
    private func report(_ changes: [(key: String, value: ParameterValue)], in config: Configuration,
                        command: String) -> CommandOutput {
        switch command {
        case "model": return .line("model " + Shell.modelSummary(config))
        case "optimizer": return .line("optimizer " + Shell.optimizerSummary(config))
        case "schedule": return .line("schedule " + Shell.scheduleSummary(config))
        default:
            var output = CommandOutput()
            for (key, _) in changes {
                let shown = config.value(key)?.description ?? ""
                var line = "\(key) = \(shown)"
                if !config.isActive(key), let rule = ParameterCatalog.spec(key)?.activeWhen {
                    line += "  (not used now: applies to \(rule.key) \(rule.values.joined(separator: ", ")))"
                }
                output.line(line)
            }
            return output
        }
    }

    /// "mlp hidden=[64,32] activation=relu dropout=0", with `init=` when it is not the default he.
    static func modelSummary(_ c: Configuration) -> String {
        let initialization = c.initialization == "he" ? "" : " init=\(c.initialization)"
        return c.model == "linear" ? "linear\(initialization)"
            : "mlp hidden=\(c.value("hidden")?.description ?? "") activation=\(c.activation) dropout=\(NumberText.canonical(c.dropout))\(initialization)"
    }

    /// "adam lr=0.001 beta1=0.9 beta2=0.999 eps=1e-08 weight_decay=0".
    static func optimizerSummary(_ c: Configuration) -> String {
        let keys = ["lr", "momentum", "beta1", "beta2", "alpha", "eps", "weight_decay"].filter(c.isActive)
        return ([c.optimizer] + keys.map { "\($0)=\(c.value($0)?.description ?? "")" }).joined(separator: " ")
    }

    /// "cosine warmup=5".
    static func scheduleSummary(_ c: Configuration) -> String {
        let keys = ["warmup", "step", "gamma"].filter(c.isActive)
        return ([c.schedule] + keys.map { "\($0)=\(c.value($0)?.description ?? "")" }).joined(separator: " ")
    }

    /// `show config`: every key with its value, default and origin; unused keys marked.
    func showConfig(_ bench: Workbench) -> CommandOutput {
        let config = bench.configuration
        let rows = ParameterCatalog.all.filter { !$0.isShorthand }.map { spec -> [String] in
            let value = config.value(spec.name)?.description ?? ""
            let note = config.isActive(spec.name) ? "" : "unused"
            return [spec.group.rawValue, spec.name, value, spec.defaultValue.description,
                    config.origin(spec.name).description, note]
        }
        let columns = ["group", "key", "value", "default", "from", "note"].map { TextTable.Column($0, alignment: .left) }
        return CommandOutput([.table(TextTable(columns: columns, rows: rows))])
    }
}
