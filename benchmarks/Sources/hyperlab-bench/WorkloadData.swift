import HyperLabKit

/// The train and dev parts of one benchmark workload, and their exchange with the Python peers
/// through `.npy` files (`NAME_x_train.npy`, `NAME_y_train.npy`, `NAME_x_dev.npy`, `NAME_y_dev.npy`:
/// float32 features, int32 class labels).
struct WorkloadData {
    /// The rows the networks train on.
    let train: Partition
    /// The held-out rows scored once after training (or after every epoch in the dev-scored variant).
    let dev: Partition
    /// Number of classes.
    let classCount: Int

    /// The four file paths for workload `name` in `folder`.
    static func paths(_ name: String, in folder: String) -> (xTrain: String, yTrain: String, xDev: String, yDev: String) {
        ("\(folder)/\(name)_x_train.npy", "\(folder)/\(name)_y_train.npy",
         "\(folder)/\(name)_x_dev.npy", "\(folder)/\(name)_y_dev.npy")
    }

    /// Writes the data as `.npy` files for workload `name` into `folder`.
    /// - Throws: `BenchError.file` when a file cannot be written.
    func save(_ name: String, in folder: String) throws(BenchError) {
        let p = WorkloadData.paths(name, in: folder)
        for (part, x, y) in [(train, p.xTrain, p.yTrain), (dev, p.xDev, p.yDev)] {
            try NPYFile.write(.float32(part.features.storage), shape: [part.count, part.featureCount], to: x)
            try NPYFile.write(.int32(WorkloadData.labels(part)), shape: [part.count], to: y)
        }
    }

    /// Reads the files `save` wrote for workload `name` from `folder`.
    /// - Throws: `BenchError` when a file is missing or malformed.
    static func load(_ name: String, from folder: String) throws(BenchError) -> WorkloadData {
        let p = paths(name, in: folder)
        let train = try partition(x: p.xTrain, y: p.yTrain)
        let dev = try partition(x: p.xDev, y: p.yDev)
        guard train.featureCount == dev.featureCount else {
            throw .malformed(path: p.xDev, why: "\(dev.featureCount) columns, train has \(train.featureCount)")
        }
        let classCount = Int((labels(train) + labels(dev)).max() ?? 0) + 1
        func withClasses(_ part: Partition) -> Partition {
            Partition(features: part.features, targets: .classes(labels(part), classCount: classCount))
        }
        return WorkloadData(train: withClasses(train), dev: withClasses(dev), classCount: classCount)
    }

    private static func labels(_ part: Partition) -> [Int32] {
        if case .classes(let labels, _) = part.targets { return labels }
        return []
    }

    private static func partition(x xPath: String, y yPath: String) throws(BenchError) -> Partition {
        let (xValues, xShape) = try NPYFile.read(xPath)
        let (yValues, yShape) = try NPYFile.read(yPath)
        guard case .float32(let features) = xValues, xShape.count == 2 else {
            throw .malformed(path: xPath, why: "features must be a 2-D float32 array")
        }
        guard case .int32(let labels) = yValues, yShape == [xShape[0]] else {
            throw .malformed(path: yPath, why: "labels must be a 1-D int32 array with one label per feature row")
        }
        guard xShape[0] > 0 else { throw .malformed(path: xPath, why: "no rows") }
        if let bad = labels.first(where: { $0 < 0 }) {
            throw .malformed(path: yPath, why: "negative class label \(bad)")
        }
        let classCount = Int(labels.max() ?? 0) + 1
        return Partition(features: Matrix(rows: xShape[0], columns: xShape[1], storage: features),
                         targets: .classes(labels, classCount: classCount))
    }
}
