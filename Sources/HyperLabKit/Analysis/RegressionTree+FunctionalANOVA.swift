extension RegressionTree {
    /// The exact functional ANOVA main effects of this tree over the box.
    ///
    /// The leaves partition the box into boxes, so the prediction is a step function and
    /// every integral is a finite sum. For parameter j the split points of j in this tree
    /// (and the ends 0 and 1, or each category) cut its range into cells; each leaf adds
    /// `value × (its volume in the other parameters)` to the cells it covers, which gives
    /// the marginal on every cell; its variance is weighted by the cells' widths.
    ///
    /// - Complexity: O(leaves × parameters² + leaves × categories) per tree.
    public func varianceDecomposition() -> TreeVarianceDecomposition {
        let d = kinds.count
        let leaves = leafBoxes()
        let leafCount = leaves.values.count

        // Width of each leaf along each parameter, its volume, the mean and the variance.
        var widths = [Double](repeating: 0, count: leafCount * d)
        for l in 0..<leafCount {
            for j in 0..<d {
                switch kinds[j] {
                case .continuous:
                    widths[l * d + j] = leaves.high[l * d + j] - leaves.low[l * d + j]
                case .categorical(let k):
                    widths[l * d + j] = Double(leaves.sets[l * d + j].count) / Double(k)
                }
            }
        }
        var mean = 0.0
        var volumes = [Double](repeating: 1, count: leafCount)
        for l in 0..<leafCount {
            for j in 0..<d { volumes[l] *= widths[l * d + j] }
            mean += volumes[l] * leaves.values[l]
        }
        var total = 0.0
        for l in 0..<leafCount {
            let e = leaves.values[l] - mean
            total += volumes[l] * e * e
        }

        var effects = [Double](repeating: 0, count: d)
        var mass = [Double](repeating: 0, count: leafCount)
        for j in 0..<d {
            // mass[l] = value × volume in the parameters other than j.
            for l in 0..<leafCount {
                var other = 1.0
                for i in 0..<d where i != j { other *= widths[l * d + i] }
                mass[l] = leaves.values[l] * other
            }
            switch kinds[j] {
            case .continuous:
                effects[j] = continuousEffect(j, leaves: leaves, mass: mass, mean: mean)
            case .categorical(let k):
                var marginal = [Double](repeating: 0, count: k)
                for l in 0..<leafCount {
                    for c in 0..<k where leaves.sets[l * d + j].contains(c) { marginal[c] += mass[l] }
                }
                effects[j] = marginal.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(k)
            }
        }
        return TreeVarianceDecomposition(mean: mean, totalVariance: total, mainEffectVariances: effects)
    }

    /// The variance of the marginal in continuous parameter `j`.
    private func continuousEffect(_ j: Int, leaves: LeafBoxes, mass: [Double], mean: Double) -> Double {
        let d = kinds.count
        var cuts: [Double] = [0, 1]
        for node in nodes where node.feature == j { cuts.append(node.threshold) }
        cuts.sort()
        var unique: [Double] = []
        for c in cuts where unique.last != c { unique.append(c) }
        // Difference array over the cells between consecutive cuts.
        var delta = [Double](repeating: 0, count: unique.count)
        for l in 0..<mass.count {
            let a = Self.position(of: leaves.low[l * d + j], in: unique)
            let b = Self.position(of: leaves.high[l * d + j], in: unique)
            delta[a] += mass[l]
            delta[b] -= mass[l]
        }
        var running = 0.0, variance = 0.0
        for c in 0..<(unique.count - 1) {
            running += delta[c]
            let e = running - mean
            variance += (unique[c + 1] - unique[c]) * e * e
        }
        return variance
    }

    /// The index of `x` in the sorted `cuts` (which contain it exactly).
    private static func position(of x: Double, in cuts: [Double]) -> Int {
        var low = 0, high = cuts.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cuts[mid] < x { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Each leaf's value and box, flattened: entry `l * d + j` is leaf l, parameter j.
    struct LeafBoxes {
        var values: [Double] = []
        /// The interval of a continuous parameter (unused entries for categorical ones).
        var low: [Double] = [], high: [Double] = []
        /// The categories of a categorical parameter (empty sets for continuous ones).
        var sets: [CategorySet] = []
    }

    /// Walks the tree from the root, narrowing the box at each split.
    func leafBoxes() -> LeafBoxes {
        let d = kinds.count
        var result = LeafBoxes()
        let empty = CategorySet(capacity: 0)
        let rootSets = kinds.map { kind in kind.categoryCount.map { CategorySet(capacity: $0, full: true) } ?? empty }
        var stack: [(node: Int, low: [Double], high: [Double], sets: [CategorySet])] =
            [(0, [Double](repeating: 0, count: d), [Double](repeating: 1, count: d), rootSets)]
        while let (n, low, high, sets) = stack.popLast() {
            let node = nodes[n]
            let j = node.feature
            if j < 0 {
                result.values.append(node.value)
                result.low += low
                result.high += high
                result.sets += sets
                continue
            }
            if node.categories >= 0 {
                var leftSets = sets, rightSets = sets
                leftSets[j] = sets[j].intersection(categorySets[node.categories])
                rightSets[j] = sets[j].subtracting(categorySets[node.categories])
                stack.append((node.right, low, high, rightSets))
                stack.append((node.left, low, high, leftSets))
            } else {
                var leftHigh = high, rightLow = low
                leftHigh[j] = node.threshold
                rightLow[j] = node.threshold
                stack.append((node.right, rightLow, high, sets))
                stack.append((node.left, low, leftHigh, sets))
            }
        }
        return result
    }
}
