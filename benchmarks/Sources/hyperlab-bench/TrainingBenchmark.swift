import HyperLabKit

/// Times HyperLab's training of one workload through the public `Trainer` API.
///
/// What one timed run covers, in both modes: building the run (copying the data into run
/// buffers, He initialization of the weights, the optimizer's state), then `epochs` epochs of
/// shuffling, forward pass, softmax cross-entropy, backward pass and Adam step for every
/// mini-batch, then scoring. The two modes differ in the scoring only:
/// - `.trainOnly`: one scoring of the dev rows after the last epoch (`Trainer.trainAndTest`
///   with an empty dev part and the dev rows as its test part). The peers do the same.
/// - `.devScoredEachEpoch`: the shell's `train` path (`Trainer.train(on:dev:)`), which scores
///   the dev rows after every epoch.
/// Throughput counts training rows × epochs per second of the whole run; data preparation
/// (reading, standardizing) is outside the clock for HyperLab and the peers alike.
enum TrainingBenchmark {
    /// Which scoring the timed run includes.
    enum Mode: String {
        /// One dev scoring after the last epoch.
        case trainOnly = "train_only"
        /// Dev scored after every epoch (the shell's `train`).
        case devScoredEachEpoch = "dev_scored_each_epoch"
    }

    /// The timings of one workload's repetitions.
    struct Measurement {
        /// Wall-clock seconds of each timed run.
        let seconds: [Double]
        /// Training rows × epochs of one run.
        let samplesPerRun: Int
        /// Dev accuracy of each timed run after its last epoch.
        let devAccuracies: [Double]

        /// Median seconds per run.
        var medianSeconds: Double { Statistics.median(seconds) }
        /// Training samples per second at the median run time.
        var samplesPerSecond: Double { Double(samplesPerRun) / medianSeconds }
        /// Training samples per second of the fastest run (the least disturbed on a shared machine).
        var bestSamplesPerSecond: Double { Double(samplesPerRun) / (seconds.min() ?? .infinity) }
        /// Mean dev accuracy over the runs.
        var meanDevAccuracy: Double { devAccuracies.reduce(0, +) / Double(max(devAccuracies.count, 1)) }
    }

    /// Runs `workload` once untimed (warm-up), then `repeats` timed runs with seeds 1…repeats.
    /// - Throws: `BenchError.training` when a run is refused or does not complete every epoch.
    static func measure(_ workload: Workload, data: WorkloadData, mode: Mode,
                        repeats: Int, initialization: String = "he") throws(BenchError) -> Measurement {
        _ = try run(workload, data: data, mode: mode, seed: 0, initialization: initialization)
        var seconds: [Double] = []
        var accuracies: [Double] = []
        for seed in 1...max(repeats, 1) {
            let (time, accuracy) = try Statistics.timed { () throws(BenchError) -> Double in
                try run(workload, data: data, mode: mode, seed: seed, initialization: initialization)
            }
            seconds.append(time)
            accuracies.append(accuracy)
        }
        return Measurement(seconds: seconds, samplesPerRun: data.train.count * workload.epochs,
                           devAccuracies: accuracies)
    }

    /// One complete training run; returns the dev accuracy after the last epoch.
    private static func run(_ workload: Workload, data: WorkloadData, mode: Mode,
                            seed: Int, initialization: String) throws(BenchError) -> Double {
        let trainer = Trainer(configuration: try workload.configuration(seed: seed, initialization: initialization))
        let run: TrainingRun
        let accuracy: Double?
        do {
            switch mode {
            case .trainOnly:
                let evaluation = try trainer.trainAndTest(on: data.train, test: data.dev)
                run = evaluation.run
                accuracy = evaluation.scores.accuracy
            case .devScoredEachEpoch:
                run = try trainer.train(on: data.train, dev: data.dev)
                accuracy = run.metrics[MetricName.devAccuracy]
            }
        } catch {
            throw .training("\(workload.rawValue): \(error.message)")
        }
        guard run.outcome == .completed, run.epochs.count == workload.epochs, let accuracy else {
            throw .training("\(workload.rawValue) seed \(seed): \(run.outcome) after \(run.epochs.count) of \(workload.epochs) epochs")
        }
        return accuracy
    }
}
