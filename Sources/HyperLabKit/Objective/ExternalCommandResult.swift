import Foundation

/// What happened when a trial's command ran: how it ended, why HyperLab stopped it (if it
/// did), and what it reported. `outcome(metric:)` turns it into the trial's result.
///
/// ```swift
/// let result = try objective.execute(context)
/// result.termination          // .exited(0)
/// result.reports[3]           // ["dev_acc": 0.91]
/// try result.outcome(metric: "dev_acc").value   // 0.93
/// ```
public struct ExternalCommandResult: Sendable, Equatable {
    /// How the command's process (the shell) ended.
    public enum Termination: Sendable, Equatable, CustomStringConvertible {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signaled(Int32)

        /// `exited with status 2`, `exited with status 139 (128 + SIGSEGV)` (a shell's
        /// report of a command killed by a signal), `killed by signal 9 (SIGKILL)`.
        public var description: String {
            switch self {
            case .exited(let status):
                "exited with status \(status)" + (status > 128 ? SignalName.of(status - 128).map { " (128 + \($0))" } ?? "" : "")
            case .signaled(let signal): "killed by signal \(signal)" + (SignalName.of(signal).map { " (\($0))" } ?? "")
            }
        }
    }

    /// Why HyperLab stopped the command before it ended by itself.
    public enum Stop: Sendable, Equatable, CustomStringConvertible {
        /// The pruner stopped the trial after the report of this step.
        case pruned(step: Int)
        /// The sweep was interrupted (Ctrl-C).
        case interrupted
        /// The command ran longer than this.
        case timedOut(Duration)

        /// `pruned at epoch 2`, `interrupted`, `timed out after 600 s`.
        public var description: String {
            switch self {
            case .pruned(let step): "pruned at epoch \(step)"
            case .interrupted: "interrupted"
            case .timedOut(let limit): "timed out after \(ExternalCommandResult.secondsText(limit)) s"
            }
        }
    }

    /// The command as run (`/bin/sh -c COMMAND`).
    public var command: String
    /// How it ended.
    public var termination: Termination
    /// Why HyperLab stopped it, if it did.
    public var stop: Stop?
    /// The signals sent to its process group to stop it, in order (`SIGTERM`, then `SIGKILL`
    /// if it outlived the grace period).
    public var signalsSent: [Int32]
    /// The metrics of each intermediate report, by step (a later report of a step adds to it).
    public var reports: [Int: [String: Double]]
    /// The metrics of the final reports (a later line overrides an earlier one's names).
    public var finalMetrics: [String: Double]
    /// The last line that looked like a report but could not be read, with the reason.
    public var unreadableReport: String?
    /// Wall-clock seconds from start to end.
    public var seconds: Double
    /// The trial's log file, if one was kept.
    public var logPath: String?

    /// A result (for tests and stores; `ExternalCommandObjective.execute` makes them).
    public init(command: String, termination: Termination, stop: Stop? = nil, signalsSent: [Int32] = [],
                reports: [Int: [String: Double]] = [:], finalMetrics: [String: Double] = [:],
                unreadableReport: String? = nil, seconds: Double = 0, logPath: String? = nil) {
        self.command = command
        self.termination = termination
        self.stop = stop
        self.signalsSent = signalsSent
        self.reports = reports
        self.finalMetrics = finalMetrics
        self.unreadableReport = unreadableReport
        self.seconds = seconds
        self.logPath = logPath
    }

    /// Fails the trial when an epoch's report of `metric` was NaN or infinite, as a final NaN does:
    /// a diverged run's later numbers mean nothing, and a pruner must not rank them.
    private func checkReportsAreFinite(_ metric: String) throws(TrialFailure) {
        for step in reports.keys.sorted() {
            if let value = reports[step]?[metric], !value.isFinite {
                throw TrialFailure("\(metric) was \(value) at epoch \(step): the run diverged (a NaN or infinite report fails the trial)")
            }
        }
    }

    /// The trial's outcome for `metric`, or the failure: interrupted, timed out, killed by a
    /// signal, a non-zero exit, or no final value of `metric`. A pruned command gives its
    /// last reported value and that step's metrics (the study records the trial as pruned).
    /// The metrics hold `epochs` (the last reported step) unless the command reported it.
    public func outcome(metric: String) throws(TrialFailure) -> TrialOutcome {
        let lastStep = reports.keys.max()
        switch stop {
        case .interrupted?, .timedOut?:
            throw TrialFailure(stop?.description ?? "")
        case .pruned(let step)?:
            try checkReportsAreFinite(metric)
            var metrics = reports[step] ?? [:]
            if metrics["epochs"] == nil { metrics["epochs"] = Double(step) }
            return TrialOutcome(value: metrics[metric] ?? .nan, metrics: metrics)
        case nil:
            break
        }
        if termination != .exited(0) { throw TrialFailure(termination.description) }
        try checkReportsAreFinite(metric)
        guard let value = finalMetrics[metric] else {
            var reason = "no final \(metric) reported"
            if let unreadableReport { reason += " (unreadable report: \(unreadableReport))" }
            throw TrialFailure(reason)
        }
        var metrics = finalMetrics
        if metrics["epochs"] == nil, let lastStep { metrics["epochs"] = Double(lastStep) }
        return TrialOutcome(value: value, metrics: metrics)
    }

    /// One line for the end of the log: what stopped it, the signals sent, how it ended.
    public var summary: String {
        var parts: [String] = []
        if let stop { parts.append(stop.description) }
        if !signalsSent.isEmpty {
            parts.append("sent " + signalsSent.map { SignalName.of($0) ?? "signal \($0)" }.joined(separator: ", then "))
        }
        parts.append(termination.description)
        return parts.joined(separator: "; ") + " after \(ExternalCommandResult.secondsText(seconds)) s"
    }

    /// A duration in seconds as short text: `600`, `0.5`, `2.25`.
    static func secondsText(_ duration: Duration) -> String {
        secondsText(duration.inSeconds)
    }

    /// Seconds rounded to milliseconds, as short text.
    static func secondsText(_ seconds: Double) -> String {
        NumberText.canonical((seconds * 1000).rounded() / 1000)
    }
}
