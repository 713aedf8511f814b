/// Grows one regression tree by recursive binary splitting (CART, squared error).
///
/// At each node it considers the parameters in a random order (at least
/// `featuresPerSplit` of them, further ones only while none could split the node) and picks
/// the split with the largest reduction of the squared error:
/// - continuous: the threshold halfway between two consecutive distinct values;
/// - categorical: the best subset of categories, found exactly by ordering the categories
///   present at the node by their mean metric and cutting that order once (Breiman et al.
///   1984, Fisher 1958: optimal for squared error). Categories absent at the node join the
///   side with more samples.
/// A node becomes a leaf when its metric is constant, when it reached `maxDepth`, when it
/// holds fewer than `minSamplesSplit` samples, or when no split leaves `minSamplesLeaf`
/// samples on both sides. Splits that do not reduce the error are allowed (as in
/// scikit-learn), so an interaction such as XOR can still be learnt.
struct TreeGrower {
    private let data: SurrogateData
    private let options: ForestOptions
    private var rng: SeededGenerator
    /// The metric minus its overall mean (better-conditioned sums).
    private let centered: [Double]

    private var nodes: [RegressionTree.Node] = []
    private var sets: [CategorySet] = []
    /// The sample (trial indices, bootstrap copies repeated); each node owns a segment.
    private var samples: [Int]
    private var spill: [Int]
    private var pairs: [(x: Double, y: Double)] = []
    private var featureOrder: [Int]
    private var categoryCount: [Int] = []
    private var categorySum: [Double] = []
    private var categoryOrder: [Int] = []

    /// A candidate split and its score (sum over both sides of sum² / count; larger is better).
    private struct Split {
        var feature: Int
        var threshold: Double
        var categories: CategorySet?
        var score: Double
    }

    /// A grower for one tree; `rng` draws the bootstrap sample and the feature orders.
    init(data: SurrogateData, options: ForestOptions, rng: SeededGenerator) {
        self.data = data
        self.options = options
        self.rng = rng
        let mean = data.values.reduce(0, +) / Double(data.count)
        centered = data.values.map { $0 - mean }
        samples = Array(0..<data.count)
        spill = samples
        featureOrder = Array(data.kinds.indices)
        let maxCategories = data.kinds.compactMap(\.categoryCount).max() ?? 0
        categoryCount = [Int](repeating: 0, count: maxCategories)
        categorySum = [Double](repeating: 0, count: maxCategories)
        pairs.reserveCapacity(data.count)
    }

    /// Grows the tree.
    mutating func grow() -> RegressionTree {
        let n = data.count
        if options.bootstrap {
            for i in 0..<n { samples[i] = Int.random(in: 0..<n, using: &rng) }
        }
        nodes = [.leaf(0)]
        var stack: [(node: Int, start: Int, end: Int, depth: Int)] = [(0, 0, n, 0)]
        while let (node, start, end, depth) = stack.popLast() {
            // The node's mean as first value + mean deviation from it (exact when the metric
            // is constant in the node); the centered sum for scoring splits.
            let base = data.values[samples[start]]
            var sum = 0.0, deviation = 0.0
            for p in start..<end {
                sum += centered[samples[p]]
                deviation += data.values[samples[p]] - base
            }
            nodes[node].value = base + deviation / Double(end - start)
            guard let split = bestSplit(start, end, depth: depth, total: sum) else { continue }
            let middle = partition(start, end, split)
            let left = nodes.count
            nodes.append(.leaf(0))
            nodes.append(.leaf(0))
            nodes[node].feature = split.feature
            nodes[node].threshold = split.threshold
            nodes[node].left = left
            nodes[node].right = left + 1
            if let categories = split.categories {
                nodes[node].categories = sets.count
                sets.append(categories)
            }
            stack.append((left + 1, middle, end, depth + 1))
            stack.append((left, start, middle, depth + 1))
        }
        return RegressionTree(nodes: nodes, categorySets: sets, kinds: data.kinds)
    }

    /// The best split of the samples in `start..<end`, or nil when the node stays a leaf.
    private mutating func bestSplit(_ start: Int, _ end: Int, depth: Int, total: Double) -> Split? {
        let count = end - start
        guard depth < options.maxDepth, count >= options.minSamplesSplit,
              count >= 2 * options.minSamplesLeaf else { return nil }
        let first = centered[samples[start]]
        var constant = true
        for p in start..<end where centered[samples[p]] != first { constant = false; break }
        if constant { return nil }

        featureOrder.shuffle(using: &rng)
        let wanted = options.featuresPerSplit ?? featureOrder.count
        var best: Split?
        for (visited, j) in featureOrder.enumerated() {
            if visited >= wanted && best != nil { break }
            switch data.kinds[j] {
            case .continuous: scanContinuous(j, start, end, total: total, best: &best)
            case .categorical(let k): scanCategorical(j, k, start, end, total: total, best: &best)
            }
        }
        return best
    }

    /// Tries every threshold of continuous parameter `j`.
    private mutating func scanContinuous(_ j: Int, _ start: Int, _ end: Int, total: Double, best: inout Split?) {
        pairs.removeAll(keepingCapacity: true)
        for p in start..<end {
            let i = samples[p]
            pairs.append((data.coordinate(i, j), centered[i]))
        }
        pairs.sort { $0.x < $1.x }
        let count = end - start, minLeaf = options.minSamplesLeaf
        guard pairs[0].x < pairs[count - 1].x else { return }
        var sumLeft = 0.0
        for m in 0..<(count - 1) {
            sumLeft += pairs[m].y
            let nLeft = m + 1, nRight = count - nLeft
            guard pairs[m].x < pairs[m + 1].x, nLeft >= minLeaf, nRight >= minLeaf else { continue }
            let sumRight = total - sumLeft
            let score = sumLeft * sumLeft / Double(nLeft) + sumRight * sumRight / Double(nRight)
            if score > (best?.score ?? -.infinity) {
                let a = pairs[m].x, b = pairs[m + 1].x
                var threshold = a + (b - a) / 2
                if !(threshold < b) { threshold = a }
                best = Split(feature: j, threshold: threshold, categories: nil, score: score)
            }
        }
    }

    /// Tries every cut of the categories of parameter `j` ordered by their mean metric.
    private mutating func scanCategorical(_ j: Int, _ k: Int, _ start: Int, _ end: Int, total: Double,
                                          best: inout Split?) {
        for c in 0..<k { categoryCount[c] = 0; categorySum[c] = 0 }
        for p in start..<end {
            let i = samples[p]
            let c = Int(data.coordinate(i, j))
            categoryCount[c] += 1
            categorySum[c] += centered[i]
        }
        categoryOrder.removeAll(keepingCapacity: true)
        for c in 0..<k where categoryCount[c] > 0 { categoryOrder.append(c) }
        guard categoryOrder.count >= 2 else { return }
        let counts = categoryCount, sums = categorySum
        categoryOrder.sort { a, b in
            let ma = sums[a] / Double(counts[a]), mb = sums[b] / Double(counts[b])
            return ma < mb || (ma == mb && a < b)
        }
        let count = end - start, minLeaf = options.minSamplesLeaf
        var sumLeft = 0.0, nLeft = 0
        for m in 0..<(categoryOrder.count - 1) {
            let c = categoryOrder[m]
            sumLeft += sums[c]
            nLeft += counts[c]
            let nRight = count - nLeft
            guard nLeft >= minLeaf, nRight >= minLeaf else { continue }
            let sumRight = total - sumLeft
            let score = sumLeft * sumLeft / Double(nLeft) + sumRight * sumRight / Double(nRight)
            if score > (best?.score ?? -.infinity) {
                var left = CategorySet(capacity: k)
                for c in categoryOrder[...m] { left.insert(c) }
                if nLeft >= nRight {
                    for c in 0..<k where counts[c] == 0 { left.insert(c) }
                }
                best = Split(feature: j, threshold: 0, categories: left, score: score)
            }
        }
    }

    /// Moves the samples of `start..<end` that go left to the front (keeping their order);
    /// returns where the right child's segment starts.
    private mutating func partition(_ start: Int, _ end: Int, _ split: Split) -> Int {
        var write = start, spilled = 0
        for p in start..<end {
            let i = samples[p]
            let x = data.coordinate(i, split.feature)
            let left = split.categories.map { $0.contains(Int(x)) } ?? (x <= split.threshold)
            if left {
                samples[write] = i
                write += 1
            } else {
                spill[spilled] = i
                spilled += 1
            }
        }
        for r in 0..<spilled { samples[write + r] = spill[r] }
        return write
    }
}
