import Foundation
import Synchronization

/// Reads a child's standard output and standard error on one thread with `poll`, so neither
/// pipe can fill up and block the child, and hands over whole lines in arrival order.
///
/// The pump owns the two read ends and closes them when it ends: at end of file on both, or
/// soon after `abandon()` (when a process outside the command's group still holds a pipe).
final class OutputPump: @unchecked Sendable {
    /// Which pipe a line came from.
    enum Stream: Sendable { case standardOutput, standardError }

    /// A line longer than this is handed over in pieces of this many bytes.
    static let maximumLineBytes = 1 << 20

    private let handles: [FileHandle]
    private let onLine: @Sendable (Stream, String) -> Void
    private let onEnd: @Sendable () -> Void
    private let abandoned = Atomic<Bool>(false)

    /// A pump over the read ends of the output and error pipes; `onLine` and `onEnd` are
    /// called on the pump's thread.
    init(output: FileHandle, error: FileHandle, onLine: @escaping @Sendable (Stream, String) -> Void,
         onEnd: @escaping @Sendable () -> Void) {
        handles = [output, error]
        self.onLine = onLine
        self.onEnd = onEnd
    }

    /// Starts the pump's thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "hyperlab-output-pump"
        thread.start()
    }

    /// Asks the pump to stop reading within about 0.1 s; the rest of a partial line is kept.
    func abandon() { abandoned.store(true, ordering: .relaxed) }

    private func run() {
        var open = [true, true]
        var pending: [[UInt8]] = [[], []]
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        let streams: [Stream] = [.standardOutput, .standardError]
        while open.contains(true) && !abandoned.load(ordering: .relaxed) {
            var fds = (0..<2).map { pollfd(fd: open[$0] ? handles[$0].fileDescriptor : -1, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), 100)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            for k in 0..<2 where open[k] && fds[k].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(handles[k].fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                guard count > 0 else {
                    open[k] = false
                    continue
                }
                pending[k].append(contentsOf: buffer[0..<count])
                emitLines(&pending[k], stream: streams[k])
            }
        }
        for k in 0..<2 where !pending[k].isEmpty { emit(pending[k][...], stream: streams[k]) }
        for handle in handles { try? handle.close() }
        onEnd()
    }

    /// Hands over every complete line in `bytes` (and over-long pieces), keeping the rest.
    private func emitLines(_ bytes: inout [UInt8], stream: Stream) {
        var start = 0
        while let newline = bytes[start...].firstIndex(of: 10) {
            emit(bytes[start..<newline], stream: stream)
            start = newline + 1
        }
        while bytes.count - start >= OutputPump.maximumLineBytes {
            emit(bytes[start..<(start + OutputPump.maximumLineBytes)], stream: stream)
            start += OutputPump.maximumLineBytes
        }
        bytes.removeFirst(start)
    }

    private func emit(_ line: ArraySlice<UInt8>, stream: Stream) {
        var text = String(decoding: line, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        onLine(stream, text)
    }
}
