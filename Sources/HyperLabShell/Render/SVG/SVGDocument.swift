/// An SVG document being built: a fixed canvas (`width` × `height` user units, with a matching
/// `viewBox`, so it scales cleanly on a slide), a white background, an accessible `<title>`,
/// and the drawing's elements in painting order.
///
/// ```swift
/// var document = SVGDocument(width: 720, height: 400, title: "dev_acc per trial")
/// document.add(SVGElement("circle", ["cx": "10", "cy": "10", "r": "4"]))
/// let text = document.rendered()   // "<?xml version=\"1.0\" …"
/// ```
/// Text defaults to `SVGStyle.fontFamily` (sans-serif) in `SVGStyle.textColor`, set once on the
/// root element. Output is deterministic: no generated ids, numbers written by `svgText`.
struct SVGDocument: Sendable {
    /// Width in user units (pixels at 100%).
    let width: Int
    /// Height in user units.
    let height: Int
    /// The document's `<title>` (shown as a tooltip, read by screen readers), or nil.
    var title: String?
    /// The elements, in painting order (later ones cover earlier ones).
    private(set) var elements: [SVGElement] = []

    /// An empty document of the given size (at least 1 × 1).
    init(width: Int, height: Int, title: String? = nil) {
        self.width = max(1, width)
        self.height = max(1, height)
        self.title = title
    }

    /// Appends an element on top of what is drawn so far.
    mutating func add(_ element: SVGElement) {
        elements.append(element)
    }

    /// Appends elements on top of what is drawn so far.
    mutating func add(_ more: [SVGElement]) {
        elements += more
    }

    /// The document as text: an XML declaration, then the `<svg>` element.
    func rendered() -> String {
        var children: [SVGElement] = []
        if let title, !title.isEmpty {
            children.append(SVGElement("title", text: title))
        }
        children.append(SVGElement("rect", ["class": "background", "x": "0", "y": "0", "width": String(width),
                                            "height": String(height), "fill": "#ffffff"]))
        children += elements
        let root = SVGElement("svg", ["xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
                                      "width": String(width), "height": String(height),
                                      "viewBox": "0 0 \(width) \(height)",
                                      "font-family": SVGStyle.fontFamily, "font-size": SVGStyle.tickSize.svgText,
                                      "fill": SVGStyle.textColor],
                              children: children)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.rendered() + "\n"
    }
}
