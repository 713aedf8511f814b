/// The look shared by all SVG plots: fonts, sizes and the neutral colours of frames and text.
///
/// Chosen for lecture slides: sans-serif text large enough to read from the back of a room,
/// light grid lines that stay behind the data, dark axis lines and labels.
enum SVGStyle {
    /// The font stack of all text.
    static let fontFamily = "Helvetica, Arial, 'DejaVu Sans', 'Liberation Sans', sans-serif"
    /// The size of a plot's title.
    static let titleSize = 18.0
    /// The size of a panel's own title in a stack.
    static let subtitleSize = 15.0
    /// The size of axis names and legend labels.
    static let labelSize = 13.0
    /// The size of tick labels, cell values and notes.
    static let tickSize = 12.0
    /// Space around the drawing and between its parts.
    static let margin = 16.0

    /// Titles, labels, values.
    static let textColor = "#222222"
    /// Tick labels and axis names.
    static let mutedTextColor = "#444444"
    /// Notes under a plot.
    static let noteColor = "#666666"
    /// The axis lines.
    static let axisColor = "#555555"
    /// Grid lines at the ticks.
    static let gridColor = "#e3e3e3"
    /// The outline of empty or missing cells.
    static let emptyCellColor = "#f4f4f4"
}
