/// One of a sweep's top trials for `recheck`: its dev score when it was selected and its scores
/// when trained again with fresh seeds.
public struct RecheckTrial: Sendable, Equatable {
    /// The trial's number, as the results table shows it.
    public let number: Int
    /// The dev score that ranked the trial among the best.
    public let selectionScore: Double
    /// The dev scores of the retrained copies (fresh seeds, or a fresh re-split); NaN or infinite
    /// entries are diverged runs and count as failed.
    public let recheckScores: [Double]

    /// A trial numbered `number`, selected with `selectionScore` and rechecked with `recheckScores`.
    public init(number: Int, selectionScore: Double, recheckScores: [Double]) {
        self.number = number
        self.selectionScore = selectionScore
        self.recheckScores = recheckScores
    }
}
