import Foundation

/// The process group a command's shell leads (Foundation's `Process` starts each child in a
/// group of its own); signals go to the whole group so the shell's children stop too.
struct ProcessGroup: Sendable {
    /// The target of `kill`: the group (−pgid), or the process alone if it leads no group.
    private let target: pid_t

    /// The group led by `leader`; the process alone if it runs but leads no group (so
    /// HyperLab never signals a group it belongs to itself).
    init(leader: pid_t) {
        let group = getpgid(leader)
        target = group == leader || group < 0 ? -leader : leader
    }

    /// Sends `signal` to the group.
    func send(_ signal: Int32) { _ = kill(target, signal) }

    /// Whether a process of the group is still running. Exited but unreaped processes do
    /// not count (where /proc shows them: orphans wait there for an init that may never
    /// reap them); without /proc, any process of the group counts.
    var hasLiveMembers: Bool {
        guard kill(target, 0) == 0 else { return false }
        guard target < 0, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return true }
        for entry in entries where entry.first?.isNumber == true {
            guard let stat = FileManager.default.contents(atPath: "/proc/\(entry)/stat"),
                  let close = stat.lastIndex(of: UInt8(ascii: ")")) else { continue }
            // After the command name: " STATE PPID PGRP ...".
            let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " "), maxSplits: 4)
            guard fields.count >= 3, let state = fields[0].first,
                  let group = pid_t(String(decoding: fields[2], as: UTF8.self)) else { continue }
            if group == -target && state != UInt8(ascii: "Z") && state != UInt8(ascii: "X") { return true }
        }
        return false
    }

    /// How child `pid` ended, if it has ended and is not yet reaped; it is left unreaped
    /// (`WNOWAIT`) for Foundation's `Process`, which only reaps once every process holding
    /// its status channel has exited, so a background child of the shell would delay it.
    static func termination(of pid: pid_t) -> ExternalCommandResult.Termination? {
        var info = siginfo_t()
        guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0,
              info._sifields._sigchld.si_pid == pid else { return nil }
        let status = info._sifields._sigchld.si_status
        return info.si_code == Int32(CLD_EXITED) ? .exited(status) : .signaled(status)
    }
}
