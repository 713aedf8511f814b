import HyperLabKit

/// The large workload's data: a deterministic Gaussian-mixture classification problem.
///
/// Each class owns `clustersPerClass` cluster centres drawn from N(0, spread²) in every
/// feature; a row picks a uniform class, then a uniform cluster of it, and adds N(0, 1) noise
/// to each feature. With several clusters per class the classes are not linearly separable,
/// so the hidden layers have something to learn. Everything comes from `SeededGenerator(seed:)`:
/// the same seed gives the same bytes on every machine.
enum SyntheticClasses {
    /// `rows` rows of `columns` features in `classes` classes.
    static func make(rows: Int, columns: Int, classes: Int, clustersPerClass: Int = 4,
                     spread: Double = 0.3, seed: Int) -> Partition {
        let root = SeededGenerator(seed: seed)
        var centreStream = root.derived("centres")
        let centres = (0..<(classes * clustersPerClass * columns)).map { _ in spread * centreStream.nextGaussian() }
        var rowStream = root.derived("rows")
        var features = [Float](repeating: 0, count: rows * columns)
        var labels = [Int32](repeating: 0, count: rows)
        for r in 0..<rows {
            let label = below(classes, &rowStream)
            let cluster = label * clustersPerClass + below(clustersPerClass, &rowStream)
            labels[r] = Int32(label)
            for c in 0..<columns {
                features[r * columns + c] = Float(centres[cluster * columns + c] + rowStream.nextGaussian())
            }
        }
        return Partition(features: Matrix(rows: rows, columns: columns, storage: features),
                         targets: .classes(labels, classCount: classes))
    }

    /// A uniform integer in `0..<bound` by Lemire's multiply-shift (bias below 2⁻⁶⁰ for small bounds).
    static func below(_ bound: Int, _ generator: inout SeededGenerator) -> Int {
        Int(UInt64(bound).multipliedFullWidth(by: generator.next()).high)
    }
}
