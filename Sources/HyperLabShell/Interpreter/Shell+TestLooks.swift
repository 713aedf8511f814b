import HyperLabKit

/// Looks at the test set, counted per dataset (`Dataset.contentHash`) across splits, reloads and
/// sessions: this session's looks merged with the store's. `show looks` lists them.
extension Shell {
    /// Every look at `dataset`'s test set so far, oldest first: this session's and the store's.
    /// A store that cannot be read adds a warning to `warnings`, and the session's looks still count.
    func looks(of dataset: Dataset, warnings: inout CommandOutput) -> [TestLook] {
        let hash = dataset.contentHash
        let mine = sessionLooks.filter { $0.datasetHash == hash }
        do {
            return mine.merged(with: try options.repository.looks(ofDataset: hash))
        } catch {
            warnings.warning("the looks kept in \(options.repository.location) cannot be read"
                             + " (\(error.message)); counting this session's only")
            return mine.merged(with: [])
        }
    }

    /// Keeps `look` in this session and in the store (a warning in `warnings` if the store cannot keep it).
    func keep(_ look: TestLook, warnings: inout CommandOutput) {
        sessionLooks.append(look)
        do { try options.repository.recordLook(look) } catch {
            warnings.warning("the look could not be stored in \(options.repository.location)"
                             + " (\(error.message)); this session still counts it")
        }
    }

    /// After a split of `dataset` (arguments `split`): when its test set was seen under another
    /// split, the new deal is a look too, and one line says why.
    func noteResplit(of dataset: Dataset, split: String, into output: inout CommandOutput) {
        let earlier = looks(of: dataset, warnings: &output)
        guard let last = earlier.last, last.split != split else { return }
        keep(TestLook(dataset: dataset, date: options.clock(), kind: .resplit, split: split), warnings: &output)
        output.warning("a new split after seeing the test set lets test information leak"
                       + " into later choices; counted as look \(earlier.count + 1) at the test set of \(dataset.name)")
    }

    /// The arguments of the current split (`train=0.6 dev=0.2 test=0.2 seed=1 stratify=no`), or nil.
    static func splitArguments(_ bench: Workbench) -> String? {
        bench.partitioning?.reference.commandArguments
    }

    /// "mlp [8] relu · adam lr=0.01 · 200 epochs".
    static func configurationShort(_ c: Configuration) -> String {
        [modelShort(c), optimizerShort(c)].joined(separator: " · ") + (scheduleShort(c).isEmpty ? "" : " · " + scheduleShort(c))
            + " · " + NumberFormat.count(c.epochs, "epoch")
    }

    /// `show looks`: every look at the loaded dataset's test set: when, what, which score.
    func showLooks(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> CommandOutput {
        guard let dataset = bench.dataset else {
            throw InputError("no data loaded", at: command.syntax.nameSpan, hint: "load a dataset first; looks are counted per dataset")
        }
        var output = CommandOutput()
        let all = looks(of: dataset, warnings: &output)
        guard !all.isEmpty else {
            output.line("no look at the test set of \(dataset.name) yet: evaluate test takes one, once, at the end")
            return output
        }
        // One metric per dataset (its task's): it heads the score column.
        let metric = all.compactMap(\.metric).first ?? "score"
        let rows = all.enumerated().map { i, look -> [String] in
            let what = look.kind == .resplit ? "split " + look.split.replacingOccurrences(of: " stratify=no", with: "") : look.configuration
            return [String(i + 1), Shell.timestamp(look.date), what, look.score.map { NumberFormat.metric($0) } ?? "—"]
        }
        let note = all.count == 1 ? "one look: its score is an honest estimate"
            : "later looks are optimistic: choices after the first may follow what test showed"
        output.table(TextTable(columns: [.init("look"), .init("when", alignment: .left), .init("configuration", alignment: .left),
                                         .init(metric)], rows: rows, notes: [note]))
        return output
    }
}
