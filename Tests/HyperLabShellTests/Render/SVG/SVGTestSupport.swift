import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import HyperLabShell

/// An element of a parsed SVG document: its name, attributes and direct text.
struct XMLNode: Equatable {
    var name: String
    var attributes: [String: String]
    var text: String

    /// The element's class attribute ("" when it has none).
    var className: String { attributes["class"] ?? "" }
    /// A numeric attribute, or nil.
    func number(_ name: String) -> Double? { attributes[name].flatMap(Double.init) }
}

/// A parsed SVG document: every element in document order, and the root.
struct ParsedSVG {
    var nodes: [XMLNode]
    var root: XMLNode? { nodes.first }

    /// The elements of a class.
    func ofClass(_ className: String) -> [XMLNode] { nodes.filter { $0.className == className } }
    /// The texts of the elements of a class, in order.
    func texts(ofClass className: String) -> [String] { ofClass(className).map(\.text) }
}

/// Parses `text` as XML with Foundation's parser (libxml2 on Linux); nil when it is not
/// well-formed, with the parser's error in `error`.
func parseSVG(_ text: String) -> ParsedSVG? {
    let collector = XMLCollector()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = collector
    guard parser.parse(), collector.failed == false else { return nil }
    return ParsedSVG(nodes: collector.nodes)
}

private final class XMLCollector: NSObject, XMLParserDelegate {
    var nodes: [XMLNode] = []
    var open: [Int] = []
    var failed = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        open.append(nodes.count)
        nodes.append(XMLNode(name: elementName, attributes: attributeDict, text: ""))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = open.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard let index = open.last else { return }
        nodes[index].text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        failed = true
    }
}

/// The y tick labels of a terminal plot, top to bottom (the text left of "┤").
func terminalYTicks(_ lines: [String]) -> [String] {
    lines.compactMap { line -> String? in
        guard let bar = line.firstIndex(of: "┤") else { return nil }
        let label = line[..<bar].trimmingCharacters(in: .whitespaces)
        return label.isEmpty ? nil : label
    }
}

/// The x tick labels of a terminal plot (the words on the line under the last "└" axis line,
/// without the axis name).
func terminalXTicks(_ lines: [String], xLabel: String? = nil) -> [String] {
    guard let axis = lines.lastIndex(where: { $0.contains("└") }), axis + 1 < lines.count else { return [] }
    var words = lines[axis + 1].split(separator: " ").map(String.init)
    if let xLabel, words.last == xLabel { words.removeLast() }
    return words
}

/// The ticks of an SVG plot's y axis, top to bottom (as the terminal lists them).
func svgYTicks(_ svg: ParsedSVG) -> [String] {
    svg.ofClass("y-tick-label").sorted { ($0.number("y") ?? 0) < ($1.number("y") ?? 0) }.map(\.text)
}
