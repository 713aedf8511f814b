/// One x–y plot of an SVG figure, in data terms: axes, layers of lines, markers and cells,
/// a legend and notes. `LineChart`, `ScatterPlot`, `HistoryPlot` and `BoundaryMap` build
/// panels from the same values and `Axis` ticks their terminal renderers use; `SVGFigure`
/// lays them out.
struct SVGPanel: Sendable {
    /// A line through points (straight segments, or a staircase), broken where a point cannot
    /// be shown.
    struct Line: Sendable {
        /// The points, in drawing order.
        var points: [PlotPoint]
        /// The stroke colour.
        var color: String
        /// Draw horizontal-then-vertical steps instead of straight segments.
        var step = false
        /// A marker put at some data points (about a dozen per line), or nil.
        var marker: SVGMarker?
        /// Where among the marked points the first one is (0…1), so that the markers of
        /// several lines do not fall on the same points.
        var markerPhase = 0.0
        /// The element's class.
        var className = "series"
    }

    /// One marker per point.
    struct Markers: Sendable {
        /// The points.
        var points: [PlotPoint]
        /// The shape.
        var shape: SVGMarker
        /// The colour.
        var color: String
        /// Each marker's class ("point", "best", "sample").
        var className = "point"
        /// The size across.
        var size = 10.0
    }

    /// Cells filling the plot area, `columns × rows`, row by row from the top-left; each is a
    /// colour or nil (not filled). Runs of equal colour in a row are drawn as one rectangle.
    struct Cells: Sendable {
        /// Cells across.
        var columns: Int
        /// Cells down.
        var rows: Int
        /// The fills, row-major from the top-left.
        var fills: [String?]
    }

    /// A layer of the drawing.
    enum Layer: Sendable {
        case line(Line)
        case markers(Markers)
        case cells(Cells)
    }

    /// The panel's title (the figure's title for the first panel), possibly several lines.
    var title: String?
    /// The name of the x axis, or nil.
    var xLabel: String?
    /// The name of the y axis, or nil.
    var yLabel: String?
    /// The horizontal axis.
    var xAxis: Axis
    /// The vertical axis.
    var yAxis: Axis
    /// Show the x tick labels and the x axis name (off for the upper panels of a stack).
    var showXLabels = true
    /// The panel's share of the figure's height, relative to the other panels.
    var weight = 1.0
    /// The width-to-height ratio the plot area should keep (equal units on both axes), or nil
    /// to fill the space.
    var aspect: Double?
    /// The layers, drawn in order.
    var layers: [Layer] = []
    /// The legend.
    var legend = SVGLegend()
    /// Notes under the plot.
    var notes: [String] = []
}
