/// The hypervolume indicator: the volume a set of loss vectors dominates, up to a reference point.
///
/// ```swift
/// // two points of a 2-D front, reference (4, 4): a 3×1 box and a 2×3 box overlapping in 2×1
/// Hypervolume.of([[1, 3], [2, 1]], reference: [4, 4])   // 7
/// ```
///
/// Lower is better on every coordinate; a point counts only where it is below the reference on
/// every coordinate. Computed by slicing along the last coordinate (Hypervolume by Slicing
/// Objectives, While et al. 2006) down to an exact sweep in two dimensions, which is ample for the
/// two or three objectives of a study and the few dozen points of MOTPE's "below" group.
///
/// - Complexity: O(n log n) in 2-D, O(n² log n) in 3-D.
public enum Hypervolume {
    /// The volume dominated by `points` and bounded by `reference` (0 for no point inside).
    public static func of(_ points: [[Double]], reference: [Double]) -> Double {
        let inside = points.filter { p in p.count == reference.count && zip(p, reference).allSatisfy { $0 < $1 } }
        return volume(inside, reference: reference)
    }

    /// How much each point adds: the hypervolume of all points less that of the others.
    public static func contributions(_ points: [[Double]], reference: [Double]) -> [Double] {
        let total = of(points, reference: reference)
        return points.indices.map { i in
            var others = points
            others.remove(at: i)
            return max(total - of(others, reference: reference), 0)
        }
    }

    /// Optuna's reference point for `losses`: each coordinate's worst value, moved 10 % further
    /// out (a worst of 0 becomes 10⁻¹²), so the extreme points still add volume.
    public static func referencePoint(_ losses: [[Double]]) -> [Double] {
        guard let first = losses.first else { return [] }
        var worst = first
        for point in losses.dropFirst() {
            for k in worst.indices where k < point.count { worst[k] = max(worst[k], point[k]) }
        }
        return worst.map { w in
            let v = w == 0 ? 1e-12 : w
            return max(1.1 * v, 0.9 * v)
        }
    }

    /// The volume of points all strictly inside the reference.
    private static func volume(_ points: [[Double]], reference: [Double]) -> Double {
        guard !points.isEmpty else { return 0 }
        let d = reference.count
        if d == 1 { return reference[0] - (points.map { $0[0] }.min() ?? reference[0]) }
        if d == 2 {
            let sorted = points.sorted { $0[0] != $1[0] ? $0[0] < $1[0] : $0[1] < $1[1] }
            var total = 0.0
            var lowestY = reference[1]
            for p in sorted where p[1] < lowestY {
                total += (reference[0] - p[0]) * (lowestY - p[1])
                lowestY = p[1]
            }
            return total
        }
        // Slices along the last coordinate: between consecutive values, the points below form a
        // (d−1)-dimensional set.
        let sorted = points.sorted { $0[d - 1] < $1[d - 1] }
        let lower = Array(reference.prefix(d - 1))
        var total = 0.0
        for i in sorted.indices {
            let top = i + 1 < sorted.count ? sorted[i + 1][d - 1] : reference[d - 1]
            let depth = top - sorted[i][d - 1]
            guard depth > 0 else { continue }
            total += depth * volume(sorted[...i].map { Array($0.prefix(d - 1)) }, reference: lower)
        }
        return total
    }
}
