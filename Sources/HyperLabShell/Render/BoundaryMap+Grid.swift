extension BoundaryMap {
    /// The cells of a decision-region map and the (x, y) coordinates each stands for.
    ///
    /// The caller asks for a grid, predicts a class at every `points` coordinate, and hands the
    /// predictions back to `BoundaryMap`:
    /// ```swift
    /// let grid = BoundaryMap.Grid.covering(samples.map { PlotPoint(x: $0.x, y: $0.y) }, traits: traits)
    /// let classes = grid.points.map { model.predictClass(x: $0.x, y: $0.y) }
    /// let map = BoundaryMap(grid: grid, predictions: classes, samples: samples, classNames: names)
    /// ```
    /// Cell (column, row) covers x from `xRange.lowerBound + column·Δx` to one Δx further and
    /// stands for its centre; row 0 is the top (largest y).
    public struct Grid: Sendable, Equatable {
        /// Cells across.
        public let columns: Int
        /// Cells down.
        public let rows: Int
        /// The x values covered, left to right.
        public let xRange: ClosedRange<Double>
        /// The y values covered, bottom to top.
        public let yRange: ClosedRange<Double>

        /// A grid of `columns × rows` cells over the given ranges (at least 1 × 1; an empty
        /// range is widened by 1 on each side).
        public init(columns: Int, rows: Int, xRange: ClosedRange<Double>, yRange: ClosedRange<Double>) {
            self.columns = max(1, columns)
            self.rows = max(1, rows)
            self.xRange = Grid.widened(xRange)
            self.yRange = Grid.widened(yRange)
        }

        private static func widened(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
            guard range.lowerBound.isFinite, range.upperBound.isFinite else { return -1...1 }
            return range.upperBound > range.lowerBound ? range : (range.lowerBound - 1)...(range.upperBound + 1)
        }

        /// The x at the centre of column `column`.
        public func x(column: Int) -> Double {
            xRange.lowerBound + (Double(column) + 0.5) * (xRange.upperBound - xRange.lowerBound) / Double(columns)
        }

        /// The y at the centre of row `row` (row 0 at the top).
        public func y(row: Int) -> Double {
            yRange.upperBound - (Double(row) + 0.5) * (yRange.upperBound - yRange.lowerBound) / Double(rows)
        }

        /// The centres of all cells, row by row from the top-left: `rows × columns` points, in
        /// the order `BoundaryMap.predictions` expects.
        public var points: [PlotPoint] {
            (0..<rows).flatMap { row in (0..<columns).map { PlotPoint(x: x(column: $0), y: y(row: row)) } }
        }

        /// The cell (column, row) a point falls in, or nil outside the ranges.
        public func cell(of point: PlotPoint) -> (column: Int, row: Int)? {
            guard point.x.isFinite, point.y.isFinite, xRange.contains(point.x), yRange.contains(point.y) else { return nil }
            let fx = (point.x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
            let fy = (point.y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound)
            let column = min(columns - 1, Int(fx * Double(columns)))
            let rowFromBottom = min(rows - 1, Int(fy * Double(rows)))
            return (column, rows - 1 - rowFromBottom)
        }

        /// A grid over the given ranges sized for a terminal: `height` rows, and as many columns
        /// as make x and y units look equally long (a character is about twice as tall as wide),
        /// at most what fits `traits.width` beside the axis labels.
        public static func fitting(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>,
                                   traits: ConsoleTraits, height: Int = 20) -> Grid {
            let probe = Grid(columns: 1, rows: max(4, height), xRange: xRange, yRange: yRange)
            let labelWidth = BoundaryMap.yAxis(for: probe).tickLabels.map(\.displayWidth).max() ?? 1
            let available = max(10, traits.width - labelWidth - 2 - 2)
            let xSpan = probe.xRange.upperBound - probe.xRange.lowerBound
            let ySpan = probe.yRange.upperBound - probe.yRange.lowerBound
            let square = Int((Double(probe.rows) * 2 * xSpan / ySpan).rounded())
            return Grid(columns: min(available, max(10, square)), rows: probe.rows, xRange: probe.xRange,
                        yRange: probe.yRange)
        }

        /// A grid covering `points` with a margin (a fraction of each span on every side),
        /// sized by `fitting`.
        public static func covering(_ points: [PlotPoint], margin: Double = 0.1, traits: ConsoleTraits,
                                    height: Int = 20) -> Grid {
            let xs = points.map(\.x).filter(\.isFinite)
            let ys = points.map(\.y).filter(\.isFinite)
            func range(_ values: [Double]) -> ClosedRange<Double> {
                guard let low = values.min(), let high = values.max() else { return -1...1 }
                let pad = high > low ? (high - low) * max(0, margin) : 1
                return (low - pad)...(high + pad)
            }
            return fitting(xRange: range(xs), yRange: range(ys), traits: traits, height: height)
        }
    }
}
