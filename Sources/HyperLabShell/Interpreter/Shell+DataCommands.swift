import Foundation
import HyperLabKit

/// The data commands: `datasets`, `load`, `show data`, `split`.
extension Shell {
    /// `datasets`: the built-in datasets with rows, features and task.
    func listDatasets() -> CommandOutput {
        let rows = BuiltinDatasets.catalogue.map { info in
            [info.name, String(info.rows), String(info.features), info.task.rawValue,
             info.classes.map(String.init) ?? "", info.summary]
        }
        let columns = [TextTable.Column("name", alignment: .left), TextTable.Column("rows"),
                       TextTable.Column("features"), TextTable.Column("task", alignment: .left),
                       TextTable.Column("classes"), TextTable.Column("about", alignment: .wrapped)]
        return CommandOutput([.table(TextTable(columns: columns, rows: rows,
                                               notes: ["generated sets take n=, noise=, seed=; penguins and CSV files (load \"FILE.csv\" target=COLUMN) take missing=, drop= and more (help load)"]))])
    }

    /// `load NAME [options]`, `load penguins [CSV options]` or `load "FILE.csv" target=COLUMN [CSV options]`.
    func load(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) -> CommandOutput {
        let dataset: Dataset
        do {
            if case .text(let path)? = command.arguments.first {
                dataset = try loadCSV(path, command)
            } else {
                let name = command.argumentString(0) ?? ""
                let info = try BuiltinDatasets.info(named: name)
                dataset = info.isTable ? try loadTable(info, command) : try loadBuiltin(info, command)
            }
        } catch let error as DataError {
            throw inputError(error, command)
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError("\(error)", at: command.span(ofArgument: 0))
        }
        let hadSplit = bench.partitioning != nil
        bench.dataset = dataset
        bench.partitioning = nil
        var line = "loaded \(dataset.name): \(NumberFormat.count(dataset.rowCount, "row")) × "
            + "\(NumberFormat.count(dataset.columnCount, "feature")), \(dataset.task.rawValue)"
        if let names = dataset.classNames {
            let shown = names.count <= 6 ? " (" + names.joined(separator: ", ") + ")" : ""
            line += " with \(names.count) classes\(shown)"
        }
        var output = CommandOutput.line(line)
        output.lines(Shell.loadNotes(dataset))
        output.lines(warningLines(DataWarning.load(dataset)))
        if hadSplit { output.line("the previous split was removed: split the new data before training") }
        return output
    }

    /// A classic or generated built-in dataset: only the generated ones take options (n=, noise=, …).
    private func loadBuiltin(_ info: BuiltinDatasetInfo, _ command: BoundCommand) throws(InputError) -> Dataset {
        var options: [String: ParameterValue] = [:]
        for (key, value) in command.options {
            guard Shell.csvOnlyKeys.contains(key) else {
                switch value {
                case .integer(let n): options[key] = .integer(n)
                case .real(let x): options[key] = .real(x)
                default: break
                }
                continue
            }
            let tables = BuiltinDatasets.catalogue.filter(\.isTable).map(\.name).joined(separator: ", ")
            throw InputError("\(key)= applies to CSV files and raw tables (\(tables)), not to the built-in \(info.name)",
                             at: command.span(ofOption: key).map { SourceSpan(line: $0.line, column: $0.column - key.count - 1, length: key.count) },
                             hint: "load \"FILE.csv\" \(key)=..., or load \(tables) \(key)=...")
        }
        do { return try BuiltinDatasets.load(name: info.name, options: options) } catch { throw inputError(error, command) }
    }

    /// A raw built-in table (penguins), with the options a CSV file takes; target= is optional.
    private func loadTable(_ info: BuiltinDatasetInfo, _ command: BoundCommand) throws(InputError) -> Dataset {
        for key in ["n", "noise", "seed", "classes"] where command.option(key) != nil {
            throw InputError("\(key)= applies to the generated datasets, not to the table \(info.name)",
                             at: command.span(ofOption: key), hint: "\(info.name) takes the options of a CSV file: " + Shell.tableOptionList)
        }
        let options = tableOptions(command)
        do {
            return try BuiltinDatasets.loadTable(name: info.name, target: command.string("target"), task: options.task,
                                                 missing: options.missing, columns: options.columns)
        } catch {
            throw inputError(error, command)
        }
    }

    private func loadCSV(_ path: String, _ command: BoundCommand) throws(InputError) -> Dataset {
        for key in ["n", "noise", "seed", "classes"] where command.option(key) != nil {
            throw InputError("\(key)= applies to the generated datasets, not to a CSV file",
                             at: command.span(ofOption: key), hint: "a CSV file takes " + Shell.tableOptionList)
        }
        guard let target = command.string("target") else {
            let end = command.syntax.span
            throw InputError("a CSV file needs target=COLUMN", at: SourceSpan(line: end.line, column: end.column + end.length + 1, length: 1),
                             hint: "name the column to predict: load \"\(path.excerpt)\" target=COLUMN")
        }
        let options = tableOptions(command)
        do {
            return try CSVDataset.load(path: path, target: target, task: options.task, missing: options.missing,
                                       columns: options.columns, name: (path as NSString).lastPathComponent,
                                       relativeTo: self.options.workingDirectory, interruption: self.options.interruption)
        } catch where error.kind == .interrupted {
            let place = error.line.map { " at line \($0) of \(path.excerpt)" } ?? ""
            throw InputError("load was interrupted\(place)", at: nil,
                             hint: "the previous dataset is kept; run the load again to read the whole file")
        } catch {
            throw inputError(error, command)
        }
    }

    /// task=, missing= and the column options of a `load` of a CSV file or a raw table.
    private func tableOptions(_ command: BoundCommand) -> (task: LearningTask?, missing: MissingValuePolicy, columns: CSVColumnOptions) {
        let task = command.string("task").flatMap(LearningTask.init(rawValue:))
        let missing = command.string("missing").flatMap(MissingValuePolicy.init(word:)) ?? MissingValuePolicy.none
        let columns = CSVColumnOptions(drop: command.names("drop") ?? [], features: command.names("features"),
                                       keep: command.names("keep") ?? [],
                                       text: command.string("text").flatMap(TextEncoding.init(rawValue:)) ?? .onehot,
                                       maxCategories: command.integer("max_categories"),
                                       missingIndicators: command.boolean("missing_indicators"),
                                       limits: CSVLoadLimits(maxField: command.integer("max_field"),
                                                             maxLine: command.integer("max_line"),
                                                             maxClasses: command.integer("max_classes")))
        return (task, missing, columns)
    }

    /// A data-layer error as the shell shows it: the file position in the message, the caret under
    /// the option it concerns (or the file name).
    func inputError(_ error: DataError, _ command: BoundCommand) -> InputError {
        var place: [String] = []
        if let file = error.file { place.append(file.excerpt) }
        if let line = error.line, !error.message.contains("line ") { place.append("line \(line)") }
        let message = place.isEmpty ? error.message : place.joined(separator: ", ") + ": " + error.message
        let span = error.key.flatMap { command.span(ofOption: $0) } ?? command.span(ofArgument: 0)
        return InputError(message, at: span, hint: error.hint)
    }

    /// `show data`: shape, task, class balance or target statistics, per-feature statistics, split.
    func showData(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> CommandOutput {
        guard let dataset = bench.dataset else {
            throw InputError("no data loaded", at: command.syntax.nameSpan, hint: "load a dataset first: datasets lists them, e.g. load iris")
        }
        let summary = DatasetSummary(dataset)
        var output = CommandOutput()
        let origin: String = switch summary.source {
        case .builtin: "built-in"
        case .csv(let path, let target, _, _, _): "CSV file \(path), target \(target)"
        case .builtinTable(_, let target, _, _, _): "built-in raw table, target \(target)"
        }
        output.line("\(summary.name) (\(origin)): \(NumberFormat.count(summary.rows, "row")), "
                     + "\(NumberFormat.count(dataset.columnCount, "feature")), \(summary.task.rawValue)")
        output.line()
        if let classes = summary.classes {
            let rows = classes.map { [$0.name, String($0.count), NumberFormat.fixed($0.fraction, decimals: 3, trimZeros: false)] }
            output.table(TextTable(columns: [.init("class", alignment: .left), .init("rows"), .init("share")], rows: rows))
        } else if let target = summary.target {
            let row = ["target", NumberFormat.metric(target.mean), NumberFormat.metric(target.sd),
                       NumberFormat.metric(target.min), NumberFormat.metric(target.max)]
            output.table(TextTable(columns: [.init("", alignment: .left), .init("mean"), .init("sd"), .init("min"), .init("max")],
                                    rows: [row]))
        }
        output.line()
        let showMissing = summary.missingTotal > 0
        let rows = summary.features.map { f -> [String] in
            let s = f.statistics
            var row = [f.name, NumberFormat.metric(s.mean), NumberFormat.metric(s.sd),
                       NumberFormat.metric(s.min), NumberFormat.metric(s.max)]
            if showMissing { row.append(String(f.missing)) }
            return row
        }
        var columns: [TextTable.Column] = [.init("feature", alignment: .left), .init("mean"), .init("sd"), .init("min"), .init("max")]
        if showMissing { columns.append(.init("missing")) }
        if !rows.isEmpty { output.table(TextTable(columns: columns, rows: rows)) }
        if !dataset.textColumns.isEmpty {
            if !rows.isEmpty { output.line() }
            output.lines(textColumnTable(dataset, encoder: bench.partitioning?.holdout?.standardizer.encoder))
        }
        let indicators = bench.partitioning?.standardizer.indicators
        let notes = Shell.loadNotes(dataset, indicators: indicators) + warningLines(Shell.dataWarnings(dataset, bench))
        if !notes.isEmpty {
            output.line()
            output.lines(notes)
        }
        output.line()
        if let split = bench.partitioning?.holdout {
            output.line("split: " + Shell.splitSummary(split))
            if let counts = split.classCounts {
                output.lines(classCountTable(names: counts.names, parts: [("train", counts.train), ("dev", counts.dev), ("test", counts.test)]))
            }
            let lookCount = looks(of: dataset, warnings: &output).count
            output.line("test set looks: \(lookCount)")
        } else if let cv = bench.partitioning?.crossValidation {
            output.line("split: \(cv.sizesDescription) (seed \(cv.seed)\(cv.stratified ? ", stratified" : ""))")
            if let folds = cv.foldClassCounts, let names = dataset.classNames, let test = cv.test.classCounts {
                output.lines(classCountTable(names: names, parts: folds.enumerated().map { ("fold \($0.offset + 1)", $0.element) } + [("test", test)]))
            }
            let lookCount = looks(of: dataset, warnings: &output).count
            output.line("test set looks: \(lookCount)")
        } else {
            output.line("split: none yet (split train=0.6 dev=0.2 test=0.2)")
        }
        return output
    }

    /// `split train=F dev=F test=F [seed=N] [stratify=yes]` or `split cv=K test=F [seed=N]`.
    func split(_ command: BoundCommand, on bench: inout Workbench) throws(InputError) -> CommandOutput {
        guard let dataset = bench.dataset else {
            throw InputError("no data to split", at: command.syntax.nameSpan, hint: "load a dataset first, e.g. load iris")
        }
        let end = command.syntax.span
        let after = SourceSpan(line: end.line, column: end.column + end.length + 1, length: 1)
        let seed = command.integer("seed")
        if case .integer(let folds)? = command.option("cv") {
            for key in ["train", "dev"] where command.option(key) != nil {
                throw InputError("\(key)= does not go with cv=", at: command.span(ofOption: key),
                                 hint: "cross-validation uses every non-test row for training and dev: split cv=\(folds) test=0.2")
            }
            let stratify: Bool? = command.option("stratify") == nil ? nil : command.boolean("stratify", default: false)
            let cv: CrossValidationSplit
            do {
                cv = try CrossValidationSplit(dataset: dataset, folds: folds, test: command.real("test", default: 0),
                                              seed: seed, stratify: stratify)
            } catch {
                throw InputError(error.message, at: error.key.flatMap { command.span(ofOption: $0) } ?? command.syntax.nameSpan,
                                 hint: error.hint)
            }
            bench.partitioning = .crossValidation(cv)
            var output = CommandOutput.line("split \(dataset.name): \(cv.sizesDescription) (seed \(seed)\(cv.stratified ? ", stratified" : ""))")
            output.line("each configuration is trained \(folds) times and scored by the mean over the folds; the test part is locked until evaluate test")
            output.lines(warningLines(DataWarning.split(cv, of: dataset)))
            noteResplit(of: dataset, split: SplitReference(cv).commandArguments, into: &output)
            return output
        }
        for key in ["train", "dev"] where command.option(key) == nil {
            throw InputError("split needs \(key)=", at: after, hint: "usage: split train=F dev=F test=F, or split cv=K test=F")
        }
        let split: DataSplit
        var fallback: String?
        do {
            let train = command.real("train", default: 0), dev = command.real("dev", default: 0), test = command.real("test", default: 0)
            do {
                split = try DataSplit(dataset: dataset, train: train, dev: dev, test: test, seed: seed,
                                      stratify: command.boolean("stratify", default: DataSplit.stratifiesByDefault(dataset)))
            } catch where error.kind == .classTooSmall && command.option("stratify") == nil {
                // Stratified only by default: a class too small for every part shuffles all rows together.
                split = try DataSplit(dataset: dataset, train: train, dev: dev, test: test, seed: seed, stratify: false)
                fallback = "not stratified: " + error.message.replacingOccurrences(of: ": too few", with: ", too few")
            }
        } catch {
            let span = error.key.flatMap { command.span(ofOption: $0) } ?? command.syntax.nameSpan
            throw InputError(error.message, at: span, hint: error.hint)
        }
        bench.partitioning = .holdout(split)
        var output = CommandOutput.line("split \(dataset.name): " + Shell.splitSummary(split))
        if let fallback { output.line(fallback) }
        output.line("features standardized with the train part's mean and sd; the test part is locked until evaluate test")
        output.lines(warningLines(DataWarning.split(split, of: dataset)))
        noteResplit(of: dataset, split: SplitReference(split).commandArguments, into: &output)
        return output
    }

    /// Rows per class in each part of a split: one row per class, one column per part.
    func classCountTable(names: [String], parts: [(name: String, counts: [Int])]) -> [String] {
        let rows = names.indices.map { k in [names[k]] + parts.map { String($0.counts[k]) } }
        return TextTable(columns: [.init("class", alignment: .left)] + parts.map { TextTable.Column($0.name) }, rows: rows)
            .render(traits: console.traits)
    }

    /// "train 90 · dev 30 · test 30 (seed 1, stratified)".
    static func splitSummary(_ split: DataSplit) -> String {
        let s = split.sizes
        return "train \(s.train) · dev \(s.dev) · test \(s.test) (seed \(split.seed)\(split.stratified ? ", stratified" : ""))"
    }
}
