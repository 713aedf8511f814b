/// What a `plot` command drew: the plot as text for the console and as an SVG drawing, and the
/// lines printed under it.
struct PlotResult: CommandResult {
    /// The plot's text for the console's traits.
    let text: (ConsoleTraits) -> [String]
    /// The plot as an SVG drawing (for a figure sink, the notebook, and `to=`).
    let svg: String
    /// Lines printed after the plot (and after `to=`'s "wrote FILE").
    var notes: [String] = []

    /// The plot as a figure block, laid out for the console (plain for the notebook).
    var figure: CommandOutput {
        let text = self.text
        return CommandOutput([.figure(svg: svg, body: CommandOutput([.presented { traits, _ in text(traits) }]))])
    }

    /// The notes, one line each.
    var notesOutput: CommandOutput {
        CommandOutput(notes.map { .line($0, plain: nil) })
    }

    /// The figure, then the notes.
    var output: CommandOutput {
        var output = figure
        output.append(notesOutput)
        return output
    }
}
