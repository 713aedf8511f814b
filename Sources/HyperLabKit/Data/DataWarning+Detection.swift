/// Finding the warnings of a dataset (at `load`) and of a split (at `split`).
extension DataWarning {
    /// The warnings about a loaded dataset: duplicate rows, constant columns, rare classes and a
    /// count-like target, in that order.
    public static func load(_ dataset: Dataset) -> [DataWarning] {
        var warnings = [DataWarning]()
        let keys = RowKey.all(of: dataset)
        var seen = Set<RowKey>()
        let duplicates = keys.reduce(0) { $0 + (seen.insert($1).inserted ? 0 : 1) }
        if duplicates > 0 { warnings.append(.duplicateRows(count: duplicates, rows: dataset.rowCount)) }
        let constant = constantColumns(dataset)
        if !constant.isEmpty { warnings.append(.constantColumns(constant)) }
        if let names = dataset.classNames, let counts = dataset.target.classCounts {
            let rare = counts.indices.filter { counts[$0] < rareClassRows }
            if !rare.isEmpty { warnings.append(.rareClasses(names: rare.map { names[$0] }, counts: rare.map { counts[$0] })) }
            if dataset.report.taskInferred, names.count >= countLikeClasses,
               names.allSatisfy({ Int($0) != nil }), let target = dataset.source.targetColumn {
                warnings.append(.countLikeTarget(column: target, classes: names.count,
                                                 lowest: names.first ?? "", highest: names.last ?? ""))
            }
        }
        return warnings
    }

    /// The warnings about a train/dev/test split: rows shared between parts, more inputs than
    /// training rows, small dev and test parts.
    public static func split(_ split: DataSplit, of dataset: Dataset) -> [DataWarning] {
        let keys = RowKey.all(of: dataset)
        let train = Set(split.trainIndices.map { keys[$0] })
        var warnings = [DataWarning]()
        let devShared = split.devIndices.filter { train.contains(keys[$0]) }.count
        if devShared > 0 { warnings.append(.sharedRows(part: "dev", count: devShared, partRows: split.sizes.dev, earlier: "train")) }
        let earlier = train.union(split.devIndices.map { keys[$0] })
        let testShared = split.testIndices.filter { earlier.contains(keys[$0]) }.count
        if testShared > 0 { warnings.append(.sharedRows(part: "test", count: testShared, partRows: split.sizes.test, earlier: "train or dev")) }
        if split.featureNames.count > split.sizes.train {
            warnings.append(.moreFeaturesThanRows(features: split.featureNames.count, trainRows: split.sizes.train))
        }
        for (part, rows) in [("dev", split.sizes.dev), ("test", split.sizes.test)] where rows < smallPartRows {
            warnings.append(smallPart(part, rows: rows, task: dataset.task))
        }
        return warnings
    }

    /// The warnings about a cross-validation split: test rows shared with the folds, more inputs
    /// than the rows one fold trains on, small dev folds, a small test part.
    public static func split(_ cv: CrossValidationSplit, of dataset: Dataset) -> [DataWarning] {
        let keys = RowKey.all(of: dataset)
        let development = Set(cv.developmentIndices.map { keys[$0] })
        var warnings = [DataWarning]()
        let shared = cv.testIndices.filter { development.contains(keys[$0]) }.count
        if shared > 0 {
            warnings.append(.sharedRows(part: "test", count: shared, partRows: cv.testIndices.count, earlier: "the folds"))
        }
        let trainRows = cv.developmentIndices.count - (cv.foldIndices.map(\.count).max() ?? 0)
        if cv.featureNames.count > trainRows {
            warnings.append(.moreFeaturesThanRows(features: cv.featureNames.count, trainRows: trainRows))
        }
        if let smallest = cv.foldSizes.min(), let largest = cv.foldSizes.max(), smallest < smallPartRows {
            let all = cv.developmentIndices.count
            let classes = dataset.task == .classification
            warnings.append(.smallFolds(folds: cv.foldCount, smallest: smallest, largest: largest, allRows: all,
                                        standardError: classes ? (0.25 / Double(smallest)).squareRoot() : nil,
                                        meanError: classes ? (0.25 / Double(all)).squareRoot() : nil))
        }
        if cv.testIndices.count < smallPartRows {
            warnings.append(smallPart("test", rows: cv.testIndices.count, task: dataset.task))
        }
        return warnings
    }

    /// A small-part warning, with the binomial standard error at p = 0.5 for classification.
    static func smallPart(_ part: String, rows: Int, task: LearningTask) -> DataWarning {
        .smallPart(part: part, rows: rows,
                   standardError: task == .classification ? (0.25 / Double(rows)).squareRoot() : nil)
    }

    /// Names of the feature columns (numeric and text) with one value in every row.
    static func constantColumns(_ dataset: Dataset) -> [String] {
        guard dataset.rowCount > 1 else { return [] }
        var names = [String]()
        for f in 0..<dataset.featureCount {
            let first = dataset.value(row: 0, feature: f)
            if dataset.missingCounts[f] == 0, (1..<dataset.rowCount).allSatisfy({ dataset.value(row: $0, feature: f) == first }) {
                names.append(dataset.featureNames[f])
            }
        }
        for column in dataset.textColumns where Set(column.codes).count == 1 {
            names.append(column.name)
        }
        return names
    }
}

/// One row's used cells and target, exactly, for finding repeated rows.
struct RowKey: Hashable {
    /// Bit patterns of the numeric cells (missing cells as all ones), text codes, then the target.
    let bits: [UInt64]

    /// The key of every row of `dataset`, in row order.
    static func all(of dataset: Dataset) -> [RowKey] {
        (0..<dataset.rowCount).map { r in
            var bits = [UInt64]()
            bits.reserveCapacity(dataset.columnCount + 1)
            for f in 0..<dataset.featureCount {
                let value = dataset.value(row: r, feature: f)
                // 0 and −0 are the same cell value.
                bits.append(dataset.isMissing(row: r, feature: f) ? UInt64.max : (value == 0 ? 0 : value).bitPattern)
            }
            for column in dataset.textColumns { bits.append(UInt64(bitPattern: Int64(column.codes[r]))) }
            switch dataset.target {
            case .classes(let labels, _): bits.append(UInt64(labels[r]))
            case .values(let values): bits.append((values[r] == 0 ? 0 : values[r]).bitPattern)
            }
            return RowKey(bits: bits)
        }
    }
}
