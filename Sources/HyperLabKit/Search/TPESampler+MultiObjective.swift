/// MOTPE: the "below" group of a multi-objective TPE suggestion.
///
/// With two or three objectives (`SamplingContext.objectives`) no order ranks the trials, so the
/// split follows Optuna's MOTPE (Ozaki, Tanigaki, Watanabe & Onishi 2020, "Multiobjective
/// tree-structured Parzen estimator for computationally expensive optimization problems", as
/// Optuna 4 implements it): the complete trials are sorted into non-domination ranks
/// (`ParetoFront`), whole ranks join "below" while γ(n) allows, and the rank that does not fit
/// gives the points that add most hypervolume, chosen greedily (ties to the lower trial number).
/// Each "below" trial on the front of that group is weighted by its hypervolume contribution
/// (relative to the largest, at least 10⁻¹²), the others by 10⁻¹². Pruned, failed and pending
/// trials are "above". Deterministic: no randomness, and every tie broken by trial number.
extension TPESampler {
    /// The losses of a trial's objectives, each turned by its direction; nil when one is
    /// missing or not finite.
    static func objectiveLosses(_ trial: Trial, _ objectives: [StudyObjective]) -> [Double]? {
        guard let values = trial.objectiveValues(objectives), values.allSatisfy(\.isFinite) else { return nil }
        return zip(values, objectives).map { $1.direction.loss($0) }
    }

    /// The "below" group of `complete` (loss vectors, in trial-number order): the indices chosen
    /// and the weight of each, for a group of `count`.
    static func multiObjectiveBelow(_ complete: [[Double]], count: Int) -> [(index: Int, weight: Double)] {
        let count = min(count, complete.count)
        guard count > 0 else { return [] }
        let ranks = ParetoFront.ranks(complete)
        let reference = Hypervolume.referencePoint(complete)
        var chosen: [Int] = []
        var rank = 0
        while chosen.count < count {
            let members = complete.indices.filter { ranks[$0] == rank }
            if chosen.count + members.count <= count {
                chosen += members
            } else {
                chosen += greedyHypervolumeSubset(members, of: complete, size: count - chosen.count, reference: reference)
            }
            rank += 1
        }
        chosen.sort()
        return zip(chosen, belowWeights(chosen.map { complete[$0] })).map { (index: $0, weight: $1) }
    }

    /// `size` of `members` picked one at a time, each adding the most hypervolume to those picked
    /// (the greedy answer to the hypervolume subset selection problem).
    static func greedyHypervolumeSubset(_ members: [Int], of points: [[Double]], size: Int,
                                        reference: [Double]) -> [Int] {
        var picked: [Int] = []
        var left = members
        var volume = 0.0
        while picked.count < size, !left.isEmpty {
            var bestAt = 0
            var bestVolume = -Double.infinity
            for (k, candidate) in left.enumerated() {
                let v = Hypervolume.of((picked + [candidate]).map { points[$0] }, reference: reference)
                if v > bestVolume { (bestAt, bestVolume) = (k, v) }
            }
            if bestVolume <= volume { break }
            volume = bestVolume
            picked.append(left.remove(at: bestAt))
        }
        // Points that add nothing (duplicates) fill up in trial-number order.
        picked += left.prefix(size - picked.count)
        return picked
    }

    /// MOTPE's weights of the "below" losses: each front point's hypervolume contribution over
    /// the largest, clipped to [10⁻¹², 1]; 10⁻¹² off the front; 1 for a single point.
    static func belowWeights(_ losses: [[Double]]) -> [Double] {
        guard losses.count > 1 else { return [Double](repeating: 1, count: losses.count) }
        let reference = Hypervolume.referencePoint(losses)
        let onFront = ParetoFront.ranks(losses).map { $0 == 0 }
        let front = losses.indices.filter { onFront[$0] }
        let contributions = Hypervolume.contributions(front.map { losses[$0] }, reference: reference)
        let largest = contributions.max() ?? 0
        var weights = [Double](repeating: 1e-12, count: losses.count)
        for (i, c) in zip(front, contributions) {
            weights[i] = largest > 0 ? min(max(c / largest, 1e-12), 1) : 1
        }
        return weights
    }

    /// The "below" and "above" rows of a multi-objective suggestion, each in trial-number order,
    /// and the weights of the "below" rows: `complete` holds the complete trials' loss vectors
    /// and rows; every other row of `numbers` is "above".
    static func multiObjectiveGroups(_ complete: [(losses: [Double], row: Int)], numbers: [Int])
        -> (below: [Int], above: [Int], weights: [Double]) {
        let ordered = complete.sorted { numbers[$0.row] < numbers[$1.row] }
        let chosen = multiObjectiveBelow(ordered.map(\.losses), count: max(belowCount(ordered.count), 1))
        var weightOfRow = [Int: Double]()
        for c in chosen { weightOfRow[ordered[c.index].row] = c.weight }
        let inOrder = numbers.indices.sorted { numbers[$0] < numbers[$1] }
        let below = inOrder.filter { weightOfRow[$0] != nil }
        let above = inOrder.filter { weightOfRow[$0] == nil }
        return (below, above, below.map { weightOfRow[$0] ?? 1 })
    }
}
