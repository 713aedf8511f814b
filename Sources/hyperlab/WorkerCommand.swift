import ArgumentParser
import HyperLabShell

/// `hyperlab worker --store postgresql://…`: run queued trials of stored studies (scale-out).
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run queued trials of studies in a PostgreSQL store, on this machine.",
        discussion: """
            Start any number of workers, on any machines that reach the server. Each claims trials \
            with SELECT … FOR UPDATE SKIP LOCKED, asks the sampler with the shared history, trains, \
            writes the results back and sends heartbeats; a trial whose worker stopped \
            heartbeating for longer than --grace seconds is queued again. The password comes \
            from PGPASSWORD or ~/.pgpass, never from the command line.
            A server that stops answering (restarted, network down) is tried again, with waits \
            from 0.25 s doubling up to 5 s, for the --reconnect time; a running trial pauses \
            meanwhile, and a finished one is written once the server is back. Past that time \
            the worker exits with status 1 and the reason; other workers queue its trial again.
            Example: hyperlab worker --store postgresql://lab@db.example/hyperlab --parallel 2
            """)

    /// The PostgreSQL store.
    @Option(help: ArgumentHelp("The PostgreSQL store.", valueName: "postgresql://USER@HOST/DB"))
    var store: String

    /// Only this study.
    @Option(help: "Run only this study's trials (default: every study with queued trials).")
    var study: String?

    /// Trials run at once.
    @Option(help: "Trials run at once, one core each.")
    var parallel: Int = 1

    /// Seconds without a heartbeat before another worker's trial is queued again.
    @Option(help: "Seconds without a heartbeat before a trial is queued again.")
    var grace: Int = 60

    /// How long to keep trying a server that stopped answering.
    @Option(help: ArgumentHelp("How long to keep trying a server that stopped answering, e.g. 90s, 5m, 1h (0: exit at once).",
                               valueName: "time"))
    var reconnect: ReconnectTime = .standard

    func validate() throws {
        guard store.hasPrefix("postgresql://") || store.hasPrefix("postgres://") else {
            throw ValidationError("--store must be a postgresql:// URL: workers share a PostgreSQL queue")
        }
        if let problem = Shell.storeProblem(store) { throw ValidationError("--store: \(problem.message)\nhint: \(problem.hint)") }
        guard (1...256).contains(parallel) else { throw ValidationError("--parallel takes 1 to 256") }
        guard grace >= 1 else { throw ValidationError("--grace takes a number of seconds ≥ 1") }
    }

    func run() throws {
        let common = try CommonOptions.parse(["--store", store])
        InterruptCounter.install()
        let shell = try Launch.makeShell(common, interactive: false)
        shell.options.interruption = InterruptCounter.interruptionFromNow()
        shell.options.reconnectLimit = reconnect.duration
        let status = shell.runWorker(url: store, studyName: study, parallel: parallel, grace: .seconds(grace))
        if status != 0 { throw ExitCode(status) }
    }
}
