import Foundation
import HyperLabKit

/// Running a planned sweep: its objective, its stored study, the trials with live progress,
/// and the record the results commands read.
extension Shell {
    /// Runs a planned sweep (or the rest of a stored one), storing every trial as it goes, and
    /// keeps the result as the current sweep; returns its closing summary (the live progress
    /// is printed as the trials run).
    ///
    /// A new sweep takes the name it is stored under, so the shell and the store agree: a default
    /// name is the store's next free "sweep N", and a `name=` already stored becomes 'NAME (2)'.
    func runSweep(_ plan: SweepPlan, target: SweepTarget, bench: inout Workbench,
                  resuming stored: StoredStudy?, command: BoundCommand) throws(InputError) -> CommandOutput {
        let repository = options.repository
        var plan = plan
        if let stored {
            plan.name = stored.definition.name
        } else {
            do {
                plan.name = command.string("name") == nil
                    ? try repository.availableNumberedName("sweep ", from: bench.sweeps.count + 1)
                    : try repository.availableName(plan.name)
            } catch {
                throw InputError(error.message, at: command.syntax.nameSpan, hint: error.hint)
            }
        }
        let storedName = plan.name
        let study = try Shell.study(for: plan)
        let objective: @Sendable (TrialContext) throws -> TrialOutcome
        let datasetName: String
        var logFolder: String?
        switch target {
        case .builtin(let scoring):
            objective = Shell.builtinObjective(plan, scoring: scoring)
            datasetName = scoring.datasetName
        case .external(let setting):
            let folder = self.logFolder(forStudy: storedName, logs: setting.logs)
            objective = try commandObjective(setting, plan: plan, logFolder: folder, command: command)
            datasetName = DatasetReference.ownedByCommand.displayName
            logFolder = folder
        }

        let trialStore: any StudyStore
        do {
            if let stored {
                trialStore = repository.trialStore(for: stored.id)
            } else {
                guard let definition = try studyDefinition(plan, target: target, name: storedName, bench: bench) else { return CommandOutput() }
                if command.string("workers") == "external" {
                    let (trials, lost) = try enqueueForWorkers(plan, definition: definition, command: command)
                    var record = SweepRecord(plan, number: bench.sweeps.count + 1,
                                             trials: Shell.usedParameters(trials, base: plan.base).sorted { $0.number < $1.number },
                                             stoppedEarly: trials.filter(\.state.isFinished).count < plan.total,
                                             datasetName: datasetName)
                    record.folds = target.foldCount
                    if let lost {
                        record.stopCause = .lostDatabase(lost.message)
                    } else if record.stoppedEarly {
                        record.stopCause = .stoppedWaiting(study: storedName, running: trials.filter { $0.state == .running }.count,
                                                           queued: plan.total - trials.count)
                    }
                    bench.sweeps.append(record)
                    let summary = Shell.sweepSummary(record, baselineUsed: plan.baseline, interruptedPhrase: options.interruptedPhrase)
                    if lost != nil {
                        keptWorkFailure = InputError(
                            "the database stayed out of reach for \(NumberFormat.duration(seconds: options.reconnectLimit.inSeconds)) "
                                + "while workers ran \(storedName)", at: command.syntax.nameSpan,
                            hint: "workers that keep trying store their trials once it is back; open study \"\(storedName)\" shows them then")
                    }
                    return .line(summary)
                }
                trialStore = repository.trialStore(for: try repository.createStudy(definition))
            }
        } catch let error as InputError {
            throw error
        } catch let error as StorageError {
            throw InputError(error.message, at: command.syntax.nameSpan, hint: error.hint)
        } catch {
            throw InputError("\(error)", at: command.syntax.nameSpan)
        }

        printSweepHeading(plan, pruner: study.pruner as? any RegisteredPruner, target: target, resuming: stored,
                          storedName: storedName, logFolder: logFolder)
        if stored == nil, case .integer(let asked)? = command.option("parallel"), asked > plan.lag + 1,
           study.sampler.usesHistory || plan.prune != .none {
            console.line("note: trial n waits for the trials below n − \(plan.lag), so at most \(plan.lag + 1) of the \(asked) run at once;"
                         + " lag=auto lets all \(asked) run (other results, the same on every replay)")
        }
        let printer = SweepProgressPrinter(console: console, metric: plan.metric, direction: plan.direction,
                                           objectives: plan.objectives, total: plan.total,
                                           showTimings: options.showTimings)
        let report = study.run(parallel: plan.parallel, store: trialStore, previous: stored?.trials ?? [],
                               interruption: options.interruption, progress: { event in printer.handle(event) },
                               objective: objective)
        printer.finish(report.trials)
        var statusError: StorageError?
        do { try repository.setStatus(report.stoppedEarly ? .interrupted : .complete, of: storedName) } catch {
            statusError = error
        }

        var record = SweepRecord(plan, number: bench.sweeps.count + 1,
                                 trials: (logFolder == nil ? Shell.usedParameters(report.trials, base: plan.base) : report.trials)
                                    .sorted { $0.number < $1.number },
                                 stoppedEarly: report.stoppedEarly, datasetName: datasetName)
        if let error = report.storeError { record.stopCause = .storeFailure(error.message) }
        record.logFolder = logFolder
        record.folds = target.foldCount
        bench.sweeps.append(record)
        var output = CommandOutput.line(Shell.sweepSummary(record, baselineUsed: plan.baseline, interruptedPhrase: options.interruptedPhrase))
        if let scoring = bench.scoring, logFolder == nil, let task = bench.dataset?.task, plan.objectives.isEmpty,
           plan.metric == MetricName.primaryDevMetric(for: task) {
            output.lines(baselineLines(parts: scoring.parts.map { ($0.train, $0.dev) }, partName: "dev",
                                       score: record.best?.value, classNames: bench.dataset?.classNames,
                                       subject: "the best trial"))
        }
        if report.stoppedEarly {
            let ran = report.trials.filter { $0.state != .running }.count
            recordNote = report.storeError == nil ? "interrupted after \(ran) trials"
                : "stopped after \(ran) trials: the store could not be written"
        }
        keptWorkFailure = storeFailure(of: report, statusError: statusError, name: storedName, command: command)
        return output
    }

    /// The objective that runs `setting`'s command for each trial, logging into `logFolder`,
    /// once the sweep sets every placeholder of the command.
    private func commandObjective(_ setting: ExternalObjectiveSetting, plan: SweepPlan, logFolder: String,
                                  command: BoundCommand) throws(InputError) -> @Sendable (TrialContext) throws -> TrialOutcome {
        let names = plan.space.names
        do { try setting.template.check(parameterNames: names) } catch {
            // The command is fixed here; the sweep is what to change (the template's own
            // hint would suggest renaming its placeholder to a swept key).
            let wanted = error.placeholder ?? "it"
            let unused = names.filter { !setting.template.parameterPlaceholders.contains($0) }
            let misspelt = unused.first { ClosestMatch.suggestion(for: $0, among: [wanted]) != nil }
            throw InputError("the objective command uses {\(wanted)}, which this sweep does not set",
                             at: misspelt.flatMap { key in command.syntax.options.first { $0.key == key }?.keySpan }
                                ?? command.syntax.nameSpan,
                             hint: misspelt.map { "did you mean \(wanted)= instead of \($0)=?" }
                                ?? "add \(wanted)=... to the sweep, as in \(wanted)=uniform(0, 1)")
        }
        if command.string("workers") == "external" {
            throw InputError("workers=external runs the built-in trainer; an objective command runs on this machine",
                             at: command.span(ofOption: "workers"), hint: "leave out workers=, or use objective builtin")
        }
        do {
            try FileManager.default.createDirectory(atPath: logFolder, withIntermediateDirectories: true)
        } catch {
            throw InputError("cannot make the folder for the trials' logs, \(logFolderText(logFolder).excerpt): \(Shell.folderProblem(logFolder))",
                             at: command.syntax.nameSpan,
                             hint: "give objective command … logs=\"DIR\" a folder that can be written")
        }
        do {
            // A multi-objective sweep's value is its first metric; the others come with the final report.
            let first = plan.objectives.first
            let external = try ExternalCommandObjective(template: setting.template, metric: first?.name ?? setting.metric,
                                                        direction: first?.direction ?? setting.direction, workingDirectory: setting.directory,
                                                        timeout: .seconds(setting.timeout), logFolder: logFolder,
                                                        logLimit: setting.logLimit)
            return { context in try external.evaluate(context) }
        } catch {
            throw InputError(error.message, at: command.syntax.nameSpan, hint: error.hint)
        }
    }

    /// What a new stored study keeps of the sweep: where its data came from (or that the
    /// objective command owns it) and everything needed to resume it. Nil when the built-in
    /// engine has no data or split to name.
    private func studyDefinition(_ plan: SweepPlan, target: SweepTarget, name: String,
                                 bench: Workbench) throws -> StudyDefinition? {
        let dataset: DatasetReference
        let split: SplitReference
        var external: ExternalObjectiveReference?
        switch target {
        case .builtin:
            guard let loaded = bench.dataset,
                  let made = bench.partitioning?.reference
            else { return nil }
            dataset = try DatasetReference(loaded.source, relativeTo: options.workingDirectory)
            split = made
        case .external(let setting):
            dataset = .ownedByCommand
            split = .ownedByCommand
            external = setting.reference
        }
        return StudyDefinition(name: name, created: options.clock(), sampler: plan.kind.rawValue,
                               baseline: plan.baseline, seed: UInt64(plan.seed), trialCount: plan.total,
                               metric: plan.metric, direction: plan.direction,
                               objectives: plan.objectives.isEmpty ? nil : plan.objectives, repeats: plan.repeats,
                               prune: plan.prune.rawValue, prunerSettings: plan.pruneSettings, lag: plan.lag,
                               space: plan.space, base: plan.base,
                               dataset: dataset, split: split, objective: external)
    }

    /// The two lines that open a sweep: its trials and space, then its metric and settings.
    private func printSweepHeading(_ plan: SweepPlan, pruner: (any RegisteredPruner)?, target: SweepTarget, resuming stored: StoredStudy?,
                                   storedName: String, logFolder: String?) {
        let done = stored?.trials.filter { $0.state != .running && !$0.wasInterrupted }.count ?? 0
        console.line("\(plan.name) (\(plan.kind.rawValue)): \(plan.total) trial\(plan.total == 1 ? "" : "s")"
                     + (stored != nil ? " (\(done) done, resuming)" : "")
                     + " · \(plan.space.parameters.map { "\($0.name)=\(Shell.distributionText($0.distribution))" }.joined(separator: " "))")
        // Parallelism and the store are for the person at the terminal: a script prints neither.
        presentLine { timings in
            (plan.objectives.isEmpty ? "metric \(plan.metric) (\(plan.direction == .maximize ? "higher" : "lower") is better)"
                : "metrics \(Shell.objectivesText(plan.objectives)): the Pareto front")
                + " · seed \(plan.seed)"
                + (plan.repeats > 1 ? " · \(plan.repeats) seeds per configuration" : "")
                + (target.foldCount > 1 ? " · mean over \(target.foldCount) folds" : "")
                + (plan.prune != .none ? " · pruning \(plan.prune.rawValue)" : "")
                + (pruner?.settingsSummary.map { " (\($0))" } ?? "")
                + (plan.lag != Study.defaultLag ? " · lag \(plan.lag)" : "")
                + (timings ? " · parallel \(plan.parallel)" : "")
                + (timings ? " · stored as study '\(storedName)' in \(storeLocation)" : "")
                + (logFolder.map { " · logs in \(logFolderText($0))" } ?? "")
        }
    }

    /// A study's log folder as the heading names it: relative to the working folder when inside
    /// it, "a temporary folder" when it is the one removed at exit (its path changes every run).
    /// Why a folder cannot be made at `path`: a part of it that is a file, or else that it
    /// cannot be written there.
    static func folderProblem(_ path: String) -> String {
        var prefix = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            prefix += (prefix.isEmpty && !path.hasPrefix("/") ? "" : "/") + part
            if prefix == "/" || part.isEmpty { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder), !isFolder.boolValue {
                return "\((prefix as NSString).lastPathComponent.excerpt) is a file, not a folder"
            }
        }
        return "the folder cannot be written"
    }

    private func logFolderText(_ folder: String) -> String {
        if temporaryLogs.exists, folder.hasPrefix(temporaryLogs.path + "/") { return "a temporary folder (removed at exit)" }
        return Shell.relativePath(folder, to: options.workingDirectory) + "/"
    }
}

extension SweepRecord {
    /// The record of a sweep run from `plan`, with its trials so far.
    init(_ plan: Shell.SweepPlan, number: Int, trials: [Trial], stoppedEarly: Bool, datasetName: String) {
        self.init(number: number, name: plan.name, sampler: plan.kind.rawValue, space: plan.space, base: plan.base,
                  metric: plan.metric, direction: plan.direction, seed: plan.seed, repeats: plan.repeats,
                  prune: plan.prune.rawValue, trials: trials, stoppedEarly: stoppedEarly, datasetName: datasetName)
        objectives = plan.objectives
    }
}
