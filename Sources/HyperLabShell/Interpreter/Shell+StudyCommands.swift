import Foundation
import HyperLabKit

/// Stored studies: `studies`, `open study NAME`, `resume NAME`.
extension Shell {
    /// A storage error at the command's name.
    private func storeError(_ error: StorageError, _ command: BoundCommand) -> InputError {
        InputError(error.message, at: command.span(ofArgument: 0) ?? command.syntax.nameSpan, hint: error.hint)
    }

    /// `studies`: every stored study.
    func listStudies(_ command: BoundCommand) throws(InputError) -> CommandOutput {
        let summaries: [StudySummary]
        do { summaries = try options.repository.studies() } catch { throw storeError(error, command) }
        guard !summaries.isEmpty else {
            return .line("no studies in \(storeLocation) yet: every sweep is stored as one")
        }
        let rows = summaries.map { s -> [String] in
            let done = [TrialState.complete, .pruned, .failed].map { s.counts[$0] ?? 0 }.reduce(0, +)
            // A study asked and told by a program has no set count: its trials so far.
            var trials = s.trialCount > 0 ? "\(done)/\(s.trialCount)" : "\(done)"
            let notes = [("pruned", s.count(.pruned)), ("failed", s.count(.failed) - s.interrupted),
                         (Study.interruptedReason, s.interrupted)].compactMap { word, count in count > 0 ? "\(count) \(word)" : nil }
            if !notes.isEmpty { trials += " (" + notes.joined(separator: ", ") + ")" }
            if s.status != .complete { trials += " " + s.status.rawValue }
            return [s.name, s.dataset, s.sampler, trials, s.best.map { "\(s.metric) \(NumberFormat.metric($0))" } ?? "—",
                    String(Shell.timestamp(s.created).prefix(10))]
        }
        let columns: [TextTable.Column] = [.init("study", alignment: .left), .init("dataset", alignment: .left),
                                           .init("sampler", alignment: .left), .init("trials", alignment: .left),
                                           .init("best", alignment: .left), .init("created", alignment: .left)]
        return CommandOutput([.table(TextTable(columns: columns, rows: rows, notes: ["stored in \(storeLocation)"]))])
    }

    /// Loads a stored study by the name given as the command's argument.
    private func storedStudy(_ command: BoundCommand) throws(InputError) -> StoredStudy {
        let name = command.argumentString(0) ?? ""
        do { return try options.repository.load(name) } catch { throw storeError(error, command) }
    }

    /// The sweep record of a stored study.
    private func record(of stored: StoredStudy, number: Int) throws(InputError) -> (SweepRecord, SweepPlan) {
        let d = stored.definition
        do throws(StorageError) {
            let base = try d.baseConfiguration()
            guard let kind = SamplerKind(rawValue: d.sampler), let prune = PrunerKind(rawValue: d.prune) else {
                throw StorageError(.invalidRecord, "it names a sampler or pruner this HyperLab does not know (\(d.sampler), prune=\(d.prune))",
                                   hint: "it was stored by a newer HyperLab")
            }
            var plan = SweepPlan(name: d.name, kind: kind, space: try d.searchSpace(), base: base, metric: d.metric,
                                 direction: d.direction, seed: Int(truncatingIfNeeded: d.seed), total: d.trialCount,
                                 repeats: d.repeats, prune: prune, baseline: d.baseline,
                                 parallel: ProcessInfo.processInfo.activeProcessorCount, lag: d.lag ?? Study.defaultLag)
            plan.pruneSettings = d.prunerSettings ?? [:]
            plan.objectives = d.objectives ?? []
            var record = SweepRecord(plan, number: number,
                                     trials: d.objective == nil ? Shell.usedParameters(stored.trials, base: base) : stored.trials,
                                     stoppedEarly: !stored.isFinished, datasetName: d.datasetDisplayName)
            if d.objective != nil { record.logFolder = logFolder(forStudy: d.name, logs: nil) }
            record.askedAndTold = d.isAskAndTell
            if d.objective == nil, !d.isAskAndTell {
                record.dataCommands = "load \(d.dataset.loadArguments); split \(d.split.commandArguments)"
            }
            if !stored.isFinished { record.stopCause = .unfinished }
            if case .crossValidation(let folds, _, _, _) = d.split { record.folds = folds }
            return (record, plan)
        } catch {
            throw InputError("the stored study \(d.name) cannot be read: \(error.message)", at: nil, hint: error.hint)
        }
    }

    /// `open study NAME`: the stored study becomes the current sweep.
    func openStudy(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) -> CommandOutput {
        let stored = try storedStudy(command)
        let (record, _) = try record(of: stored, number: bench.sweeps.count + 1)
        bench.sweeps.append(record)
        let finished = record.trials.filter { $0.state != .running }.count
        let count = stored.definition.trialCount > 0 ? "\(finished) of \(stored.definition.trialCount)" : "\(finished)"
        var output = CommandOutput.line("opened study \(record.name): \(record.sampler) on \(record.datasetName), \(count) trials finished")
        output.line(Shell.sweepSummary(record, baselineUsed: stored.definition.baseline, interruptedPhrase: options.interruptedPhrase))
        if !stored.isFinished { output.line("resume \"\(record.name)\" runs the rest") }
        return output
    }

    /// Loads a stored study's dataset and makes its split again, into `bench`.
    func rebuildData(of stored: StoredStudy, into bench: inout Workbench, command: BoundCommand?) throws(InputError) {
        let d = stored.definition
        let dataset: Dataset
        do { dataset = try d.dataset.loadDataset() } catch {
            throw InputError(error.message, at: command?.syntax.nameSpan, hint: error.hint)
        }
        do {
            if let partitioning = try Partitioning(d.split, dataset: dataset) { bench.partitioning = partitioning }
        } catch {
            throw InputError("the stored split cannot be made again: \(error.message)", at: command?.syntax.nameSpan, hint: error.hint)
        }
        bench.dataset = dataset
    }

    /// The study, pruner and objective that run a stored study's trials (for `resume` and workers).
    func runner(for stored: StoredStudy) throws(InputError) -> (study: Study, objective: @Sendable (TrialContext) throws -> TrialOutcome) {
        if stored.definition.objective != nil {
            throw InputError("the study \(stored.definition.name) runs an objective command; workers run the built-in trainer",
                             at: nil, hint: "resume \"\(stored.definition.name)\" in the shell on the machine that has the command")
        }
        var bench = Workbench()
        try rebuildData(of: stored, into: &bench, command: nil)
        let (_, plan) = try record(of: stored, number: 1)
        guard let scoring = bench.scoring else { throw InputError("the stored study has no split", at: nil) }
        let study: Study
        do { study = try Study(definition: stored.definition) } catch {
            throw InputError(error.message, at: nil, hint: error.hint)
        }
        return (study, Shell.builtinObjective(plan, scoring: scoring))
    }

    /// `resume NAME`: marks trials a dead process left running as interrupted, loads the study's
    /// data and split, and runs the remaining trials.
    func resume(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) {
        let name = command.argumentString(0) ?? ""
        let found = try storedStudy(command)
        if found.definition.isAskAndTell {
            throw InputError("\(name) is asked and told by a program; the shell has no objective to run its trials",
                             at: command.span(ofArgument: 0),
                             hint: "continue it from Swift: AskTellStudy.open(named: \"\(name)\", in: store); open study \"\(name)\" shows it here")
        }
        // A study whose every trial finished is complete, whatever status it was left with
        // (a study run by workers before they marked it): never "interrupted".
        if found.isFinished {
            do { try options.repository.setStatus(.complete, of: name) } catch { throw storeError(error, command) }
            let stored = try storedStudy(command)
            console.line("study \(name) is complete: \(stored.trials.count) trials; open study \"\(name)\" shows them")
            return
        }
        do { try options.repository.markInterrupted(name) } catch { throw storeError(error, command) }
        let stored = try storedStudy(command)
        let d = stored.definition
        var (_, plan) = try record(of: stored, number: bench.sweeps.count + 1)
        plan.parallel = command.integer("parallel", default: plan.parallel)
        if let external = try externalObjective(of: stored, command) {
            console.line("resuming \(name): objective command \"\(external.template.text)\" in \(external.directory)")
            emit(try runSweep(plan, target: .external(external), bench: &bench, resuming: stored, command: command))
            return
        }
        try rebuildData(of: stored, into: &bench, command: command)
        console.line("resuming \(name): load \(d.dataset.loadArguments) · split \(d.split.commandArguments)")
        guard let scoring = bench.scoring else { return }
        emit(try runSweep(plan, target: .builtin(scoring), bench: &bench, resuming: stored, command: command))
    }
}
