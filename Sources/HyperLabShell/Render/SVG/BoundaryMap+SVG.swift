extension BoundaryMap {
    /// The map as an SVG document `width` × `height` user units: each class's region in a
    /// light tint of the class colour (runs of cells as rectangles), every sample inside the
    /// grid at its exact position with its class's marker and full colour (so a point on
    /// another colour is misclassified), the terminal's axis ticks, a legend of points and
    /// regions, and the same "misclassified" note. Both axes keep equal units where the
    /// ranges allow (within a ratio of 0.4 to 3).
    public func svg(width: Int = 720, height: Int = 480) -> String {
        SVGFigure.render([svgPanel], width: width, height: height)
    }

    /// The number of classes drawn (as `render` counts them).
    var svgClassCount: Int {
        max(classNames.count, (predictions.max() ?? -1) + 1, (samples.map(\.label).max() ?? -1) + 1)
    }

    /// The name of class `c`.
    func svgClassName(_ c: Int) -> String { c < classNames.count ? classNames[c] : "class \(c)" }

    /// The marker of class `c` (the shape of its terminal glyph).
    static func svgMarker(_ c: Int) -> SVGMarker {
        SVGMarker.forGlyph(unicodeMarkers[c % unicodeMarkers.count], index: c)
    }

    private var svgPanel: SVGPanel {
        let xAxis = Axis.inside(low: grid.xRange.lowerBound, high: grid.xRange.upperBound,
                                targetTicks: max(2, grid.columns / 12))
        var panel = SVGPanel(title: title, xLabel: xLabel, yLabel: yLabel, xAxis: xAxis, yAxis: BoundaryMap.yAxis(for: grid))
        let xSpan = grid.xRange.upperBound - grid.xRange.lowerBound
        let ySpan = grid.yRange.upperBound - grid.yRange.lowerBound
        panel.aspect = min(3, max(0.4, xSpan / ySpan))
        let cellCount = grid.columns * grid.rows
        let fills = (0..<cellCount).map { index -> String? in
            guard index < predictions.count, predictions[index] >= 0 else { return nil }
            return SVGPalette.tint(predictions[index])
        }
        panel.layers.append(.cells(.init(columns: grid.columns, rows: grid.rows, fills: fills)))
        let placement = self.placement
        let classCount = svgClassCount
        for c in 0..<classCount {
            let points = placement.inside.filter { $0.label == c }.map { PlotPoint(x: $0.x, y: $0.y) }
            panel.layers.append(.markers(.init(points: points, shape: BoundaryMap.svgMarker(c), color: SVGPalette.color(c),
                                               className: "sample", size: 9)))
        }
        let classes = 0..<classCount
        panel.legend = SVGLegend(sections: [
            .init(heading: "points", entries: classes.map {
                .init(sample: .marker(BoundaryMap.svgMarker($0), color: SVGPalette.color($0)), label: svgClassName($0))
            }),
            .init(heading: "regions", entries: classes.map {
                .init(sample: .swatch(fill: SVGPalette.tint($0)), label: svgClassName($0))
            }),
        ])
        panel.notes = [placement.note]
        return panel
    }
}
