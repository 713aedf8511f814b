/// How a split chooses the dataset rows of each part.
extension DataSplit {
    static let partNames = ["train", "dev", "test"]

    /// Parts cut from one seeded permutation of all rows.
    static func plainParts(_ dataset: Dataset, fractions: SplitFractions,
                           generator: inout SeededGenerator) throws(DataError) -> [[Int]] {
        let n = dataset.rowCount
        let sizes = SplitFractions.apportion(n, fractions.all)
        if let empty = sizes.firstIndex(of: 0) {
            let key = partNames[empty]
            let needed = NumberText.canonical((1.0 / Double(n) * 100).rounded(.up) / 100)
            throw DataError(.emptyPart,
                            "the \(key) part would have no rows (\(key)=\(NumberText.canonical(fractions.all[empty])) of \(n) rows)",
                            hint: "raise \(key)= to at least \(needed), or use a dataset with more rows", key: key)
        }
        let permutation = IndexPermutation.shuffled(n, using: &generator)
        return [Array(permutation[0..<sizes[0]]),
                Array(permutation[sizes[0]..<(sizes[0] + sizes[1])]),
                Array(permutation[(sizes[0] + sizes[1])...])]
    }

    /// Parts made class by class: each class's rows are shuffled and cut in the split's
    /// proportions (at least one row per part), then each part is shuffled.
    static func stratifiedParts(_ dataset: Dataset, fractions: SplitFractions,
                                generator: inout SeededGenerator) throws(DataError) -> [[Int]] {
        guard case .classes(let labels, let names) = dataset.target else {
            throw DataError(.stratifyNeedsClasses, "stratify=yes needs class labels, and \(dataset.name) is a regression dataset",
                            hint: "leave out stratify=yes for regression", key: "stratify")
        }
        var byClass = [[Int]](repeating: [], count: names.count)
        for (row, label) in labels.enumerated() { byClass[label].append(row) }
        var parts = [[Int]](repeating: [], count: 3)
        for (k, rows) in byClass.enumerated() where !rows.isEmpty {
            if rows.count < 3 {
                throw DataError(.classTooSmall,
                                "class '\(names[k].excerpt)' has \(rows.count) row\(rows.count == 1 ? "" : "s"): too few to appear in train, dev and test",
                                hint: "a stratified split needs at least 3 rows per class; stratify=no shuffles all rows together",
                                key: "stratify")
            }
            var sizes = SplitFractions.apportion(rows.count, fractions.all)
            while let empty = sizes.firstIndex(of: 0), let largest = sizes.indices.max(by: { sizes[$0] < sizes[$1] }) {
                sizes[largest] -= 1
                sizes[empty] += 1
            }
            var shuffled = rows
            IndexPermutation.shuffle(&shuffled, using: &generator)
            parts[0] += shuffled[0..<sizes[0]]
            parts[1] += shuffled[sizes[0]..<(sizes[0] + sizes[1])]
            parts[2] += shuffled[(sizes[0] + sizes[1])...]
        }
        var order = generator.derived("order")
        for p in parts.indices { IndexPermutation.shuffle(&parts[p], using: &order) }
        return parts
    }
}
