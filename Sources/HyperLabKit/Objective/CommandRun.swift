import Foundation

/// One run of a trial's command: starts `/bin/sh -c`, pumps its output, passes reports to
/// the trial, and stops its process group on pruning, interruption or timeout, and with it
/// every process below the shell, even one that left the group (`setsid`): their tree is
/// read from `/proc` while the shell still runs, HyperLab is their subreaper, and it reaps
/// those it stopped (`ProcessTree`).
///
/// The calling thread watches the process (every 20 ms: exit, interruption, timeout, stop
/// request); the pump's thread reads both pipes and calls `TrialContext.report`, which may
/// wait for other trials, so it never runs on the watching thread. Shared state is guarded
/// by `condition` (hence `@unchecked Sendable`).
final class CommandRun: @unchecked Sendable {
    private let context: TrialContext
    private let metric: String
    private let log: TrialLogWriter?
    private let condition = NSCondition()

    // Guarded by `condition`.
    private var exited = false
    private var pumpEnded = false
    private var stop: ExternalCommandResult.Stop?
    private var reports: [Int: [String: Double]] = [:]
    private var finalMetrics: [String: Double] = [:]
    private var unreadable: String?
    private var closed = false

    /// A run for one trial; `log` gets every line of output.
    init(context: TrialContext, metric: String, log: TrialLogWriter?) {
        self.context = context
        self.metric = metric
        self.log = log
    }

    /// Runs `command` to its end (or until stopped) and returns what happened.
    func run(command: String, directory: String, environment: [String: String],
             timeout: Duration?, grace: Duration) throws(TrialFailure) -> ExternalCommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let outputPipe = Pipe(), errorPipe = Pipe()
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.terminationHandler = { [self] _ in
            condition.lock()
            exited = true
            condition.broadcast()
            condition.unlock()
        }
        let pump = OutputPump(output: outputPipe.fileHandleForReading, error: errorPipe.fileHandleForReading,
                              onLine: { [self] stream, line in handle(line, from: stream) },
                              onEnd: { [self] in
                                  condition.lock()
                                  pumpEnded = true
                                  condition.broadcast()
                                  condition.unlock()
                              })
        ProcessTree.becomeSubreaper()
        let began = ContinuousClock.now
        do {
            try process.run()
        } catch {
            throw TrialFailure("could not start /bin/sh: \(error.localizedDescription)")
        }
        pump.start()
        let leader = process.processIdentifier
        let group = ProcessGroup(leader: leader)
        var signals: [Int32] = []
        // The processes below the shell, read before each signal while the shell still runs:
        // once it ends, they belong to HyperLab (the subreaper) and nothing links them to it.
        let shell = ProcessTree.member(leader)
        var below = Set<ProcessTree.Member>()
        func send(_ signal: Int32) {
            below.formUnion(ProcessTree.descendants(of: Array(below) + (shell.map { [$0] } ?? [])))
            group.send(signal)
            for member in below { member.send(signal) }
            signals.append(signal)
        }
        var stoppedAt: ContinuousClock.Instant?
        let termination: ExternalCommandResult.Termination
        while true {
            condition.lock()
            let reaped = exited
            if stop == nil {
                if context.interruption.isRequested {
                    stop = .interrupted
                } else if let timeout, began.duration(to: .now) >= timeout {
                    stop = .timedOut(timeout)
                }
            }
            let stopping = stop != nil
            condition.unlock()
            if reaped {
                termination = process.terminationReason == .uncaughtSignal
                    ? .signaled(process.terminationStatus) : .exited(process.terminationStatus)
                break
            }
            if let ended = ProcessGroup.termination(of: leader) {
                termination = ended
                break
            }
            if stopping {
                if let stoppedAt {
                    if !signals.contains(SIGKILL) && stoppedAt.duration(to: .now) >= grace { send(SIGKILL) }
                } else {
                    send(SIGTERM)
                    stoppedAt = .now
                }
            }
            condition.lock()
            if !exited && (stop != nil) == stopping { _ = condition.wait(until: Date(timeIntervalSinceNow: 0.02)) }
            condition.unlock()
        }

        // What the shell left running (children it did not wait for, or that outlive a
        // stopped shell): SIGTERM, then SIGKILL if any of it still runs when the grace period
        // (what is left of it) ends.
        if group.hasLiveMembers && !signals.contains(SIGKILL) {
            if stoppedAt == nil {
                send(SIGTERM)
                log?.write("# sent SIGTERM to the processes the command left running")
            }
            let deadline = (stoppedAt ?? .now) + grace
            while group.hasLiveMembers && ContinuousClock.now < deadline { usleep(20_000) }
            if group.hasLiveMembers { send(SIGKILL) }
        }
        // A stopped command's descendants outside its group: SIGKILL for any still running
        // when the grace period ends, then reap those reparented to HyperLab.
        if stop != nil {
            let deadline = (stoppedAt ?? .now) + grace
            while below.contains(where: \.isRunning) && ContinuousClock.now < deadline { usleep(20_000) }
            if !signals.contains(SIGKILL) && below.contains(where: \.isRunning) { send(SIGKILL) }
            ProcessTree.reap(below, within: .seconds(2))
        }
        // A process outside the group may still hold a pipe: stop reading after a while.
        if !waitForPump(until: .now + .seconds(1)) {
            pump.abandon()
            log?.write("# stopped reading: a process outside the command's group still holds its output")
            waitForPump(until: .now + .seconds(5))
        }
        let seconds = began.duration(to: .now)
        condition.lock()
        defer { condition.unlock() }
        closed = true
        return ExternalCommandResult(command: command, termination: termination, stop: stop, signalsSent: signals,
                                     reports: reports, finalMetrics: finalMetrics, unreadableReport: unreadable,
                                     seconds: seconds.inSeconds)
    }

    /// Waits until the pump has ended or `deadline`; returns whether it ended.
    @discardableResult
    private func waitForPump(until deadline: ContinuousClock.Instant) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !pumpEnded && ContinuousClock.now < deadline {
            _ = condition.wait(until: Date(timeIntervalSinceNow: 0.02))
        }
        return pumpEnded
    }

    /// Logs a line and, from standard output, acts on reports (on the pump's thread).
    private func handle(_ line: String, from stream: OutputPump.Stream) {
        condition.lock()
        let isClosed = closed
        condition.unlock()
        guard !isClosed else { return }
        log?.write(line)
        guard stream == .standardOutput else { return }
        switch ReportLine(line) {
        case .output:
            return
        case .unreadable(let why):
            condition.lock()
            unreadable = "\(line) (\(why))"
            condition.unlock()
        case .final(let metrics):
            condition.lock()
            if stop == nil { finalMetrics.merge(metrics) { _, new in new } }
            condition.unlock()
        case let .intermediate(step, metrics):
            condition.lock()
            let stopped = stop != nil
            if !stopped { reports[step, default: [:]].merge(metrics) { _, new in new } }
            condition.unlock()
            guard !stopped, let value = metrics[metric], context.report(step: step, value: value) else { return }
            condition.lock()
            if stop == nil { stop = context.interruption.isRequested ? .interrupted : .pruned(step: step) }
            condition.broadcast()
            condition.unlock()
        }
    }
}
