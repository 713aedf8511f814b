/// The characters renderers draw with, in Unicode or in plain ASCII.
///
/// ASCII mode (HYPERLAB_ASCII=1 or a locale that is not UTF-8) uses only printable ASCII,
/// so every output is readable in any terminal, log file or e-mail.
struct Glyphs: Sendable {
    /// Unicode characters allowed.
    let unicode: Bool

    /// Marks a cut text ("…" or "~").
    var ellipsis: String { unicode ? "…" : "~" }
    /// The rule under a table header.
    var rule: String { unicode ? "─" : "-" }
    /// Marks the best row, cell or point.
    var marker: String { unicode ? "★" : "*" }
    /// A vertical axis line.
    var axisVertical: String { unicode ? "│" : "|" }
    /// A tick on the vertical axis.
    var axisVerticalTick: String { unicode ? "┤" : "+" }
    /// A horizontal axis line.
    var axisHorizontal: String { unicode ? "─" : "-" }
    /// A tick on the horizontal axis.
    var axisHorizontalTick: String { unicode ? "┬" : "+" }
    /// Where the axes meet.
    var axisCorner: String { unicode ? "└" : "+" }
    /// Where the axes meet at a tick of the vertical axis.
    var axisCornerTick: String { unicode ? "┼" : "+" }
    /// An em dash for a missing value.
    var missing: String { unicode ? "—" : "-" }
    /// A multiplication sign.
    var times: String { unicode ? "×" : "x" }
}
