/// Everything one training run owns: the network, the optimizer, the data in run buffers, the
/// batch buffers and the random streams, all created in `init`. `runEpoch` allocates nothing.
final class TrainingSession {
    /// How one epoch's pass over the training data ended.
    enum Pass {
        /// All mini-batches ran; `totals` sums their losses.
        case completed(Loss.Totals)
        /// The interruption was requested before the last mini-batch.
        case interrupted
        /// A mini-batch's loss was NaN or infinite.
        case diverged
    }

    let network: Network
    let optimizer: Optimizer
    let schedule: LearningRateSchedule
    let scaling: TargetScaling
    let train: PreparedPartition
    let dev: PreparedPartition?
    let batchSize: Int
    let ledger: BufferLedger
    /// The weights of the epoch the run reports (the last completed, or the best with patience).
    let checkpoint: FloatBuffer

    private let order: RunBuffer<Int>
    private let batchFeatures: FloatBuffer
    private let batchLabels: RunBuffer<Int32>
    private let batchTargets: FloatBuffer
    private var shuffleStream: SeededGenerator

    /// Mini-batches per epoch.
    var batchesPerEpoch: Int { (train.rows + batchSize - 1) / batchSize }

    /// A session for `configuration` on `train` (and `dev`, scored after each epoch, if given).
    /// - Throws: `TrainingError` for an unknown setting or unusable data.
    init(configuration: Configuration, train trainPartition: Partition, dev devPartition: Partition?,
         backend: any GEMMBackend) throws(TrainingError) {
        guard trainPartition.count > 0 else { throw .invalidData("the train part has no rows") }
        let task = trainPartition.task
        let classes: Int
        switch trainPartition.targets {
        case .classes(_, let k): classes = k
        case .values: classes = 1
        }
        if task == .classification, classes < 2 {
            throw .invalidData("classification needs at least 2 classes, the data has \(classes)")
        }
        let architecture = try Architecture(configuration: configuration, inputs: trainPartition.featureCount,
                                            task: task, classes: classes)
        let settings = try OptimizerSettings(configuration: configuration)
        guard let initialization = WeightInitialization(configurationName: configuration.initialization) else {
            throw .unknownSetting(key: "init", value: configuration.initialization, choices: ParameterCatalog.initializations)
        }
        schedule = try LearningRateSchedule(configuration: configuration)
        if case .values(let values) = trainPartition.targets {
            scaling = TargetScaling(fitting: values)
        } else {
            scaling = .identity
        }
        let ledger = BufferLedger()
        self.ledger = ledger
        train = try PreparedPartition(trainPartition, name: "train", columns: architecture.inputs, task: task,
                                      classes: classes, scaling: scaling, ledger: ledger)
        if let devPartition {
            dev = try PreparedPartition(devPartition, name: "dev", columns: architecture.inputs, task: task,
                                        classes: classes, scaling: scaling, ledger: ledger)
        } else {
            dev = nil
        }
        batchSize = max(1, min(configuration.batch, train.rows))
        let streams = SeededGenerator(seed: configuration.seed)
        shuffleStream = streams.derived("shuffle")
        let capacity = max(batchSize, min(256, max(train.rows, dev?.rows ?? 0)))
        network = Network(architecture: architecture, capacity: capacity, gemm: backend, ledger: ledger,
                          initStream: streams.derived("init"), initialization: initialization,
                          dropoutStream: streams.derived("dropout"))
        optimizer = Optimizer(settings: settings, count: architecture.parameterCount, ledger: ledger)
        checkpoint = FloatBuffer(count: architecture.parameterCount, ledger: ledger)
        checkpoint.copy(from: network.parameters)
        order = RunBuffer(count: train.rows, filledWith: 0, ledger: ledger)
        for i in 0..<train.rows { order.pointer[i] = i }
        batchFeatures = FloatBuffer(count: batchSize * architecture.inputs, ledger: ledger)
        batchLabels = RunBuffer(count: task == .classification ? batchSize : 0, filledWith: 0, ledger: ledger)
        batchTargets = FloatBuffer(count: task == .regression ? batchSize : 0, ledger: ledger)
    }

    /// Shuffles the training order (Fisher–Yates from the shuffle stream; bounded draws by
    /// Lemire's multiply-shift, so the order depends on the seed alone).
    private func shuffle() {
        let p = order.pointer
        var i = train.rows - 1
        while i > 0 {
            let j = Int(UInt64(i + 1).multipliedFullWidth(by: shuffleStream.next()).high)
            let t = p[i]; p[i] = p[j]; p[j] = t
            i -= 1
        }
    }

    /// One epoch (0-based `epoch`): shuffle, then for each mini-batch forward, loss, backward and
    /// an optimizer step at the schedule's rate. Checks `interruption` after every mini-batch and
    /// calls `afterBatch(batchesDone, lossTotalsSoFar, rowsSoFar)`.
    func runEpoch(_ epoch: Int, interruption: Interruption,
                  afterBatch: (Int, Loss.Totals, Int) -> Void) -> Pass {
        shuffle()
        let rate = schedule.rate(epoch: epoch)
        let columns = train.columns
        let classification = network.architecture.task == .classification
        var sum = Loss.Totals()
        var start = 0
        var batch = 0
        let batches = batchesPerEpoch
        while start < train.rows {
            let rows = min(batchSize, train.rows - start)
            let x = batchFeatures.pointer
            for i in 0..<rows {
                let source = order.pointer[start + i]
                (x + i * columns).update(from: train.features.pointer + source * columns, count: columns)
                if classification {
                    batchLabels.pointer[i] = train.labels.pointer[source]
                } else {
                    batchTargets.pointer[i] = train.targets.pointer[source]
                }
            }
            let output = network.forward(x, rows: rows, training: true)
            let part = classification
                ? Loss.softmaxCrossEntropy(logits: output, labels: batchLabels.pointer, rows: rows,
                                           classes: network.outputWidth, delta: network.outputDelta, scale: rows)
                : Loss.squaredError(predictions: output, targets: batchTargets.pointer, rows: rows,
                                    delta: network.outputDelta, scale: rows)
            guard part.finite else { return .diverged }
            network.backward(x, rows: rows)
            optimizer.step(parameters: network.parameters.pointer, gradients: network.gradients.pointer, rate: rate)
            sum.loss += part.loss
            sum.correct += part.correct
            start += rows
            batch += 1
            afterBatch(batch, sum, start)
            if batch < batches && interruption.isRequested { return .interrupted }
        }
        return .completed(sum)
    }

    /// Saves the current weights as the run's reported weights.
    func saveCheckpoint() { checkpoint.copy(from: network.parameters) }

    /// Puts the reported weights back into the network.
    func restoreCheckpoint() { network.parameters.copy(from: checkpoint) }

    /// The trained model as a value (the network's current weights).
    func model() -> TrainedModel {
        TrainedModel(architecture: network.architecture, parameters: network.parameters.array, scaling: scaling)
    }
}
