import Foundation

extension SVGPanel {
    /// The panel's layers as elements, in a plot area.
    func layerElements(in area: SVGPlotArea) -> [SVGElement] {
        layers.map { layer in
            switch layer {
            case .line(let line): SVGPanel.element(line, in: area)
            case .markers(let markers): SVGPanel.element(markers, in: area)
            case .cells(let cells): SVGPanel.element(cells, in: area)
            }
        }
    }

    /// Most markers put along one line.
    static let markersPerLine = 12

    /// A line: one path (broken where a point cannot be shown), then its markers and dots at
    /// isolated points, in a group.
    static func element(_ line: Line, in area: SVGPlotArea) -> SVGElement {
        let positions = line.points.map { area.position($0) }
        var d = ""
        var previous: (x: Double, y: Double)?
        var isolated: [(x: Double, y: Double)] = []
        for (index, position) in positions.enumerated() {
            guard let position else {
                previous = nil
                continue
            }
            if let from = previous {
                if line.step { d += "L" + position.x.svgText + " " + from.y.svgText }
                d += "L" + position.x.svgText + " " + position.y.svgText
            } else {
                d += "M" + position.x.svgText + " " + position.y.svgText
                let nextShown = index + 1 < positions.count && positions[index + 1] != nil
                if !nextShown { isolated.append(position) }
            }
            previous = position
        }
        var children = [SVGElement("path", ["class": line.className, "d": d, "fill": "none", "stroke": line.color,
                                            "stroke-width": "2.5", "stroke-linejoin": "round",
                                            "stroke-linecap": "round"])]
        for position in isolated {
            children.append(SVGElement("circle", ["class": "series-dot", "cx": position.x.svgText,
                                                  "cy": position.y.svgText, "r": "2.5", "fill": line.color]))
        }
        if let marker = line.marker {
            let shown = positions.compactMap { $0 }
            let stride = max(1, Int((Double(shown.count) / Double(markersPerLine)).rounded(.up)))
            let first = Int((line.markerPhase * Double(stride)).rounded(.down)) % stride
            for index in Swift.stride(from: first, to: shown.count, by: stride) {
                children.append(marker.element(x: shown[index].x, y: shown[index].y, size: 9, color: line.color,
                                               className: "series-marker"))
            }
        }
        return SVGElement("g", ["class": "line"], children: children)
    }

    /// Markers: one element per point that can be shown.
    static func element(_ markers: Markers, in area: SVGPlotArea) -> SVGElement {
        let children = markers.points.compactMap { point -> SVGElement? in
            guard let position = area.position(point) else { return nil }
            return markers.shape.element(x: position.x, y: position.y, size: markers.size, color: markers.color,
                                         className: markers.className)
        }
        return SVGElement("g", ["class": "markers"], children: children)
    }

    /// Cells: one rectangle per run of equal fills in a row.
    static func element(_ cells: Cells, in area: SVGPlotArea) -> SVGElement {
        let columns = max(1, cells.columns)
        let rows = max(1, cells.rows)
        let cellWidth = area.width / Double(columns)
        let cellHeight = area.height / Double(rows)
        var children: [SVGElement] = []
        for row in 0..<rows {
            var column = 0
            while column < columns {
                let fill = fillAt(cells, row: row, column: column)
                var end = column + 1
                while end < columns, fillAt(cells, row: row, column: end) == fill { end += 1 }
                if let fill {
                    children.append(SVGElement("rect", ["class": "region",
                                                        "x": (area.left + Double(column) * cellWidth).svgText,
                                                        "y": (area.top + Double(row) * cellHeight).svgText,
                                                        "width": (Double(end - column) * cellWidth).svgText,
                                                        "height": cellHeight.svgText, "fill": fill]))
                }
                column = end
            }
        }
        return SVGElement("g", ["class": "cells", "shape-rendering": "crispEdges"], children: children)
    }

    private static func fillAt(_ cells: Cells, row: Int, column: Int) -> String? {
        let index = row * cells.columns + column
        return index < cells.fills.count ? cells.fills[index] : nil
    }
}
