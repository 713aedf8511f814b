import HyperLabKit
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Counts Ctrl-C presses (SIGINT): the handler only bumps this counter, everything else polls it.
///
/// A global `let`: its lazy initialisation must not run inside the signal handler, so
/// `InterruptCounter.install()` reads it once before installing the handler.
let interruptCount = Atomic<Int>(0)

/// The thread that reads the terminal (`pthread_t` of the main thread), where SIGINT must land.
let lineReadingThread = Atomic<UInt>(0)

/// Ctrl-C handling for the interactive shell (SWIFT-NOTES.md, "Ctrl-C").
///
/// A plain `sigaction` handler without `SA_RESTART`: a blocking `read` in `readline` fails
/// with `EINTR`, so `readline` returns NULL with the counter changed ("line cancelled",
/// not end of input), and long commands see their `Interruption` requested.
///
/// The kernel may hand the signal to any thread (the Swift runtime has its own); only the
/// thread blocked in `read` gets `EINTR`. So a handler running on another thread passes the
/// signal on to the line-reading thread with `pthread_kill` (async-signal-safe) and counts
/// nothing itself: every Ctrl-C is counted once, on the main thread.
enum InterruptCounter {
    /// The number of Ctrl-C presses so far.
    static var value: Int { interruptCount.load(ordering: .acquiring) }

    /// Installs the SIGINT handler (once, before the first prompt).
    static func install() {
        _ = interruptCount.load(ordering: .relaxed)
        lineReadingThread.store(pthread_self(), ordering: .releasing)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            let reader = lineReadingThread.load(ordering: .acquiring)
            if pthread_equal(pthread_self(), reader) == 0 {
                pthread_kill(reader, signal)
                return
            }
            interruptCount.add(1, ordering: .releasing)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// An interruption requested as soon as Ctrl-C is pressed after this call:
    /// captured at the start of each command.
    static func interruptionFromNow() -> Interruption {
        let start = value
        return Interruption { interruptCount.load(ordering: .acquiring) != start }
    }
}
