/// Why a benchmark could not run: a bad command line, unreadable or malformed data files, or a
/// training run that did not complete. Each error has a one-line message and a hint.
enum BenchError: Error, Sendable, CustomStringConvertible {
    /// The command line is not one `hyperlab-bench` understands.
    case usage(String)
    /// A data file could not be read or written.
    case file(path: String, why: String)
    /// A data file's contents are not what the benchmark wrote.
    case malformed(path: String, why: String)
    /// The bundled dataset could not be loaded.
    case dataset(String)
    /// The learning engine refused the workload or the run did not finish all its epochs.
    case training(String)

    /// The one-line message.
    var message: String {
        switch self {
        case .usage(let why): "usage: \(why)"
        case .file(let path, let why): "\(path): \(why)"
        case .malformed(let path, let why): "\(path): not a benchmark data file: \(why)"
        case .dataset(let why): "cannot load the dataset: \(why)"
        case .training(let why): "training failed: \(why)"
        }
    }

    /// What to do about it.
    var hint: String {
        switch self {
        case .usage: "run `hyperlab-bench help` for the subcommands"
        case .file: "check that the folder exists and is writable; `hyperlab-bench prepare DIR` writes the files"
        case .malformed: "write the files again with `hyperlab-bench prepare DIR`"
        case .dataset: "the digits table ships with HyperLabKit; rebuild the package if it is missing"
        case .training: "the workloads use fixed settings; a failure here is a bug in the learning engine"
        }
    }

    /// The message and the hint, as printed on standard error.
    var description: String { "hyperlab-bench: \(message)\nhint: \(hint)" }
}
