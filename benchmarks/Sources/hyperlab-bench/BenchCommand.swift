import Foundation
import HyperLabKit

/// The `hyperlab-bench` command line: parses the arguments and runs one subcommand, printing
/// machine-readable result lines `IMPLEMENTATION WORKLOAD METRIC VALUE` (comments start with `#`).
enum BenchCommand {
    static let usage = """
        hyperlab-bench prepare DIR
            write both workloads' train/dev data as .npy files into DIR (for the Python peers)
        hyperlab-bench training digits|synthetic [--data DIR] [--repeats N] [--mode train_only|dev_scored_each_epoch|both] [--init he|glorot|torch]
            time HyperLab's training (median of N runs after one warm-up); with --data, read the
            data `prepare` wrote, else build it in memory (the same bytes)
        hyperlab-bench gemm [N | MxKxN ...]
            GFLOP/s of the GEMM backend, one thread (default: 256 512 1024 and the workloads' shapes)
        """ + "\n" + SamplerCommand.usage + "\n" + StoreBenchmark.usage + "\n" + FuzzCommand.usage

    /// Runs the subcommand in `arguments` (without the program name); returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        do {
            return try dispatch(arguments) ? 0 : 1
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            return 2
        }
    }

    /// Runs the subcommand; false when it found faults (a fuzz pass with crashes or hangs).
    private static func dispatch(_ arguments: [String]) throws(BenchError) -> Bool {
        guard let command = arguments.first else { throw .usage("no subcommand given\n" + usage) }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "help", "--help", "-h":
            print(usage)
        case "prepare":
            guard rest.count == 1 else { throw .usage("prepare takes one folder\n" + usage) }
            try prepare(folder: rest[0])
        case "training":
            try training(rest)
        case "gemm":
            try gemm(rest)
        case "samplers":
            try SamplerCommand.run(rest)
        case "store":
            try StoreBenchmark.run(rest)
        case "fuzz":
            return try FuzzCommand.run(rest)
        default:
            throw .usage("unknown subcommand '\(command)'\n" + usage)
        }
        return true
    }

    private static func prepare(folder: String) throws(BenchError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .file(path: folder, why: "cannot create the folder (\(error.localizedDescription))")
        }
        for workload in Workload.allCases {
            let data = try workload.makeData()
            try data.save(workload.rawValue, in: folder)
            print("# \(workload.rawValue): train \(data.train.count)×\(data.train.featureCount), dev \(data.dev.count), \(data.classCount) classes → \(folder)")
        }
    }

    private static func training(_ arguments: [String]) throws(BenchError) {
        guard let name = arguments.first, let workload = Workload(rawValue: name) else {
            throw .usage("training takes a workload: " + Workload.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var folder: String?
        var repeats = workload.defaultRepeats
        var modes: [TrainingBenchmark.Mode] = [.trainOnly, .devScoredEachEpoch]
        var initialization = "he"
        var rest = arguments.dropFirst()
        while let option = rest.popFirst() {
            guard let value = rest.popFirst() else { throw .usage("\(option) needs a value") }
            switch option {
            case "--data":
                folder = value
            case "--init":
                guard ParameterCatalog.initializations.contains(value) else {
                    throw .usage("--init takes " + ParameterCatalog.initializations.joined(separator: ", "))
                }
                initialization = value
            case "--repeats":
                guard let n = Int(value), (1...1000).contains(n) else { throw .usage("--repeats takes a whole number from 1 to 1000") }
                repeats = n
            case "--mode":
                if value == "both" {
                    modes = [.trainOnly, .devScoredEachEpoch]
                } else if let mode = TrainingBenchmark.Mode(rawValue: value) {
                    modes = [mode]
                } else {
                    throw .usage("--mode takes train_only, dev_scored_each_epoch or both")
                }
            default:
                throw .usage("unknown option '\(option)' for training")
            }
        }
        let data: WorkloadData
        if let folder {
            data = try WorkloadData.load(name, from: folder)
        } else {
            data = try workload.makeData()
        }
        print("# hyperlab \(name): train \(data.train.count)×\(data.train.featureCount), dev \(data.dev.count), hidden \(workload.hidden), batch \(workload.batch), \(workload.epochs) epochs, Adam lr 1e-3, one thread")
        for mode in modes {
            let m = try TrainingBenchmark.measure(workload, data: data, mode: mode, repeats: repeats,
                                                  initialization: initialization)
            let suffix = initialization == "he" ? "" : "_init_\(initialization)"
            let label = (mode == .trainOnly ? name : "\(name)_dev_scored_each_epoch") + suffix
            print("hyperlab \(label) samples_per_s \(Int(m.samplesPerSecond.rounded()))")
            print("hyperlab \(label) samples_per_s_best \(Int(m.bestSamplesPerSecond.rounded()))")
            print("hyperlab \(label) seconds_median \(String(format: "%.4f", m.medianSeconds))")
            print("hyperlab \(label) seconds_all \(m.seconds.map { String(format: "%.4f", $0) }.joined(separator: ","))")
            print("hyperlab \(label) dev_acc_mean \(String(format: "%.4f", m.meanDevAccuracy))")
        }
    }

    private static func gemm(_ arguments: [String]) throws(BenchError) {
        var shapes: [GEMMBenchmark.Shape] = []
        for text in arguments.isEmpty ? GEMMBenchmark.defaultShapes : arguments {
            guard let shape = GEMMBenchmark.Shape(text), shape.m * shape.k * shape.n <= 1 << 33 else {
                throw .usage("gemm takes sizes N or MxKxN (positive, at most 2048³), not '\(text)'")
            }
            shapes.append(shape)
        }
        for shape in shapes {
            print("hyperlab gemm_\(shape) gflops \(String(format: "%.1f", GEMMBenchmark.gflops(shape)))")
        }
    }
}
