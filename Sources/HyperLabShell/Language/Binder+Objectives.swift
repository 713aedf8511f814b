import HyperLabKit

/// `metric=[dev_acc, parameters]`: the metrics of a multi-objective sweep, each checked where it
/// is written.
extension Binder {
    /// Binds a list of metrics: two or three different names among `words` or that an objective
    /// command may report (one name alone is a one-metric sweep, as `metric=dev_acc`).
    /// - Throws: `InputError` at the item that is not a metric name, is repeated, or is a fourth;
    ///   at the list when it is empty.
    static func objectiveList(_ items: [SyntaxNode], of node: SyntaxNode, among words: [String],
                              named name: String) throws(InputError) -> BoundValue {
        let example = "\(name.excerpt)=[dev_acc, parameters]"
        guard !items.isEmpty else {
            throw InputError("\(name.excerpt)=[] names no metric", at: node.span, hint: "write \(example)")
        }
        var names: [String] = []
        for (index, item) in items.enumerated() {
            guard case .word(let word) = item.value else {
                throw InputError("\(name.excerpt) lists metric names, not \(item.canonicalText.excerpt)", at: item.span,
                                 hint: "write \(example)")
            }
            // A name HyperLab does not know may be one an objective command reports: the sweep
            // checks it against the trainer's metrics or the command's (`Shell.sweepObjectives`).
            guard words.contains(word) || ReportLine.isMetricName(word) else {
                throw InputError("no metric '\(word.excerpt)'", at: item.span,
                                 hint: ClosestMatch.suggestion(for: word, among: words).map { "did you mean \($0)?" }
                                    ?? "metrics: " + words.joined(separator: ", "))
            }
            guard !names.contains(word) else {
                throw InputError("\(word.excerpt) is listed twice", at: item.span, hint: "list each metric once: \(example)")
            }
            guard index < StudyObjective.maximumCount else {
                throw InputError("a sweep optimizes at most \(StudyObjective.maximumCount) metrics at once", at: item.span,
                                 hint: "keep the two or three that matter: a front over more is hard to read")
            }
            names.append(word)
        }
        return names.count == 1 ? .word(names[0]) : .names(names)
    }
}
