/// One element of an SVG document: a name, attributes in a fixed order, and either text or
/// child elements.
///
/// ```swift
/// let label = SVGElement("text", ["x": 10.0.svgText, "y": 20.0.svgText], text: "loss < 0.5")
/// label.rendered()   // <text x="10" y="20">loss &lt; 0.5</text>
/// ```
/// Attributes keep the order they are given in, and numbers are written by `svgText`, so the
/// same plot always gives the same bytes. Text and attribute values are escaped on output.
struct SVGElement: Sendable, Equatable {
    /// One attribute.
    struct Attribute: Sendable, Equatable {
        /// The attribute's name (written as is: a name from the SVG vocabulary).
        var name: String
        /// The value, unescaped.
        var value: String
    }

    /// The element's name ("rect", "g", "text", …).
    var name: String
    /// The attributes, in output order.
    var attributes: [Attribute]
    /// Character content (unescaped), written before any children.
    var text: String?
    /// Child elements.
    var children: [SVGElement]

    /// An element with attributes in the order given.
    init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil,
         children: [SVGElement] = []) {
        self.name = name
        self.attributes = attributes.map { Attribute(name: $0.key, value: $0.value) }
        self.text = text
        self.children = children
    }

    /// Adds (or replaces) an attribute.
    mutating func set(_ name: String, _ value: String) {
        if let index = attributes.firstIndex(where: { $0.name == name }) {
            attributes[index].value = value
        } else {
            attributes.append(Attribute(name: name, value: value))
        }
    }

    /// This element with an attribute added (or replaced).
    func with(_ name: String, _ value: String) -> SVGElement {
        var copy = self
        copy.set(name, value)
        return copy
    }

    /// The element as XML text, children indented by two spaces per level.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        var head = pad + "<" + name
        for attribute in attributes {
            head += " " + attribute.name + "=\"" + SVGEscape.attribute(attribute.value) + "\""
        }
        if children.isEmpty {
            guard let text else { return head + "/>" }
            return head + ">" + SVGEscape.text(text) + "</" + name + ">"
        }
        var lines = [head + ">" + (text.map(SVGEscape.text) ?? "")]
        lines += children.map { $0.rendered(indent: indent + 2) }
        lines.append(pad + "</" + name + ">")
        return lines.joined(separator: "\n")
    }
}

extension Double {
    /// The number as an SVG coordinate: at most two decimals, trailing zeros dropped, never
    /// "-0", and "0" for a value that is not finite (so a document is always valid).
    var svgText: String {
        guard isFinite else { return "0" }
        return NumberFormat.fixed(self, decimals: 2, trimZeros: true)
    }
}
