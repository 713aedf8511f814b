/// A fixed-size, 64-byte-aligned buffer that a model or trainer owns for a whole run.
///
/// Training steps work on raw pointers into buffers created once per run, so a step
/// allocates nothing. Every creation is counted by the `BufferLedger` passed in, which lets
/// tests check that training past set-up creates no buffer.
///
/// Invariant: `count >= 0`; the memory is filled at creation and freed on deinit.
final class RunBuffer<Element: BitwiseCopyable> {
    /// The first element (valid for `count` elements; at least one element is always allocated).
    let pointer: UnsafeMutablePointer<Element>
    /// Number of elements.
    let count: Int

    /// A buffer of `count` copies of `value`, recorded in `ledger`.
    init(count: Int, filledWith value: Element, ledger: BufferLedger) {
        precondition(count >= 0, "negative buffer size")
        self.count = count
        let capacity = max(count, 1)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<Element>.stride, alignment: 64)
        pointer = raw.bindMemory(to: Element.self, capacity: capacity)
        pointer.initialize(repeating: value, count: capacity)
        ledger.record(count * MemoryLayout<Element>.stride)
    }

    deinit { pointer.deallocate() }

    /// Copies every element from `other` (same size).
    func copy(from other: RunBuffer<Element>) {
        precondition(other.count == count, "buffer sizes differ")
        pointer.update(from: other.pointer, count: count)
    }

    /// The elements as an array (allocates; for results, not for steps).
    var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}

/// A run-owned buffer of Float32.
typealias FloatBuffer = RunBuffer<Float>

extension RunBuffer where Element == Float {
    /// A zero-filled Float32 buffer.
    convenience init(count: Int, ledger: BufferLedger) {
        self.init(count: count, filledWith: 0, ledger: ledger)
    }

    /// Sets every element to zero.
    func zero() { pointer.update(repeating: 0, count: count) }
}

/// Counts the buffers (and their bytes) created for one run, so tests can check that a
/// training step creates none.
final class BufferLedger {
    /// Buffers created so far.
    private(set) var buffers = 0
    /// Bytes in those buffers.
    private(set) var bytes = 0

    /// An empty ledger.
    init() {}

    /// Records one buffer of `byteCount` bytes.
    func record(_ byteCount: Int) {
        buffers += 1
        bytes += byteCount
    }
}
