import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT presses the kernel received (a front end with `interrupt_mode: signal` sends one).
/// A global: the signal handler may read nothing else.
let kernelSignalCount = Atomic<Int>(0)

/// Signals for the kernel process: SIGINT interrupts the running cell, as Ctrl-C does in the
/// shell; SIGTERM ends the process, as Jupyter expects when it stops a kernel.
public enum KernelSignals {
    /// The SIGINTs received so far.
    static var interrupts: Int { kernelSignalCount.load(ordering: .acquiring) }

    /// Installs the SIGINT handler and unblocks SIGINT and SIGTERM (with SIGTERM's default
    /// action), whatever the process inherited; call before starting threads.
    public static func install() {
        _ = kernelSignalCount.load(ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in kernelSignalCount.add(1, ordering: .releasing) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
        signal(SIGTERM, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
