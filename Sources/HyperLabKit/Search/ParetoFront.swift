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
/// - Complexity: O(m·n²) for n points of m objectives.
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
    public static func ranks(_ losses: [[Double]]) -> [Int] {
        let points = losses.map { $0.map { $0.isNaN ? Double.infinity : $0 } }
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
