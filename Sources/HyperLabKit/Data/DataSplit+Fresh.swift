/// A fresh deal of a split's non-test rows, for `recheck fresh=yes`.
extension DataSplit {
    /// The same train and dev rows, shuffled from `seed` and dealt again into parts of the same
    /// sizes, standardized with the new train rows' statistics. The test part is not touched.
    ///
    /// Selection on one train/dev split fits its noise; rescoring on fresh deals shows how much.
    public func freshTrainDev(of dataset: Dataset, seed: Int) -> (train: Partition, dev: Partition,
                                                                   devIndices: [Int], standardizer: Standardizer) {
        var rows = trainIndices + devIndices
        var generator = SeededGenerator(seed: seed).derived("fresh split")
        IndexPermutation.shuffle(&rows, using: &generator)
        let train = Array(rows.prefix(trainIndices.count))
        let dev = Array(rows.dropFirst(trainIndices.count))
        let standardizer = Standardizer(fitting: dataset, rows: train)
        func partition(_ indices: [Int]) -> Partition {
            Partition(features: standardizer.standardized(dataset, rows: indices), targets: dataset.target.partitionTargets(indices))
        }
        return (partition(train), partition(dev), dev, standardizer)
    }
}
