/// A request from outside to stop long work early (Ctrl-C in the shell).
///
/// Long loops (training epochs, mini-batches, sweep trials) poll `isRequested`
/// and stop at the next safe point, keeping what they have finished.
///
/// ```swift
/// let stop = Interruption { counter.load(ordering: .relaxed) != start }
/// while !stop.isRequested { ... }
/// ```
public struct Interruption: Sendable {
    private let probe: @Sendable () -> Bool

    /// Creates an interruption that asks `probe` whether a stop was requested.
    public init(_ probe: @escaping @Sendable () -> Bool) {
        self.probe = probe
    }

    /// Whether a stop has been requested.
    public var isRequested: Bool { probe() }

    /// An interruption that is never requested.
    public static let never = Interruption { false }
}
