import Foundation
import HyperLabKit

/// A Jupyter kernel for HyperLab: one shell, served over the messaging protocol 5.3, for one
/// notebook (`hyperlab kernel --connection-file F`).
///
/// Cells run through the same `Shell` as the interactive session, so commands, outputs, the
/// store, `save session` / `save notebook` and the test-look counter work as there. A cell
/// that fails answers with an `error` (the positioned report) and the kernel goes on.
/// `interrupt_request` on the control channel, or SIGINT, stops the running command as Ctrl-C
/// does: a sweep stops and keeps its finished trials.
///
/// ```swift
/// let server = try KernelServer(connection: try ConnectionFile.read(path)) { console in
///     Shell(console: console, options: ShellOptions())
/// }
/// server.run()   // until shutdown_request
/// ```
public final class KernelServer {
    /// The sockets and what the kernel's threads share.
    let channels: KernelChannels
    /// The shell the cells run in.
    let shell: Shell
    /// The console's link to iopub.
    private let output: KernelOutput
    /// Cells run so far with `store_history` (Jupyter's `In [N]`).
    private(set) var executionCount = 0

    /// Binds the connection's sockets and makes the shell, whose console `makeShell` is given.
    /// Progress displays show wall times only with `timings` (HYPERLAB_TIMINGS=1), so that an
    /// executed notebook's outputs are the same bytes run to run.
    /// - Throws: `KernelError` when a socket cannot be bound.
    public init(connection: ConnectionFile, timings: Bool = false,
                makeShell: (Console) throws(KernelError) -> Shell) throws(KernelError) {
        channels = try KernelChannels(connection, session: UUID().uuidString.lowercased())
        output = KernelOutput(channels: channels)
        shell = try makeShell(output.console(timings: timings))
        shell.options.interruptedPhrase = "stopped because the kernel was interrupted"
        // Nobody can press Enter in a notebook: `pause` and `replay step=yes` run through.
        shell.options.waitForEnter = nil
    }

    /// Serves until a shutdown request; the heartbeat and control channel run on threads of
    /// their own.
    public func run() {
        let channels = self.channels
        Thread.detachNewThread { channels.echoHeartbeats() }
        Thread.detachNewThread { KernelControl(channels: channels).serve() }
        channels.publishStatus("starting", parent: nil)
        while !channels.shuttingDown.load(ordering: .acquiring) {
            guard let request = channels.nextMessage(on: channels.shell, name: "shell") else { continue }
            handle(request)
        }
        // Let the control thread send its shutdown reply before the sockets close.
        Thread.sleep(forTimeInterval: 0.2)
    }

    /// Answers one request from the shell channel, between `busy` and `idle`.
    func handle(_ request: KernelMessage) {
        channels.publishStatus("busy", parent: request)
        defer { channels.publishStatus("idle", parent: request) }
        let content = request.content
        switch request.type {
        case "kernel_info_request":
            channels.reply("kernel_info_reply", KernelControl.kernelInfo, to: request, on: channels.shell)
        case "execute_request":
            execute(request)
        case "complete_request":
            let reply = KernelIntrospection.complete(code: content[string: "code"] ?? "", cursor: content[integer: "cursor_pos"] ?? 0,
                                                     candidates: { shell.completions(linePrefix: $0) })
            channels.reply("complete_reply", reply, to: request, on: channels.shell)
        case "inspect_request":
            let reply = KernelIntrospection.inspect(code: content[string: "code"] ?? "", cursor: content[integer: "cursor_pos"] ?? 0)
            channels.reply("inspect_reply", reply, to: request, on: channels.shell)
        case "is_complete_request":
            channels.reply("is_complete_reply", KernelIntrospection.isComplete(code: content[string: "code"] ?? ""), to: request, on: channels.shell)
        case "history_request":
            channels.reply("history_reply", .object(["status": .string("ok"), "history": .array([])]), to: request, on: channels.shell)
        case "comm_info_request":
            channels.reply("comm_info_reply", .object(["status": .string("ok"), "comms": .object([:])]), to: request, on: channels.shell)
        case "shutdown_request":
            KernelControl(channels: channels).shutDown(request, on: channels.shell)
        default:
            KernelChannels.log("ignored a \(request.type.isEmpty ? "message without a type" : request.type) on the shell channel")
        }
    }

    /// Runs a cell: `execute_input`, its output, then `execute_reply` (and an `error` when a
    /// command failed). A `silent` request publishes none of these and is not counted (protocol
    /// 5.3: silent forces `store_history` off); only its reply and the busy/idle status go out.
    private func execute(_ request: KernelMessage) {
        let code = request.content[string: "code"] ?? ""
        let silent = request.content[boolean: "silent"] ?? false
        if !silent && (request.content[boolean: "store_history"] ?? true) { executionCount += 1 }
        if !silent {
            channels.publish("execute_input", .object(["code": .string(code), "execution_count": .integer(executionCount)]), parent: request)
        }
        output.begin(request, silent: silent)
        let start = channels.interrupts.load(ordering: .acquiring) + KernelSignals.interrupts
        let channels = self.channels
        shell.options.interruption = Interruption {
            channels.interrupts.load(ordering: .acquiring) + KernelSignals.interrupts != start
        }
        let entriesBefore = shell.notebook.entries.count
        let outcome = shell.run(code)
        var errors = output.end()
        if outcome == .quit {
            output.stream("stdout", "the kernel keeps running: use Jupyter's Kernel menu to shut it down\n")
        }
        guard outcome == .failed else {
            output.stream("stderr", errors)
            channels.reply("execute_reply", .object([
                "status": .string("ok"),
                "execution_count": .integer(executionCount),
                "user_expressions": .object([:]),
                "payload": .array([]),
            ]), to: request, on: channels.shell)
            return
        }
        let error = cellError(errors: &errors, newEntries: shell.notebook.entries.dropFirst(entriesBefore),
                              interrupted: shell.options.interruption.isRequested)
        output.stream("stderr", errors)
        if !silent { channels.publish("error", error, parent: request) }
        var reply = error
        if case .object(var members) = reply {
            members["status"] = .string("error")
            members["execution_count"] = .integer(executionCount)
            reply = .object(members)
        }
        channels.reply("execute_reply", reply, to: request, on: channels.shell)
    }

    /// The `error` content of a failed cell: the failed command's positioned report (taken out
    /// of `errors`, the error text not yet sent, so it shows once), else the error text itself.
    /// An interrupted cell is an `Interrupted` error, as Ctrl-C stops a script: what it printed
    /// (a sweep's kept trials) stays above.
    private func cellError(errors: inout String, newEntries: ArraySlice<Notebook.Entry>, interrupted: Bool) -> JupyterJSON {
        var name = "InputError"
        var message: String
        var report: [String]
        if interrupted, !(newEntries.last?.isFailure ?? false) {
            name = "Interrupted"
            message = "interrupted: the running command stopped and kept its work; the rest of the cell did not run"
            report = errors.split(separator: "\n").map(String.init) + [message]
            errors = ""
        } else if case .failure(_, _, let failure)? = newEntries.last {
            message = failure.message
            report = failure.report
            let printed = report.joined(separator: "\n") + "\n"
            if errors.hasSuffix(printed) { errors.removeLast(printed.count) }
        } else {
            report = errors.split(separator: "\n").map(String.init)
            errors = ""
            message = report.last ?? "the cell did not finish"
        }
        if report.isEmpty { report = [message] }
        return .object([
            "ename": .string(name),
            "evalue": .string(message),
            "traceback": .array(report.map { .string($0) }),
        ])
    }
}
