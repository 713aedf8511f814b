extension Console {
    /// Prints `output` block by block; `timings` says whether wall times are shown, and
    /// `aroundFigure`, when given, runs around each figure's printing with its drawing (how the
    /// shell's notebook recorder keeps the plot as an image).
    public func render(_ output: CommandOutput, timings: Bool,
                       aroundFigure: ((_ svg: String, _ draw: () -> Void) -> Void)? = nil) {
        for block in output.blocks {
            render(block, timings: timings, aroundFigure: aroundFigure)
        }
    }

    /// Prints one block.
    private func render(_ block: CommandOutput.Block, timings: Bool,
                        aroundFigure: ((_ svg: String, _ draw: () -> Void) -> Void)?) {
        switch block {
        case .text(let text, let plain):
            write(text, plain: plain)
        case .line(let text, let plain):
            line(text, plain: plain)
        case .lines(let rows):
            lines(rows)
        case .table(let table):
            self.table(html: table.html) { lines(table.render(traits: traits)) }
        case .fittedTable(let build):
            let shown = build(traits.width).render(traits: traits)
            self.table(html: build(Self.htmlTableWidth).html) { lines(shown) }
        case .warning(let text):
            line(paint("warning:", .yellow) + " " + text)
        case .presented(let layout):
            present(layout, timings: timings)
        case .presentedTable(let build):
            self.table(html: build(Self.htmlTableWidth, timings).html) {
                present({ traits, timings in build(traits.width, timings).render(traits: traits) }, timings: timings)
            }
        case .figure(let svg, let body):
            let draw = { self.figure(svg: svg) { self.render(body, timings: timings) } }
            if let aroundFigure { aroundFigure(svg, draw) } else { draw() }
        }
    }

    /// Prints `layout` for this console's traits and `timings`; observers (the notebook) get it
    /// laid out plain, without wall times.
    private func present(_ layout: (ConsoleTraits, _ timings: Bool) -> [String], timings: Bool) {
        let traits = self.traits
        let shown = layout(traits, timings)
        let plain = (traits == .plain && !timings) ? shown : layout(.plain, false)
        lines(shown, plain: plain)
    }

    /// The width a table sink's table is built for: wide enough that no column is left out.
    static let htmlTableWidth = 10_000
}
