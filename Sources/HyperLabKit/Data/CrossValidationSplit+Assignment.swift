/// How a cross-validation split chooses its test rows and deals the other rows into folds.
extension CrossValidationSplit {
    /// The rows outside the test part and the test rows, as dataset row indices.
    typealias HoldOut = (development: [Int], test: [Int])

    /// The last rows of one seeded permutation of all rows are the test part (as in `DataSplit`).
    static func plainHoldOut(_ dataset: Dataset, test: Double, folds: Int,
                             generator: inout SeededGenerator) throws(DataError) -> HoldOut {
        let n = dataset.rowCount
        let sizes = SplitFractions.apportion(n, [1 - test, test])
        if sizes[1] == 0 {
            let needed = NumberText.canonical((1.0 / Double(n) * 100).rounded(.up) / 100)
            throw DataError(.emptyPart, "the test part would have no rows (test=\(NumberText.canonical(test)) of \(n) rows)",
                            hint: "raise test= to at least \(needed), or use a dataset with more rows", key: "test")
        }
        if sizes[0] < folds {
            throw DataError(.emptyPart,
                            "cv=\(folds) needs at least \(folds) rows outside the test part, and there \(sizes[0] == 1 ? "is 1" : "are \(sizes[0])")",
                            hint: "lower cv= or test=, or use a dataset with more rows", key: "cv")
        }
        let permutation = IndexPermutation.shuffled(n, using: &generator)
        var held = Array(permutation[sizes[0]...])
        var order = generator.derived("order")
        IndexPermutation.shuffle(&held, using: &order)
        return (Array(permutation[0..<sizes[0]]), held)
    }

    /// Each class's rows are shuffled and their last rows go to the test part, in the test
    /// proportion but at least one per class, leaving at least `folds` rows per class.
    static func stratifiedHoldOut(_ dataset: Dataset, test: Double, folds: Int,
                                  generator: inout SeededGenerator) throws(DataError) -> HoldOut {
        guard case .classes(let labels, let names) = dataset.target else {
            throw DataError(.stratifyNeedsClasses, "stratify=yes needs class labels, and \(dataset.name) is a regression dataset",
                            hint: "leave out stratify=yes for regression", key: "stratify")
        }
        var byClass = [[Int]](repeating: [], count: names.count)
        for (row, label) in labels.enumerated() { byClass[label].append(row) }
        var development = [Int](), held = [Int]()
        for (k, rows) in byClass.enumerated() where !rows.isEmpty {
            if rows.count < folds + 1 {
                throw DataError(.classTooSmall,
                                "class '\(names[k].excerpt)' has \(rows.count) row\(rows.count == 1 ? "" : "s"): too few for a test row and one row in each of \(folds) folds",
                                hint: "stratified cross-validation with cv=\(folds) needs at least \(folds + 1) rows per class; lower cv=, or use stratify=no",
                                key: "cv")
            }
            var sizes = SplitFractions.apportion(rows.count, [1 - test, test])
            if sizes[1] == 0 { sizes = [rows.count - 1, 1] }
            if sizes[0] < folds { sizes = [folds, rows.count - folds] }
            var shuffled = rows
            IndexPermutation.shuffle(&shuffled, using: &generator)
            development += shuffled[0..<sizes[0]]
            held += shuffled[sizes[0]...]
        }
        var order = generator.derived("order")
        IndexPermutation.shuffle(&held, using: &order)
        return (development, held)
    }

    /// Rows `0..<development.rowCount` dealt into `count` folds: shuffled (class by class when
    /// stratified), then handed out in turn, fold 0, 1, …, K−1, 0, …, the turn carrying over from
    /// one class to the next; each fold is then shuffled so its classes are mixed.
    static func dealFolds(_ development: Dataset, count: Int, stratified: Bool,
                          generator: inout SeededGenerator) -> [[Int]] {
        var groups: [[Int]]
        if stratified, case .classes(let labels, let names) = development.target {
            groups = [[Int]](repeating: [], count: names.count)
            for (row, label) in labels.enumerated() { groups[label].append(row) }
        } else {
            groups = [Array(0..<development.rowCount)]
        }
        var folds = [[Int]](repeating: [], count: count)
        var turn = 0
        for var group in groups {
            IndexPermutation.shuffle(&group, using: &generator)
            for row in group {
                folds[turn].append(row)
                turn = (turn + 1) % count
            }
        }
        var order = generator.derived("order")
        for k in folds.indices { IndexPermutation.shuffle(&folds[k], using: &order) }
        return folds
    }

    /// The rows `rows` of `dataset` as a dataset of their own (same features, names and source).
    static func subset(_ dataset: Dataset, rows: [Int]) -> Dataset {
        let target: DatasetTarget
        switch dataset.target {
        case .classes(let labels, let names): target = .classes(labels: rows.map { labels[$0] }, names: names)
        case .values(let values): target = .values(rows.map { values[$0] })
        }
        let width = dataset.featureCount
        var missingCounts = [Int](repeating: 0, count: width)
        var missingCells = Set<Int>()
        for (i, r) in rows.enumerated() {
            for f in 0..<width where dataset.isMissing(row: r, feature: f) {
                missingCells.insert(i * width + f)
                missingCounts[f] += 1
            }
        }
        return Dataset(name: dataset.name, featureNames: dataset.featureNames,
                       features: rows.flatMap { dataset.row($0) }, target: target,
                       missingCounts: missingCounts, missingCells: missingCells, source: dataset.source,
                       textColumns: dataset.textColumns.map { $0.subset(rows: rows) }, report: dataset.report)
    }
}
