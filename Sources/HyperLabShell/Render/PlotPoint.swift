/// A point of a plot, in data units.
public struct PlotPoint: Sendable, Equatable {
    /// Horizontal position (epoch, trial number, parameter value).
    public var x: Double
    /// Vertical position (loss, metric).
    public var y: Double

    /// A point at (x, y).
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Points at x = 1, 2, 3, … with the given y values (one per epoch or per trial).
    public static func numbered(_ values: [Double], from first: Int = 1) -> [PlotPoint] {
        values.enumerated().map { PlotPoint(x: Double(first + $0.offset), y: $0.element) }
    }
}
