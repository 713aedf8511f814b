import Foundation

/// An objective that runs a shell command per trial and reads its metric from the
/// command's standard output.
///
/// ```swift
/// let objective = try ExternalCommandObjective(
///     template: try CommandTemplate("python train.py --lr {lr} --seed {seed}"),
///     metric: "dev_acc", direction: .maximize, workingDirectory: ".",
///     timeout: .seconds(600), logFolder: "logs/study-1")
/// let report = study.run(parallel: 2) { trial in try objective.evaluate(trial) }
/// TrialLog.tail(path: objective.logPath(forTrial: 7) ?? "", lines: 20)
/// ```
/// Each trial runs `/bin/sh -c COMMAND` (the template rendered with the trial's values,
/// shell-quoted) in `workingDirectory`, in a process group of its own, with standard input
/// from /dev/null and these variables added to HyperLab's environment: `HYPERLAB_TRIAL`,
/// `HYPERLAB_SEED`, `PYTHONUNBUFFERED=1` (unless set, so Python reports arrive per epoch),
/// and `environment`. The command reports on standard output (`ReportLine`):
/// `hyperlab: epoch=3 dev_acc=0.91` goes to `TrialContext.report`, and when that says
/// stop (pruned, or the sweep interrupted) the group, and every process below the shell
/// even outside it (`setsid`; HyperLab is their subreaper on Linux, `ProcessTree`), gets
/// SIGTERM, then SIGKILL if any of it is still running after `gracePeriod`; the same happens at `timeout` and when the
/// sweep's interruption is requested. `hyperlab: dev_acc=0.93` is the final value. Every
/// line of output and error goes to `logFolder/trial-NNNN.log` (`TrialLog`), which keeps
/// at most `logLimit` bytes (the newest output; 10 MB unless given). After the
/// shell ends, processes left in its group get SIGTERM, then SIGKILL.
public struct ExternalCommandObjective: Sendable {
    /// The command with its placeholders.
    public let template: CommandTemplate
    /// The metric the study optimizes, as the command names it in its reports.
    public let metric: String
    /// Whether the metric is maximized or minimized (for the study; the objective only reads it).
    public let direction: MetricDirection
    /// The folder the command runs in.
    public let workingDirectory: String
    /// How long a trial may run before it is stopped and failed; nil: no limit.
    public let timeout: Duration?
    /// How long a stopped command has between SIGTERM and SIGKILL.
    public let gracePeriod: Duration
    /// The folder of the per-trial logs; nil keeps no log.
    public let logFolder: String?
    /// The most bytes a trial's log keeps (its newest output past that); `TrialLog.defaultLimit` unless given.
    public let logLimit: Int
    /// Variables added to the command's environment.
    public let environment: [String: String]

    /// An objective; throws for a metric that is not a name, a timeout that is not positive,
    /// a negative grace period, or a working directory that is not a folder.
    public init(template: CommandTemplate, metric: String, direction: MetricDirection,
                workingDirectory: String, timeout: Duration? = .seconds(600),
                gracePeriod: Duration = .seconds(5), logFolder: String? = nil,
                logLimit: Int = TrialLog.defaultLimit,
                environment: [String: String] = [:]) throws(ExternalCommandError) {
        guard ReportLine.isMetricName(metric), metric != "epoch" else {
            throw ExternalCommandError(.invalidMetric, "\(metric) cannot be a reported metric",
                                       hint: "name the metric the command prints, as in metric=dev_acc for \"hyperlab: dev_acc=0.93\"")
        }
        if let timeout, timeout <= .zero {
            throw ExternalCommandError(.invalidTimeout, "the timeout must be above 0 seconds",
                                       hint: "write timeout=600 for ten minutes")
        }
        guard gracePeriod >= .zero else {
            throw ExternalCommandError(.invalidGracePeriod, "the grace period cannot be negative",
                                       hint: "the default gives a stopped command 5 s before SIGKILL")
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: workingDirectory, isDirectory: &isFolder), isFolder.boolValue else {
            throw ExternalCommandError(.missingWorkingDirectory, "the folder \(workingDirectory) does not exist",
                                       hint: "give the folder the command should run in")
        }
        self.template = template
        self.metric = metric
        self.direction = direction
        self.workingDirectory = workingDirectory
        self.timeout = timeout
        self.gracePeriod = gracePeriod
        self.logFolder = logFolder
        self.logLimit = logLimit
        self.environment = environment
    }

    /// The log file of trial `number`, or nil when no log is kept.
    public func logPath(forTrial number: Int) -> String? {
        logFolder.map { TrialLog.path(folder: $0, trial: number) }
    }

    /// Runs the trial's command and returns its metric and all final metrics, or throws the
    /// failure: "exited with status 2", "killed by signal 11 (SIGSEGV)", "timed out after
    /// 600 s", "no final dev_acc reported", "interrupted", or a set-up problem (unknown
    /// placeholder, missing folder, unwritable log). Blocks until the command has ended.
    public func evaluate(_ context: TrialContext) throws(TrialFailure) -> TrialOutcome {
        try execute(context).outcome(metric: metric)
    }

    /// Runs the trial's command and returns what happened (see `evaluate` for the outcome);
    /// throws only when the command cannot be started.
    public func execute(_ context: TrialContext) throws(TrialFailure) -> ExternalCommandResult {
        let command: String
        do {
            command = try template.render(context.parameters, seed: context.seed, trial: context.number)
        } catch {
            throw TrialFailure(error.description)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: workingDirectory, isDirectory: &isFolder), isFolder.boolValue else {
            throw TrialFailure("the working folder \(workingDirectory) does not exist")
        }
        let header = ["# trial \(context.number), seed \(context.seed), in \(workingDirectory)", "$ \(command)"]
        let log = try logPath(forTrial: context.number).map { (path) throws(TrialFailure) in
            try TrialLogWriter(path: path, header: header, limit: logLimit)
        }
        defer { log?.close() }
        var variables = ProcessInfo.processInfo.environment
        variables["HYPERLAB_TRIAL"] = String(context.number)
        variables["HYPERLAB_SEED"] = String(context.seed)
        if variables["PYTHONUNBUFFERED"] == nil { variables["PYTHONUNBUFFERED"] = "1" }
        variables.merge(environment) { _, added in added }
        let run = CommandRun(context: context, metric: metric, log: log)
        var result = try run.run(command: command, directory: workingDirectory, environment: variables,
                                 timeout: timeout, grace: gracePeriod)
        result.logPath = logPath(forTrial: context.number)
        log?.write("# " + result.summary)
        return result
    }
}
