/// The decision regions of a classifier over two features, with the data drawn on top:
/// the TensorFlow Playground picture in a terminal.
///
/// The caller gets a `Grid` (see `BoundaryMap.Grid`), predicts a class at each of its cell
/// centres, and passes the predictions with the data points. Each class's region has its own
/// texture (Unicode: blank, "░", "▒", "·", "▓", ":"; ASCII: blank, ".", ":", "-", "=", "~") or,
/// with colour, its own light background; each class's points have their own marker
/// (Unicode: "●", "×", "▲", "■", "◆", "+"; ASCII: "o", "x", "+", "#", "@", "%") drawn over the
/// regions, so a point in a region of another colour is a misclassified one. Where several
/// points share a cell, the class most of them have is shown. The axes are labelled with
/// nice ticks inside the grid's ranges; a note counts the misclassified points (by the model's
/// prediction for each point when given, else by the region the point lies in).
public struct BoundaryMap: Sendable {
    /// A data point with its true class.
    public struct Sample: Sendable, Equatable {
        /// First feature.
        public var x: Double
        /// Second feature.
        public var y: Double
        /// The class index (0-based).
        public var label: Int
        /// The class the model predicts for this very point, when the caller knows it; the
        /// "misclassified" note counts these. Without it, the class of the point's cell counts
        /// (the cell's centre can fall on the other side of a boundary than the point).
        public var predicted: Int?

        /// A sample of class `label` at (x, y), predicted as `predicted` when given.
        public init(x: Double, y: Double, label: Int, predicted: Int? = nil) {
            self.x = x
            self.y = y
            self.label = label
            self.predicted = predicted
        }
    }

    /// A line above the map, or nil.
    public var title: String?
    /// The grid the predictions were made on.
    public var grid: Grid
    /// The predicted class of every cell, row by row from the top-left (`grid.points` order).
    public var predictions: [Int]
    /// The data points drawn over the regions.
    public var samples: [Sample]
    /// The class names, by index.
    public var classNames: [String]
    /// The name of the x axis (first feature), or nil.
    public var xLabel: String?
    /// The name of the y axis (second feature), or nil.
    public var yLabel: String?

    /// A decision-region map.
    public init(title: String? = nil, grid: Grid, predictions: [Int], samples: [Sample], classNames: [String],
                xLabel: String? = nil, yLabel: String? = nil) {
        self.title = title
        self.grid = grid
        self.predictions = predictions
        self.samples = samples
        self.classNames = classNames
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Region textures in Unicode mode, by class.
    static let unicodeTextures = [" ", "░", "▒", "·", "▓", ":"]
    /// Region textures in ASCII mode, by class.
    static let asciiTextures = [" ", ".", ":", "-", "=", "~"]
    /// Point markers in Unicode mode, by class.
    static let unicodeMarkers = ["●", "×", "▲", "■", "◆", "+"]
    /// Point markers in ASCII mode, by class.
    static let asciiMarkers = ["o", "x", "+", "#", "@", "%"]
    /// Light region backgrounds (xterm 256 palette), by class: blue, orange, green, pink, yellow, violet.
    static let regionBackgrounds: [UInt8] = [153, 223, 194, 225, 230, 189]
    /// Dark point colours, by class, matching the backgrounds.
    static let pointColors: [UInt8] = [25, 166, 28, 125, 136, 55]

    /// The y axis of a grid: nice ticks inside its range.
    static func yAxis(for grid: Grid) -> Axis {
        Axis.inside(low: grid.yRange.lowerBound, high: grid.yRange.upperBound, targetTicks: max(3, grid.rows / 4))
    }

    /// The map as lines of text fitting `traits.width`; regions are textured without colour and
    /// shaded with colour.
    public func render(traits: ConsoleTraits) -> [String] {
        let textures = traits.unicode ? BoundaryMap.unicodeTextures : BoundaryMap.asciiTextures
        let markers = traits.unicode ? BoundaryMap.unicodeMarkers : BoundaryMap.asciiMarkers
        func texture(_ c: Int) -> String { traits.color ? " " : textures[c % textures.count] }
        func regionInk(_ c: Int) -> Ink {
            Ink(background: BoundaryMap.regionBackgrounds[c % BoundaryMap.regionBackgrounds.count])
        }
        func pointInk(_ c: Int) -> Ink {
            Ink(foreground: BoundaryMap.pointColors[c % BoundaryMap.pointColors.count], bold: true)
        }
        let classCount = max(classNames.count, (predictions.max() ?? -1) + 1, (samples.map(\.label).max() ?? -1) + 1)
        func name(_ c: Int) -> String { c < classNames.count ? classNames[c] : "class \(c)" }

        let cellCount = grid.columns * grid.rows
        let cells = (0..<cellCount).map { $0 < predictions.count ? predictions[$0] : -1 }
        var regions = PlotSpec.Regions(columns: grid.columns, rows: grid.rows, fills: [], inks: [])
        for c in cells {
            regions.fills.append(c >= 0 ? texture(c) : " ")
            regions.inks.append(c >= 0 ? regionInk(c) : .none)
        }

        // The class shown in each cell: the one most of its points have (the lower on ties).
        var counts = [[Int]](repeating: [Int](repeating: 0, count: max(1, classCount)), count: cellCount)
        let placement = self.placement
        for sample in placement.inside {
            guard let cell = grid.cell(of: PlotPoint(x: sample.x, y: sample.y)) else { continue }
            counts[cell.row * grid.columns + cell.column][sample.label] += 1
        }
        var layers = (0..<classCount).map { PlotSpec.Markers(points: [], glyph: markers[$0 % markers.count], ink: pointInk($0)) }
        for index in 0..<cellCount {
            guard let top = counts[index].max(), top > 0, let c = counts[index].firstIndex(of: top) else { continue }
            layers[c].points.append(PlotPoint(x: grid.x(column: index % grid.columns), y: grid.y(row: index / grid.columns)))
        }

        let xAxis = Axis.inside(low: grid.xRange.lowerBound, high: grid.xRange.upperBound,
                                targetTicks: max(2, grid.columns / 12))
        var spec = PlotSpec(title: title, xLabel: xLabel, yLabel: yLabel, xAxis: xAxis, yAxis: BoundaryMap.yAxis(for: grid))
        spec.regions = regions
        spec.markers = layers
        spec.height = grid.rows
        var points = PlotSpec.Legend(heading: "points: ")
        var areas = PlotSpec.Legend(heading: "regions:")
        for c in 0..<classCount {
            points.entries.append(.init(sample: markers[c % markers.count], ink: pointInk(c), label: name(c)))
            let fill = textures[c % textures.count]
            let sample = traits.color ? "  " : (fill == " " ? "(blank)" : fill + fill)
            areas.entries.append(.init(sample: sample, ink: traits.color ? regionInk(c) : .none, label: name(c)))
        }
        spec.extraLegends = [points, areas]
        spec.notes.append(placement.note)
        return PlotFrame.render(spec, traits: traits)
    }

    /// The samples inside the grid, how many of them are misclassified (by `Sample.predicted`,
    /// or else by their cell's class), how many lie outside, and the note saying so.
    var placement: (inside: [Sample], misclassified: Int, outside: Int, note: String) {
        var inside: [Sample] = []
        var misclassified = 0
        var outside = 0
        for sample in samples where sample.label >= 0 {
            guard let cell = grid.cell(of: PlotPoint(x: sample.x, y: sample.y)) else {
                outside += 1
                continue
            }
            inside.append(sample)
            let index = cell.row * grid.columns + cell.column
            let predicted = sample.predicted ?? (index < predictions.count ? predictions[index] : -1)
            if predicted != sample.label { misclassified += 1 }
        }
        let note = "misclassified: \(misclassified) of \(inside.count) points" + (outside > 0 ? "; \(outside) outside the map" : "")
        return (inside, misclassified, outside, note)
    }
}
