import Foundation

/// The seeded 2-D generators behind `moons`, `circles`, `spirals`, `xor` and `blobs`.
///
/// Every shape is centred near the origin with a radius of about 1; `noise` is the standard
/// deviation of Gaussian jitter added to each coordinate (for blobs, the blobs' spread). Rows
/// are split evenly between the classes (the first `n % classes` classes get one more) and then
/// shuffled. Points come from `SeededGenerator(seed:).derived(shape)`, the row order from a
/// second stream derived from it, so a seed always gives the same dataset. Class names are
/// `"0"`, `"1"`, …; features are `x1`, `x2`.
enum GeneratedDatasets {
    /// Makes the dataset `shape` with `options` (already validated).
    static func make(_ shape: GeneratedShape, options: GeneratedDatasetOptions) -> Dataset {
        let classes = shape == .spirals || shape == .blobs ? options.classes : 2
        var points = SeededGenerator(seed: options.seed).derived(shape.rawValue)
        var order = points.derived("order")
        var xs = [Double](), labels = [Int]()
        xs.reserveCapacity(2 * options.n)
        labels.reserveCapacity(options.n)
        for k in 0..<classes {
            let size = options.n / classes + (k < options.n % classes ? 1 : 0)
            for _ in 0..<size {
                let (x, y) = point(shape, classIndex: k, classes: classes, using: &points)
                xs.append(x + options.noise * points.nextGaussian())
                xs.append(y + options.noise * points.nextGaussian())
                labels.append(k)
            }
        }
        let permutation = IndexPermutation.shuffled(labels.count, using: &order)
        let features = permutation.flatMap { [xs[2 * $0], xs[2 * $0 + 1]] }
        return Dataset(name: shape.rawValue, featureNames: ["x1", "x2"], features: features,
                       target: .classes(labels: permutation.map { labels[$0] }, names: (0..<classes).map(String.init)),
                       source: .builtin(name: shape.rawValue, options: options))
    }

    /// One noiseless point of class `k`.
    private static func point(_ shape: GeneratedShape, classIndex k: Int, classes: Int,
                              using g: inout SeededGenerator) -> (Double, Double) {
        switch shape {
        case .moons:
            // Outer moon: upper half circle; inner moon: lower half circle shifted right; centred.
            let t = Double.pi * g.nextUnit()
            return k == 0 ? (PortableMath.cos(t) - 0.5, PortableMath.sin(t) - 0.25) : (0.5 - PortableMath.cos(t), 0.25 - PortableMath.sin(t))
        case .circles:
            let t = 2 * Double.pi * g.nextUnit()
            let r = k == 0 ? 1.0 : 0.5
            return (r * PortableMath.cos(t), r * PortableMath.sin(t))
        case .spirals:
            // Arm k: radius grows from 0.05 to 1 over 1.25 turns, arms evenly rotated.
            let t = g.nextUnit()
            let r = 0.05 + 0.95 * t
            let angle = 2 * Double.pi * (Double(k) / Double(classes) + 1.25 * t)
            return (r * PortableMath.cos(angle), r * PortableMath.sin(angle))
        case .xor:
            // Uniform in the square's quadrants that belong to the class: same sign (0) or opposite (1).
            let x = g.nextUnit(), y = g.nextUnit()
            let sx: Double = g.nextUnit() < 0.5 ? 1 : -1
            let sy: Double = k == 0 ? sx : -sx
            return (sx * x, sy * y)
        case .blobs:
            let angle = Double.pi / 2 + 2 * Double.pi * Double(k) / Double(classes)
            return (PortableMath.cos(angle), PortableMath.sin(angle))
        }
    }
}
