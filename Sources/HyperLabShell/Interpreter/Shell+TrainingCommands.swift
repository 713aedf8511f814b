import HyperLabKit

/// The training commands: `train`, `runs`, `evaluate test`.
extension Shell {
    /// `train [epochs=N batch=N seed=N patience=N]`: one run on train, scored on dev each epoch
    /// (under cross-validation, one run per fold, scored by the mean over the folds).
    func train(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) -> CommandOutput {
        let scoring = try requireScoring(bench, command)
        let config = try applyingParameterOptions(of: command, to: bench.configuration, origin: .command("train"))
        let number = bench.runs.count + 1
        let runs = try runTraining(config, on: scoring, number: number, command: command)
        guard let first = runs.first, let part = scoring.parts.first else { return CommandOutput() }
        let foldMetrics = scoring.isCrossValidation ? runs.map(\.metrics) : []
        bench.runs.append(RunRecord(run: first, datasetName: scoring.datasetName, standardizer: part.standardizer,
                                    devIndices: part.devIndices, foldMetrics: foldMetrics))
        var output = CommandOutput()
        if scoring.isCrossValidation, !first.isFailed {
            output.line(Shell.foldSummary(runs, number: number, folds: scoring.parts.count))
            let primary = MetricName.primaryDevMetric(for: first.task)
            let scores = runs.compactMap { $0.metrics[primary] }
            output.lines(baselineLines(parts: scoring.parts.prefix(runs.count).map { ($0.train, $0.dev) }, partName: "dev",
                                       score: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
                                       classNames: bench.dataset?.classNames, subject: "run \(number)"))
        } else {
            output.presentLine { Shell.runSummary(first, number: number, timings: $0) }
            if !first.isFailed, let more = Shell.moreMetricsLine(first.metrics, part: "dev", task: first.task) { output.line(more) }
            if !first.isFailed {
                output.lines(baselineLines(parts: [(part.train, part.dev)], partName: "dev",
                                           score: first.metrics[MetricName.primaryDevMetric(for: first.task)],
                                           classNames: bench.dataset?.classNames, subject: "run \(number)"))
            }
        }
        if let note = Shell.oneRunNote(command, run: number, ran: config, kept: bench.configuration) { output.line(note) }
        if let failed = runs.first(where: \.isFailed) {
            if scoring.isCrossValidation { output.line(Shell.runSummary(failed, number: number, timings: false)) }
            output.line("hint: the loss became NaN or infinite; try a smaller lr (now \(NumberText.canonical(config.learningRate)))")
        } else if case .interrupted(let epoch) = runs.last?.outcome {
            recordNote = "interrupted after epoch \(epoch)"
        } else if runs.count < scoring.parts.count {
            recordNote = "interrupted after \(runs.count) folds"
        }
        return output
    }

    /// When `train`'s options (epochs=, batch=, seed=, patience=) differ from the configuration:
    /// "epochs=60 applied to run 1 only; the configuration keeps epochs=200 (set changes it)".
    /// The options never change the configuration, which is what evaluate test trains.
    static func oneRunNote(_ command: BoundCommand, run: Int, ran: Configuration, kept: Configuration) -> String? {
        let keys = command.spec.options.map(\.key).filter { command.option($0) != nil && ran.value($0) != kept.value($0) }
        guard !keys.isEmpty else { return nil }
        func text(_ c: Configuration) -> String { keys.map { "\($0)=\(c.value($0)?.description ?? "")" }.joined(separator: " ") }
        return "\(text(ran)) applied to run \(run) only; the configuration keeps \(text(kept)) (set changes it)"
    }

    /// "run 2: 5 folds · dev_acc 0.953 ± 0.021 · dev_loss 0.13 ± 0.04 (folds: 0.958 0.917 …)".
    static func foldSummary(_ runs: [TrainingRun], number: Int, folds: Int) -> String {
        let task = runs[0].task
        let primary = MetricName.primaryDevMetric(for: task)
        let names = MetricName.devMetrics(for: task)
        let parts = names.compactMap { name -> String? in
            let values = runs.compactMap { $0.metrics[name] }
            guard !values.isEmpty else { return nil }
            let (mean, sd) = TrialOutcome.meanAndSD(values)
            return "\(name) \(NumberFormat.metric(mean)) ± \(NumberFormat.metric(sd))"
        }
        let perFold = runs.compactMap { $0.metrics[primary] }.map { NumberFormat.metric($0) }.joined(separator: " ")
        let done = runs.count < folds ? " (interrupted after \(runs.count) of \(folds) folds)" : ""
        return "run \(number): \(folds) folds\(done) · " + parts.joined(separator: " · ") + "  (\(primary) per fold: \(perFold))"
    }

    /// Trains `config` once on each part (`ConfigurationObjective.runs`), drawing a live progress
    /// line on a terminal: "run 2" or, under cross-validation, "run 2 fold 3/5".
    func runTraining(_ config: Configuration, on scoring: ScoringParts, number: Int,
                     command: BoundCommand) throws(InputError) -> [TrainingRun] {
        let objective = ConfigurationObjective(parts: scoring.parts, metric: MetricName.primaryDevMetric(for: scoring.task))
        let console = self.console
        do {
            let runs = try objective.runs(of: config, interruption: options.interruption) { k, progress in
                let label = scoring.isCrossValidation ? "run \(number) fold \(k + 1)/\(scoring.parts.count)" : "run \(number)"
                console.status(Shell.progressLine(progress, label: label).render(traits: console.traits))
            }
            console.clearStatus()
            return runs
        } catch {
            console.clearStatus()
            throw InputError(error.message, at: command.syntax.nameSpan, hint: error.hint)
        }
    }

    /// The live line: "run 1  epoch 12/200 ███░░ 6%  loss 0.312  dev_acc 0.933  0.1 s  ETA 1.5 s".
    static func progressLine(_ p: TrainingProgress, label: String) -> ProgressLine {
        var fields = [ProgressLine.Field("loss", NumberFormat.metric(p.trainLoss))]
        if let dev = p.devMetric { fields.append(.init(p.devMetricName, NumberFormat.metric(dev))) }
        return ProgressLine(label: "\(label)  epoch", done: p.isEpochEnd ? p.epoch : p.epoch - 1, total: p.epochs,
                            fields: fields, elapsed: p.elapsed, remaining: p.remaining)
    }

    /// "run 1: 200 epochs in 0.4 s · train_loss 0.061 · dev_loss 0.112 · dev_acc 0.967".
    static func runSummary(_ run: TrainingRun, number: Int, timings: Bool) -> String {
        let metrics = run.metrics
        let names = run.task == .classification
            ? ["train_loss", "train_acc", "dev_loss", "dev_acc"]
            : ["train_loss", "train_rmse", "dev_rmse", "dev_r2"]
        let shown = names.compactMap { name in metrics[name].map { "\(name) \(NumberFormat.metric($0))" } }
        let time = timings ? " in " + NumberFormat.duration(seconds: run.seconds) : ""
        let head: String
        switch run.outcome {
        case .completed:
            head = "run \(number): \(run.epochs.count) epochs\(time)"
        case .stoppedEarly(let best):
            head = "run \(number): stopped early after \(run.epochs.count) epochs\(time), kept best epoch \(best)"
        case .diverged(let epoch):
            return "run \(number) failed: diverged at epoch \(epoch)"
        case .interrupted(let epoch):
            head = "run \(number): interrupted after epoch \(epoch) of \(run.configuration.epochs)\(time); the epochs done are kept"
        }
        return ([head] + shown).joined(separator: " · ")
    }

    /// `runs`: every run with its configuration summary, outcome and final dev metric.
    func listRuns(_ bench: Workbench) -> CommandOutput {
        guard !bench.runs.isEmpty else {
            return .line("no runs yet: train runs the current configuration")
        }
        let runs = bench.runs.map(\.run)
        let metrics = runs.map { MetricName.primaryDevMetric(for: $0.task) }
        // One metric for every run (the usual case) heads its column; mixed tasks name it per row.
        let shared = Set(metrics).count == 1 ? metrics[0] : nil
        var notes: [String] = []
        // The schedule has its own column only when some run has one, so the usual table stays narrow.
        let scheduled = runs.contains { !Shell.scheduleShort($0.configuration).isEmpty }
        let rows = runs.enumerated().map { i, run -> [String] in
            let c = run.configuration
            let epochs = run.epochs.count == c.epochs ? String(c.epochs) : "\(run.epochs.count)/\(c.epochs)"
            if let note = Shell.outcomeNote(run, number: i + 1) { notes.append(note) }
            let score = run.metrics[metrics[i]].map { NumberFormat.metric($0) } ?? "—"
            let schedule = Shell.scheduleShort(c)
            return [String(i + 1), Shell.modelShort(c), Shell.optimizerShort(c)]
                + (scheduled ? [schedule.isEmpty ? "constant" : schedule] : []) + [epochs]
                + (shared == nil ? [metrics[i], score] : [score]) + [Shell.outcomeShort(run.outcome)]
        }
        let columns: [TextTable.Column] = [.init("run"), .init("model", alignment: .left), .init("optimizer", alignment: .left)]
            + (scheduled ? [.init("schedule", alignment: .left)] : []) + [.init("epochs", alignment: .right)]
            + (shared.map { [TextTable.Column($0)] } ?? [.init("metric", alignment: .left), .init("dev")])
            + [.init("outcome", alignment: .left)]
        var output = CommandOutput()
        output.fittedTable { width in
            var table = TextTable(columns: columns, rows: rows, notes: notes)
            // Every outcome but "complete" has its note, so the outcome column is the first to go.
            Shell.makeRoom(in: &table, width: width,
                           keep: ["run", "model", "optimizer", "schedule", "dev"] + (shared.map { [$0] } ?? []),
                           dropFirst: ["outcome"], rowsName: "run",
                           leftOutHint: "every run without a note above completed; a wider terminal shows the column")
            return table
        }
        return output
    }

    /// "mlp [64,32] tanh drop 0.1", "linear".
    static func modelShort(_ c: Configuration) -> String {
        guard c.model == "mlp" else { return c.model }
        var text = "mlp [" + c.hidden.map(String.init).joined(separator: ",") + "] " + c.activation
        if c.dropout > 0 { text += " drop \(NumberText.canonical(c.dropout))" }
        return text
    }

    /// "complete", "early stop", "diverged", "interrupted": the epochs column and the run's
    /// note (`outcomeNote`) say when.
    static func outcomeShort(_ outcome: TrainingOutcome) -> String {
        switch outcome {
        case .completed: "complete"
        case .stoppedEarly: "early stop"
        case .diverged: "diverged"
        case .interrupted: "interrupted"
        }
    }

    /// The note under `runs` for a run that did not complete:
    /// "run 2: patience 5 stopped it at epoch 11 of 60; epoch 6's model kept".
    static func outcomeNote(_ run: TrainingRun, number: Int) -> String? {
        let c = run.configuration
        switch run.outcome {
        case .completed: return nil
        case .stoppedEarly(let best):
            return "run \(number): patience \(c.patience) stopped it at epoch \(run.epochs.count) of \(c.epochs);"
                + " epoch \(best)'s model kept"
        case .diverged(let epoch):
            return "run \(number): diverged at epoch \(epoch) of \(c.epochs)" + (run.epochs.isEmpty ? "" : "; the epochs before it are kept")
        case .interrupted(let epoch):
            return "run \(number): interrupted after epoch \(epoch) of \(c.epochs); the epochs done are kept"
        }
    }

    /// "cosine", "step warmup 5", or "" for the constant schedule without warm-up.
    static func scheduleShort(_ c: Configuration) -> String {
        guard c.schedule != "constant" || c.warmup > 0 else { return "" }
        return c.schedule + (c.warmup > 0 ? " warmup \(c.warmup)" : "")
    }

    /// "adam lr=0.001".
    static func optimizerShort(_ c: Configuration) -> String {
        var text = "\(c.optimizer) lr=\(NumberText.canonical(c.learningRate))"
        if c.weightDecay > 0 { text += " wd=\(NumberText.canonical(c.weightDecay))" }
        return text
    }

    /// `evaluate test`: train on train+dev, score the locked test part once, count the look.
    func evaluateTest(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) -> TestEvaluationReport {
        guard var partitioning = bench.partitioning else {
            throw InputError("no split yet", at: command.syntax.nameSpan,
                             hint: "split the data first: split train=0.6 dev=0.2 test=0.2")
        }
        let config = bench.configuration
        let trainer = Trainer(configuration: config)
        let evaluation: TestEvaluation
        let console = self.console
        // Every train and dev row once: the split's own union, never a part joined again.
        let trainAndDev = partitioning.trainAndDev
        let test = partitioning.openTest()
        bench.partitioning = partitioning
        do {
            evaluation = try trainer.trainAndTest(on: trainAndDev, test: test,
                                                  interruption: options.interruption) { progress in
                console.status(Shell.progressLine(progress, label: "train+dev").render(traits: console.traits))
            }
            console.clearStatus()
        } catch {
            console.clearStatus()
            throw InputError(error.message, at: command.syntax.nameSpan, hint: error.hint)
        }
        if case .interrupted = evaluation.run.outcome {
            throw InputError("evaluate test was interrupted before training finished", at: nil,
                             hint: "the test part was not scored and the look is not counted")
        }
        if evaluation.run.isFailed {
            throw InputError("training on train+dev \(evaluation.run.outcome.description)", at: command.syntax.nameSpan,
                             hint: "the test part was not scored; fix the configuration (a smaller lr?) first")
        }
        let metrics = evaluation.metrics
        let names = evaluation.run.task == .classification ? ["test_acc", "test_loss"] : ["test_rmse", "test_r2"]
        var notes = CommandOutput()
        if let more = Shell.moreMetricsLine(metrics, part: "test", task: evaluation.run.task) { notes.line(more) }
        notes.lines(baselineLines(parts: [(trainAndDev, test)], partName: "test", score: metrics[names[0]],
                                  classNames: bench.dataset?.classNames, subject: "the model"))
        if let note = Shell.epochsNote(runs: bench.runs, configuration: config) { notes.line(note) }
        var looks = 1
        if let dataset = bench.dataset, let split = Shell.splitArguments(bench) {
            let primary = names[0]
            keep(TestLook(dataset: dataset, date: options.clock(), kind: .evaluation, split: split,
                          configuration: Shell.configurationShort(config), metric: primary, score: metrics[primary]),
                 warnings: &notes)
            looks = self.looks(of: dataset, warnings: &notes).count
        }
        return TestEvaluationReport(scores: names.compactMap { name in metrics[name].map { (name, $0) } },
                                    trainedRows: evaluation.trainedRows, epochs: evaluation.run.epochs.count,
                                    seconds: evaluation.run.seconds, notes: notes, looks: looks,
                                    datasetName: bench.dataset?.name ?? "the data")
    }

    /// A note when the last run trained the current configuration for another number of epochs
    /// (`train epochs=60` leaves the configuration's epochs as they were): evaluate test
    /// trains the configuration, so the person learns which one was scored.
    static func epochsNote(runs: [RunRecord], configuration: Configuration) -> String? {
        guard let last = runs.last else { return nil }
        var ran = StudyDefinition.configurationText(last.run.configuration)
        var current = StudyDefinition.configurationText(configuration)
        let ranEpochs = ran.removeValue(forKey: "epochs"), currentEpochs = current.removeValue(forKey: "epochs")
        guard ran == current, let ranEpochs, let currentEpochs, ranEpochs != currentEpochs else { return nil }
        return "note: run \(runs.count) trained \(ranEpochs) epochs, evaluate test the configuration's \(currentEpochs);"
            + " set epochs=\(ranEpochs) to score what run \(runs.count) trained"
    }

    /// The parts to score on, or an error that says to load and split first.
    func requireScoring(_ bench: Workbench, _ command: BoundCommand) throws(InputError) -> ScoringParts {
        guard bench.dataset != nil else {
            throw InputError("no data loaded", at: command.syntax.nameSpan, hint: "load a dataset first, e.g. load iris")
        }
        guard let scoring = bench.scoring else {
            throw InputError("the data is not split yet", at: command.syntax.nameSpan,
                             hint: "split it first: split train=0.6 dev=0.2 test=0.2 seed=1")
        }
        return scoring
    }
}
