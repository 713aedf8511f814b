import HyperLabKit

/// Shows a sweep's progress: a live status line on a terminal; elsewhere one line per finished
/// trial, printed in trial-number order so the text is the same whatever the timing. A trial of
/// a multi-objective sweep shows each objective and "(front so far)" when no trial printed
/// before it dominates it.
final class SweepProgressPrinter {
    private let console: Console
    private let metric: String
    private let direction: MetricDirection
    private let objectives: [StudyObjective]
    private let total: Int
    private let showTimings: Bool
    private var finished: [Int: Trial] = [:]
    private var nextToPrint = 0
    private var bestSoFar: Double?
    /// The losses (lower is better) of the finished trials no other one dominates: those
    /// printed so far, or on a terminal those finished so far (the set does not depend on the order).
    private var frontSoFar: [[Double]] = []

    init(console: Console, metric: String, direction: MetricDirection, objectives: [StudyObjective] = [],
         total: Int, showTimings: Bool) {
        self.console = console
        self.metric = metric
        self.direction = direction
        self.objectives = objectives
        self.total = total
        self.showTimings = showTimings
    }

    /// Handles one event from the study (called on the thread that runs the sweep).
    func handle(_ event: StudyEvent) {
        if console.traits.isTerminal {
            let p = event.progress
            guard objectives.count < 2 else { return showFront(event) }
            let best = p.best.flatMap { trial in trial.value.map { (metric, $0, trial.number) } }
            var line = ProgressLine.sweep(done: p.finished, total: p.total, running: p.running, pruned: p.pruned,
                                          failed: p.failed, best: best, elapsed: p.elapsed)
            if let parameters = p.best.map({ Shell.parameterText($0.parameters) }), !parameters.isEmpty {
                line.fields.append(.init("", parameters))
            }
            console.status(line.render(traits: console.traits))
            return
        }
        guard case .finished = event.kind else { return }
        finished[event.trial.number] = event.trial
        flush()
    }

    /// Prints what is left (trials stopped out of order) and clears the status line.
    func finish(_ trials: [Trial]) {
        console.clearStatus()
        guard !console.traits.isTerminal else { return }
        for trial in trials where finished[trial.number] == nil { finished[trial.number] = trial }
        flush(all: true)
    }

    private func flush(all: Bool = false) {
        while let trial = finished[nextToPrint] {
            print(trial)
            nextToPrint += 1
        }
        guard all else { return }
        for number in finished.keys.sorted() where number >= nextToPrint {
            if let trial = finished[number] { print(trial) }
        }
    }

    /// One finished trial's line; the notebook gets it without its wall time.
    private func print(_ trial: Trial) {
        console.line(line(for: trial, timings: showTimings), plain: line(for: trial, timings: false))
    }

    private func line(for trial: Trial, timings: Bool) -> String {
        let number = String(trial.number)
        var text = "trial " + String(repeating: " ", count: max(0, String(total).count - number.count)) + number + "  "
        switch trial.state {
        case .complete where objectives.count > 1:
            text += "complete  " + objectives.map { "\($0.name) \(Shell.metricCell(trial, $0.name))" }.joined(separator: " · ")
            if joinsTheFront(trial) { text += " (front so far)" }
        case .complete:
            let value = trial.value ?? .nan
            text += "complete  \(metric) \(NumberFormat.metric(value))"
            let better = bestSoFar.map { direction == .maximize ? value > $0 : value < $0 } ?? true
            if better, value.isFinite {
                bestSoFar = value
                text += " (best so far)"
            }
        case .pruned:
            text += "pruned at epoch \(trial.lastStep ?? 0)"
            if let step = trial.lastStep, let value = trial.intermediateValues[step] {
                text += " (\(metric) \(NumberFormat.metric(value)))"
            }
        case .failed:
            text += "failed: \(trial.failure ?? "unknown reason")"
        case .running:
            text += "interrupted"
        }
        let parameters = Shell.parameterText(trial.parameters)
        if !parameters.isEmpty { text += "  " + parameters }
        if timings { text += "  " + NumberFormat.duration(seconds: trial.seconds) }
        return text
    }

    /// The status line of a multi-objective sweep: how many finished trials are on the Pareto
    /// front (no single best exists), updated as trials finish in any order.
    private func showFront(_ event: StudyEvent) {
        if case .finished = event.kind, event.trial.state == .complete { _ = joinsTheFront(event.trial) }
        let p = event.progress
        let line = ProgressLine.sweep(done: p.finished, total: p.total, running: p.running, pruned: p.pruned,
                                      failed: p.failed, best: nil, paretoFront: frontSoFar.count, elapsed: p.elapsed)
        console.status(line.render(traits: console.traits))
    }

    /// Whether `trial` (complete, each objective a number) is dominated by no trial counted
    /// before it; if so it joins the front so far, and the points it dominates leave it.
    private func joinsTheFront(_ trial: Trial) -> Bool {
        let values = objectives.map { trial.metrics[$0.name] ?? .nan }
        guard values.allSatisfy(\.isFinite) else { return false }
        let loss = ParetoFront.losses([values], directions: objectives.map(\.direction))[0]
        guard !frontSoFar.contains(where: { ParetoFront.dominates($0, loss) }) else { return false }
        frontSoFar = frontSoFar.filter { !ParetoFront.dominates(loss, $0) } + [loss]
        return true
    }
}
