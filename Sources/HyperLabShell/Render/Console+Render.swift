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
            let traits = self.traits
            let shown = layout(traits, timings)
            let plain = (traits == .plain && !timings) ? shown : layout(.plain, false)
            lines(shown, plain: plain)
        case .presentedTable(let build):
            let traits = self.traits
            let shown = build(traits.width, timings).render(traits: traits)
            let plain = (traits == .plain && !timings) ? shown : build(ConsoleTraits.plain.width, false).render(traits: .plain)
            self.table(html: build(Self.htmlTableWidth, timings).html) { lines(shown, plain: plain) }
        case .figure(let svg, let body):
            let draw = { self.figure(svg: svg) { self.render(body, timings: timings) } }
            if let aroundFigure { aroundFigure(svg, draw) } else { draw() }
        }
    }

    /// The width a table sink's table is built for: wide enough that no column is left out.
    static let htmlTableWidth = 10_000
}
