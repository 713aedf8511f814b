import Foundation

/// The trust region of `GPSampler`'s late-budget polish (TuRBO's rule, Eriksson et al. 2019,
/// on one region around the incumbent).
extension GPSampler {
    /// The first trial number of the polish in a study of `budget` trials (nil when the study
    /// has no budget, as an ask-and-tell study, or the polish is off).
    func polishStart(budget: Int?) -> Int? {
        guard let budget, budget > 0, polishFraction < 1 else { return nil }
        return Int((max(polishFraction, 0) * Double(budget)).rounded(.up))
    }

    /// The side of the trust region (in the unit cube) for the next polish step, replayed from
    /// the finished trials in number order: it starts at `initial`, doubles (up to 0.5) after a
    /// trial numbered `start` or later improves the best loss, and halves (down to 1e-7) after
    /// `failureTolerance` such trials in a row that do not.
    static func trustRegionSide(_ finished: ArraySlice<Trial>, direction: MetricDirection, start: Int,
                                initial: Double, failureTolerance: Int) -> Double {
        var best = Double.infinity, side = initial, failures = 0
        for trial in finished {
            guard trial.state == .complete, let v = trial.value, v.isFinite else { continue }
            let loss = direction.loss(v)
            if trial.number >= start {
                if loss < best {
                    side = min(side * 2, 0.5)
                    failures = 0
                } else {
                    failures += 1
                    if failures >= failureTolerance {
                        side = max(side / 2, 1e-7)
                        failures = 0
                    }
                }
            }
            best = min(best, loss)
        }
        return side
    }
}
