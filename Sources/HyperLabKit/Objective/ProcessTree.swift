import CProcess
import Foundation

/// The processes below a command, found through the parent links in `/proc/*/stat`, so a
/// stopped command's descendants stop too, even those that left its process group with
/// `setsid`; and HyperLab as their child subreaper, so they are reparented to it (and reaped
/// by it) rather than to init when their parent dies.
///
/// ```swift
/// ProcessTree.becomeSubreaper()
/// let below = ProcessTree.member(shell).map(ProcessTree.descendants(of:)) ?? []   // before it is stopped
/// below.forEach { $0.send(SIGKILL) }
/// ProcessTree.reap(below, within: .seconds(1))
/// ```
/// On Linux only; elsewhere (no `/proc`) the tree is empty and the process group is all
/// that is stopped. A member is a pid with its start time, so a pid reused by an unrelated
/// process after the member ended is never signalled.
enum ProcessTree {
    /// One process below a command.
    struct Member: Sendable, Hashable {
        /// Its process id.
        let pid: pid_t
        /// Its start time (clock ticks after boot), which tells it from a later process with the same pid.
        let started: UInt64

        /// Whether it is still this process and running (neither ended nor a zombie).
        var isRunning: Bool {
            guard let entry = ProcessTree.entry(pid) else { return false }
            return entry.started == started && entry.state != "Z" && entry.state != "X"
        }

        /// Sends `signal` if the pid is still this process.
        func send(_ signal: Int32) {
            guard let entry = ProcessTree.entry(pid), entry.started == started else { return }
            _ = kill(pid, signal)
        }
    }

    /// Makes this process a child subreaper, once (Linux; elsewhere nothing happens).
    static func becomeSubreaper() { _ = subreaper }

    private static let subreaper: Bool = {
        #if os(Linux)
        return hyperlab_become_child_subreaper() == 0
        #else
        return false
        #endif
    }()

    /// The process `pid` as a member (with its start time), or nil when there is none.
    static func member(_ pid: pid_t) -> Member? {
        entry(pid).map { Member(pid: pid, started: $0.started) }
    }

    /// Every process below `root` (children, their children, ...), not `root` itself.
    static func descendants(of root: Member) -> Set<Member> { descendants(of: [root]) }

    /// Every process below any of `roots`, not the roots themselves; a root whose pid now
    /// names another process (it ended and the pid was reused) is skipped.
    static func descendants(of members: [Member]) -> Set<Member> {
        let roots = members.filter { entry($0.pid)?.started == $0.started }.map(\.pid)
        guard !roots.isEmpty, let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        var children: [pid_t: [Member]] = [:]
        for name in names where name.first?.isNumber == true {
            guard let pid = pid_t(name), let entry = entry(pid) else { continue }
            children[entry.parent, default: []].append(Member(pid: pid, started: entry.started))
        }
        var found = Set<Member>()
        var queue = roots
        while let next = queue.popLast() {
            for child in children[next] ?? [] where found.insert(child).inserted { queue.append(child.pid) }
        }
        return found
    }

    /// Reaps the members that ended as children of this process (reparented to it as subreaper),
    /// waiting up to `limit` for those still running or not yet reaped; others' children are left alone.
    static func reap(_ members: Set<Member>, within limit: Duration) {
        let deadline = ContinuousClock.now + limit
        var left = members
        while !left.isEmpty {
            for member in left {
                // A pid that ended and was reused is not the member: never wait for it.
                guard entry(member.pid)?.started == member.started else {
                    left.remove(member)
                    continue
                }
                var status: Int32 = 0
                let reaped = waitpid(member.pid, &status, WNOHANG)
                if reaped == member.pid || (reaped < 0 && !member.isRunning) { left.remove(member) }
            }
            guard !left.isEmpty, ContinuousClock.now < deadline else { return }
            usleep(10_000)
        }
    }

    /// The fields of `/proc/PID/stat` this needs: state, parent and start time.
    private static func entry(_ pid: pid_t) -> (state: Character, parent: pid_t, started: UInt64)? {
        guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
              let close = stat.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        // After the command name: " STATE PPID PGRP SESSION ... STARTTIME" (STARTTIME is field 22).
        let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 19, let state = fields[0].first,
              let parent = pid_t(String(decoding: fields[1], as: UTF8.self)),
              let started = UInt64(String(decoding: fields[19], as: UTF8.self)) else { return nil }
        return (Character(UnicodeScalar(state)), parent, started)
    }
}
