import HyperLabKit

/// Every command of the language, declared once: `help`, validation and tab completion read it.
public enum CommandCatalog {
    /// All commands, in the order `help` lists them within each group.
    public static let all: [CommandSpec] = data + model + results + session

    private static let data: [CommandSpec] = [
        CommandSpec("datasets", recorded: false, group: .data,
                    summary: "list the built-in datasets with rows, features and task",
                    example: "datasets"),
        CommandSpec("load", arguments: [ArgumentSpec("NAME|\"FILE.csv\"", .dataset)],
                    options: generatedDatasetOptions + [
                        OptionSpec("target", .name, default: "required for CSV", "the target column of a CSV file"),
                        OptionSpec("task", .choice(LearningTask.allCases.map(\.rawValue)), default: "inferred",
                                   "classification or regression (CSV files)"),
                        OptionSpec("missing", .choice(MissingValuePolicy.allCases.map(\.rawValue)), default: "none",
                                   "empty numeric cells: none (an error) or mean (filled with the column mean)"),
                    ],
                    recorded: true, group: .data,
                    summary: "load a built-in dataset or a CSV file",
                    details: """
                    Built-in: iris, wine, breast-cancer, digits, diabetes (regression), and the generated 2-D \
                    sets moons, circles, spirals, xor, blobs (options n, noise, seed). A CSV file needs a header \
                    row and numeric feature columns; its target may be a class label or a number, and the task \
                    is inferred when task= is left out. Loading replaces the dataset and removes the split.
                    """,
                    example: "load \"measurements.csv\" target=species"),
        CommandSpec("show", "data", recorded: false, group: .data,
                    summary: "rows, features, task, class balance and per-feature statistics",
                    example: "show data"),
        CommandSpec("split",
                    options: [
                        OptionSpec("train", .real(0...1), default: "required", "fraction for training"),
                        OptionSpec("dev", .real(0...1), default: "required", "fraction for choosing hyperparameters"),
                        OptionSpec("test", .real(0...1), default: "required", "fraction locked away for the final look"),
                        OptionSpec("seed", .integer(0...Int.max), default: "0", "seed of the shuffle"),
                        OptionSpec("stratify", .boolean, default: "no", "keep class proportions in every part"),
                    ],
                    recorded: true, group: .data,
                    summary: "split into train, dev and test; standardize with train statistics",
                    details: """
                    Fractions must be positive and sum to 1. Features are standardized with the mean and \
                    standard deviation of the train part only. The test part is locked: only evaluate test \
                    opens it, and every look is counted.
                    """,
                    example: "split train=0.6 dev=0.2 test=0.2 seed=1 stratify=yes"),
    ]

    private static let model: [CommandSpec] = [
        CommandSpec("model", arguments: [ArgumentSpec("KIND", .parameter("model"))],
                    options: ["hidden", "layers", "units", "activation", "dropout"].map(OptionSpec.parameter),
                    recorded: true, group: .model,
                    summary: "choose the model: linear, or an MLP with its layers",
                    details: """
                    linear is softmax regression for classification and least squares for regression. \
                    mlp adds hidden layers; layers=N units=M is shorthand for hidden=[M,...,M].
                    """,
                    example: "model mlp hidden=[64,32] activation=relu dropout=0.1"),
        CommandSpec("optimizer", arguments: [ArgumentSpec("NAME", .parameter("optimizer"))],
                    options: ["lr", "momentum", "beta1", "beta2", "alpha", "eps", "weight_decay"].map(OptionSpec.parameter),
                    recorded: true, group: .model,
                    summary: "choose the optimizer and its settings",
                    details: """
                    As PyTorch defines them. weight_decay is an L2 term added to the gradient for sgd, \
                    momentum, nesterov, adam and rmsprop, and decoupled from it (applied to the weights \
                    directly) for adamw. Defaults: Adam with lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8.
                    """,
                    example: "optimizer adam lr=3e-4 weight_decay=1e-4"),
        CommandSpec("schedule", arguments: [ArgumentSpec("KIND", .parameter("schedule"))],
                    options: ["warmup", "step", "gamma"].map(OptionSpec.parameter),
                    recorded: true, group: .model,
                    summary: "the learning-rate schedule, applied per epoch",
                    details: """
                    constant keeps lr; step multiplies it by gamma every step epochs; exponential by gamma \
                    every epoch; cosine anneals it to 0 over the epochs. warmup=N ramps it up linearly first.
                    """,
                    example: "schedule cosine warmup=5"),
        CommandSpec("set", anyParameter: true, recorded: true, group: .model,
                    summary: "set any key of the configuration",
                    details: "show config lists every key with its value, default and origin.",
                    example: "set lr=0.01 epochs=30 batch=64"),
        CommandSpec("show", "config", recorded: false, group: .model,
                    summary: "every configuration key with its value, default and where it came from",
                    example: "show config"),
        CommandSpec("train", options: ["epochs", "batch", "seed", "patience"].map(OptionSpec.parameter),
                    recorded: true, group: .model,
                    summary: "train the current configuration on train, scoring dev after each epoch",
                    details: """
                    Options apply to this run only (set changes them for good). Mini-batches are shuffled \
                    every epoch; patience=N stops when the dev metric has not improved for N epochs and keeps \
                    the best epoch's weights. A run that diverges (NaN or infinite loss) is kept as failed. \
                    Ctrl-C stops after the current mini-batch and keeps the epochs done. Each run is kept as run N.
                    """,
                    example: "train epochs=50 patience=10"),
    ]

    private static let runReference = [
        ArgumentSpec("run", .choice(["run"]), optional: true),
        ArgumentSpec("N", .integer(1...Int.max), optional: true, repeating: true),
    ]

    private static let results: [CommandSpec] = [
        CommandSpec("plot", "curve", arguments: runReference, recorded: false, group: .results,
                    summary: "learning curves: train and dev loss, and the dev metric, per epoch",
                    details: "Without a run number, the latest run. Several runs overlay their dev curves.",
                    example: "plot curve run 1 2"),
        CommandSpec("plot", "boundary", arguments: runReference, recorded: false, group: .results,
                    summary: "the decision regions of a trained model on a 2-D dataset, dev points on top",
                    example: "plot boundary"),
        CommandSpec("runs", recorded: false, group: .results,
                    summary: "the training runs of this session with their outcome and final metrics",
                    example: "runs"),
        CommandSpec("evaluate", "test", recorded: true, group: .results,
                    summary: "train the current configuration on train+dev and score it on the locked test part",
                    details: """
                    The one honest estimate of how the chosen configuration does on new data. Every look at the \
                    test part is counted; from the second look on, the score comes with a warning: choosing by \
                    test score overfits the test set just as tuning on dev overfits dev.
                    """,
                    example: "evaluate test"),
    ]

    private static let session: [CommandSpec] = [
        CommandSpec("help", arguments: [ArgumentSpec("COMMAND", .anyWord, optional: true)],
                    recorded: false, group: .session,
                    summary: "list the commands, or show one command's syntax, options and an example",
                    example: "help split"),
        CommandSpec("history", recorded: false, group: .session,
                    summary: "the commands of this session that changed the workbench",
                    example: "history"),
        CommandSpec("save", "session", arguments: [ArgumentSpec("NAME", .name)],
                    options: [OptionSpec("force", .boolean, default: "no", "overwrite an existing file")],
                    recorded: false, group: .session,
                    summary: "write this session's commands to sessions/NAME.hlab, a script that replays it",
                    details: "A bare NAME goes to sessions/NAME.hlab; a path in quotes is written as given.",
                    example: "save session first"),
        CommandSpec("replay", arguments: [ArgumentSpec("\"FILE.hlab\"", .text)],
                    options: [OptionSpec("step", .boolean, default: "no", "wait for Enter before each command")],
                    recorded: false, group: .session,
                    summary: "run a script inside the shell",
                    example: "replay \"sessions/first.hlab\" step=yes"),
        CommandSpec("say", arguments: [ArgumentSpec("\"TEXT\"", .text)], recorded: false, group: .session,
                    summary: "print narration (tutorials)",
                    example: "say \"Now we split the data.\""),
        CommandSpec("pause", recorded: false, group: .session,
                    summary: "wait for Enter when interactive; do nothing in a script run",
                    example: "pause"),
        CommandSpec("reset", recorded: true, group: .session,
                    summary: "back to an empty workbench",
                    example: "reset"),
        CommandSpec("quit", recorded: false, group: .session, summary: "leave the shell (Ctrl-D too)", example: "quit"),
        CommandSpec("exit", recorded: false, group: .session, summary: "leave the shell (Ctrl-D too)", example: "exit"),
    ]

    /// The options of the generated datasets (n, noise, seed, classes), declared by the data layer;
    /// each dataset checks its own ranges and defaults.
    private static let generatedDatasetOptions: [OptionSpec] = {
        var seen = Set<String>()
        return BuiltinDatasets.catalogue.flatMap(\.options).filter { seen.insert($0.name).inserted }.map { option in
            let owners = BuiltinDatasets.catalogue.filter { $0.option(option.name) != nil }.map(\.name)
            return OptionSpec(option.name, .number(option.kind), default: "per dataset",
                              "\(option.summary) (\(owners.joined(separator: ", ")))")
        }
    }()

    /// The distinct command words, in catalogue order.
    public static let names: [String] = {
        var seen = Set<String>()
        return all.map(\.name).filter { seen.insert($0).inserted }
    }()

    /// The declarations whose command word is `name`.
    public static func specs(named name: String) -> [CommandSpec] {
        all.filter { $0.name == name }
    }
}
