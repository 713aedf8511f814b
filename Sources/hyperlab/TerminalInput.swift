@preconcurrency import CEditLine
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The interrupt count when the current `readline` began: a Ctrl-C after that cancels the line.
let lineBaseline = Atomic<Int>(0)

/// Reads keys for libedit (`rl_getc_function`) without losing a Ctrl-C.
///
/// A SIGINT that lands just before libedit blocks in `read` would not interrupt it: the line
/// would stay open with the Ctrl-C already counted. Here SIGINT is blocked while the counter is
/// checked, and `pselect` unblocks it atomically while waiting, so every Ctrl-C either is seen by
/// the check or interrupts the wait (`pselect` through the CEditLine shim). Input is decoded from UTF-8 into one Unicode scalar per
/// call (libedit's readline emulation takes the returned number as the character).
enum TerminalInput {
    /// Marks the start of a line: Ctrl-C from now on cancels it.
    static func beginLine() {
        lineBaseline.store(InterruptCounter.value, ordering: .releasing)
    }

    /// The next character typed, or -1 at end of input or when Ctrl-C cancelled the line.
    static func nextCharacter() -> Int32 {
        guard let first = nextByte() else { return -1 }
        let length: Int
        switch first {
        case 0..<0x80: return Int32(first)
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF8: length = 4
        default: return 0xFFFD
        }
        var bytes = [first]
        for _ in 1..<length {
            guard let next = nextByte() else { return -1 }
            guard next & 0xC0 == 0x80 else { return 0xFFFD }
            bytes.append(next)
        }
        guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return 0xFFFD }
        return Int32(bitPattern: scalar.value)
    }

    /// One byte from standard input; nil at end of input, on an error, or after a Ctrl-C.
    private static func nextByte() -> UInt8? {
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &interrupt, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        var waiting = previous
        sigdelset(&waiting, SIGINT)
        while true {
            if InterruptCounter.value != lineBaseline.load(ordering: .acquiring) { return nil }
            if hyperlab_wait_readable(0, &waiting) < 0 {
                if errno == EINTR { continue }
                return nil
            }
            var byte: UInt8 = 0
            let count = read(0, &byte, 1)
            if count == 1 { return byte }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            return nil
        }
    }
}
