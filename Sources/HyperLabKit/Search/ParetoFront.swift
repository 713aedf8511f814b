/// Non-dominated sorting: which points no other point beats on every objective at once.
///
/// ```swift
/// // losses (lower is better): (1, 4) and (2, 2) are on the front, (3, 3) is dominated by (2, 2)
/// ParetoFront.ranks([[1, 4], [2, 2], [3, 3]])                    // [0, 0, 1]
/// ParetoFront.ranks([[0.9, 500], [0.8, 900]], directions: [.maximize, .minimize])   // [0, 1]
/// ```
///
/// A point dominates another when it is at least as good on every objective and better on one;
/// equal points do not dominate each other, so ties share a rank. Rank 0 is the Pareto front,
/// rank 1 the front once rank 0 is removed, and so on (Deb, Pratap, Agarwal & Meyarivan 2002,
/// "A fast and elitist multiobjective genetic algorithm: NSGA-II", fast non-dominated sort).
/// NaN is worse than any number.
///
/// - Complexity: O(n log n) for one or two objectives, O(m·n²) for n points of m ≥ 3.
public enum ParetoFront {
    /// Whether loss vector `a` dominates `b` (lower is better): no coordinate worse, one better.
    public static func dominates(_ a: [Double], _ b: [Double]) -> Bool {
        var better = false
        for (x, y) in zip(a, b) {
            if x > y { return false }
            if x < y { better = true }
        }
        return better
    }

    /// The rank of each loss vector (lower is better on every coordinate; NaN counts as +∞).
    /// One or two objectives take a sort (`sortedRanks`), more the pairwise comparisons
    /// (`pairwiseRanks`); both give the same ranks.
    public static func ranks(_ losses: [[Double]]) -> [Int] {
        let points = losses.map { $0.map { $0.isNaN ? Double.infinity : $0 } }
        if let width = points.first?.count, width <= 2, points.allSatisfy({ $0.count == width }) {
            return sortedRanks(points.map { width == 2 ? ($0[0], $0[1]) : ($0.first ?? 0, 0) })
        }
        return pairwiseRanks(points)
    }

    /// The ranks of points of two coordinates (a point of one has 0 as its second), by one sort.
    ///
    /// In the order of (x, y), every point that dominates `p` comes before it. Within a front,
    /// the point of least y decides: it lies left of or at `p`, so it dominates `p` unless its y
    /// is larger, or it equals `p` (two points of one front with that y have the same x, or one
    /// would dominate the other). Whether front r dominates `p` falls from true to false as r
    /// grows (a dominator in front r is itself dominated from front r − 1), so `p`'s front is
    /// found by bisection.
    /// - Complexity: O(n log n).
    static func sortedRanks(_ points: [(x: Double, y: Double)]) -> [Int] {
        let order = points.indices.sorted { (points[$0].x, points[$0].y, $0) < (points[$1].x, points[$1].y, $1) }
        var lowest: [(y: Double, x: Double)] = []   // per front: its least y, and that point's x
        var ranks = [Int](repeating: 0, count: points.count)
        for i in order {
            let p = points[i]
            func dominates(_ front: Int) -> Bool {
                let q = lowest[front]
                return q.y < p.y || (q.y == p.y && q.x < p.x)
            }
            var low = 0, high = lowest.count   // the first front that does not dominate p
            while low < high {
                let middle = (low + high) / 2
                if dominates(middle) { low = middle + 1 } else { high = middle }
            }
            ranks[i] = low
            if low == lowest.count {
                lowest.append((p.y, p.x))
            } else if p.y < lowest[low].y {
                lowest[low] = (p.y, p.x)
            }
        }
        return ranks
    }

    /// The ranks by comparing every pair (Deb et al.'s fast non-dominated sort), for any number
    /// of coordinates.
    /// - Complexity: O(m·n²).
    static func pairwiseRanks(_ points: [[Double]]) -> [Int] {
        let n = points.count
        var dominatedBy = [Int](repeating: 0, count: n)   // how many points dominate i
        var dominates = [[Int]](repeating: [], count: n)  // the points i dominates
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                if Self.dominates(points[i], points[j]) {
                    dominates[i].append(j)
                    dominatedBy[j] += 1
                } else if Self.dominates(points[j], points[i]) {
                    dominates[j].append(i)
                    dominatedBy[i] += 1
                }
            }
        }
        var ranks = [Int](repeating: 0, count: n)
        var current = (0..<n).filter { dominatedBy[$0] == 0 }
        var rank = 0
        while !current.isEmpty {
            var next: [Int] = []
            for i in current {
                ranks[i] = rank
                for j in dominates[i] {
                    dominatedBy[j] -= 1
                    if dominatedBy[j] == 0 { next.append(j) }
                }
            }
            current = next.sorted()
            rank += 1
        }
        return ranks
    }

    /// The rank of each point whose coordinate k is maximized or minimized as `directions[k]` says.
    public static func ranks(_ values: [[Double]], directions: [MetricDirection]) -> [Int] {
        ranks(losses(values, directions: directions))
    }

    /// Whether each point is on the Pareto front (rank 0).
    public static func isOnFront(_ values: [[Double]], directions: [MetricDirection]) -> [Bool] {
        ranks(values, directions: directions).map { $0 == 0 }
    }

    /// `values` as losses: each coordinate k turned by `directions[k].loss` (negated when maximized).
    public static func losses(_ values: [[Double]], directions: [MetricDirection]) -> [[Double]] {
        values.map { point in point.indices.map { k in k < directions.count ? directions[k].loss(point[k]) : point[k] } }
    }
}
