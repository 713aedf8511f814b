import HyperLabKit

/// Every command of the language, declared once: `help`, validation and tab completion read it.
public enum CommandCatalog {
    /// All commands, in the order `help` lists them within each group.
    public static let all: [CommandSpec] = data + model + sweeps + objectives + studies + results + session

    /// Every option key some command declares, and every configuration key and alias.
    static let optionKeys: Set<String> = Set(all.flatMap { $0.options.map(\.key) })
        .union(ParameterCatalog.names).union(ParameterCatalog.aliases.keys)

    private static let data: [CommandSpec] = [
        CommandSpec(.datasets, recorded: false, group: .data,
                    summary: "list the built-in datasets with rows, features and task",
                    example: "datasets"),
        CommandSpec(.load, arguments: [ArgumentSpec("NAME|\"FILE.csv\"", .dataset)],
                    options: generatedDatasetOptions + [
                        OptionSpec("target", .name, default: .described("required for CSV"),
                                   "the target column of a CSV file or of penguins (species unless given)"),
                        OptionSpec("task", .choice(LearningTask.allCases.map(\.rawValue)), default: .described("inferred"),
                                   "classification or regression (CSV files, penguins)"),
                        OptionSpec("missing", .choice(MissingValuePolicy.optionWords), default: .word("error"),
                                   "empty numeric cells: error (none), drop (leave the rows out), or filled with the train part's mean, median or most_frequent value"),
                        OptionSpec("drop", .columns, default: .described("none"), "columns to leave out: drop=[name, ticket]"),
                        OptionSpec("features", .columns, default: .described("all but the target"), "the only columns to use: features=[age, fare]"),
                        OptionSpec("keep", .columns, default: .described("none"), "columns to use although they look like identifiers: keep=[id]"),
                        OptionSpec("text", .choice(TextEncoding.allCases.map(\.rawValue)), default: .word("onehot"),
                                   "text columns: onehot (a 0/1 column per train category) or ordinal (the category's rank)"),
                        OptionSpec("max_categories", .integer(2...1_000_000), default: .integer(CSVColumnOptions.defaultMaxCategories),
                                   "the most distinct values a text column may have"),
                        OptionSpec("missing_indicators", .boolean, default: .boolean(false),
                                   "yes: a 0/1 column NAME_missing per feature with empty cells in the train part (with missing=mean, median or most_frequent)"),
                        OptionSpec("max_classes", .integer(2...100_000_000), default: .integer(CSVLoadLimits.defaultMaxClasses),
                                   "the most classes a classification target may have"),
                        OptionSpec("max_field", .integer(1...1_073_741_824), default: .integer(CSVLoadLimits.defaultMaxField),
                                   "the longest cell of a CSV file, in bytes (64 KiB)"),
                        OptionSpec("max_line", .integer(1...1_073_741_824), default: .integer(CSVLoadLimits.defaultMaxLine),
                                   "the longest row of a CSV file, in bytes (1 MiB)"),
                    ],
                    recorded: true, group: .data,
                    summary: "load a built-in dataset or a CSV file",
                    details: """
                    Built-in: iris, wine, breast-cancer, digits, diabetes (regression), the raw table penguins, \
                    and the generated 2-D sets moons, circles, spirals, xor, blobs (options n, noise, seed). A \
                    CSV file needs a header row and target=; the target may be a class label or a number, and \
                    the task is inferred when task= is left out. penguins (CC0, palmerpenguins) is read as a \
                    CSV file is and takes the same options; its target is species unless target= names \
                    another, and its empty cells need a missing= choice. Every other column is a feature, \
                    unless drop= leaves it out or features= lists the columns to use. Identifier columns are \
                    left out with a note (a first column that is unnamed or named rownames, index, id or \
                    Unnamed: 0; text with a different value in every row; the numbers 1…n or 0…n−1); keep= \
                    uses one anyway. A text column is encoded with the categories of the train part only \
                    (text=onehot: one 0/1 column per category and one for a missing cell, a category unseen in \
                    train is all zeros; text=ordinal: the category's rank); one with more than max_categories \
                    values is refused. Rows with a missing target are left out with a note. missing= says what \
                    to do with other empty cells (NA, NaN, null, ?, or nothing): error stops at the first, \
                    drop leaves such rows out, mean, median and most_frequent fill each with a statistic of \
                    the train part; missing_indicators=yes then adds a 0/1 column NAME_missing for each \
                    feature with empty cells in the train part (show data lists them). A file is read in chunks, and the load stops \
                    at the first NUL byte (binary data, not text), cell longer than max_field= bytes or row \
                    longer than max_line= bytes, naming its line; a classification target may have at most \
                    max_classes= classes. Ctrl-C stops a load and keeps the previous dataset. Loading \
                    replaces the dataset and removes the split.
                    """,
                    example: "load \"measurements.csv\" target=species"),
        CommandSpec(.showData, recorded: false, group: .data,
                    summary: "rows, features, task, class balance and per-feature statistics",
                    example: "show data"),
        CommandSpec(.split,
                    options: [
                        OptionSpec("train", .real(0...1), default: .described("—"), "fraction for training (fixed split)"),
                        OptionSpec("dev", .real(0...1), default: .described("—"), "fraction for choosing hyperparameters (fixed split)"),
                        OptionSpec("test", .real(0...1), default: .required, "fraction locked away for the final look"),
                        OptionSpec("cv", .integer(2...20), default: .described("—"), "K-fold cross-validation on the non-test rows instead"),
                        OptionSpec("seed", .integer(0...Int.max), default: .integer(0), "seed of the shuffle"),
                        OptionSpec("stratify", .boolean, default: .described("yes for tables' classes and cv, else no"),
                                   "keep class proportions in every part"),
                    ],
                    recorded: true, group: .data,
                    summary: "split into train, dev and test (or K folds and test); standardize with train statistics",
                    details: """
                    Two forms: split train=F dev=F test=F with positive fractions that sum to 1, or split cv=K \
                    test=F, which locks the test part and cuts the rest into K folds: every configuration is \
                    then trained K times, each fold scored once, and its score is the mean over the folds. \
                    Features are standardized with the statistics of the rows trained on only. The test part is \
                    locked: only evaluate test opens it, and every look is counted. Classes from a CSV file or \
                    from penguins are stratified unless stratify=no; the other built-in datasets shuffle all \
                    rows together unless stratify=yes, as they always have. show data gives the class counts per part, and split \
                    warns about small parts, rows shared between parts and more inputs than training rows.
                    """,
                    example: "split train=0.6 dev=0.2 test=0.2 seed=1 stratify=yes"),
        CommandSpec(.showLooks, recorded: false, group: .data,
                    summary: "every look at the loaded dataset's test set: when, which configuration, which score",
                    details: """
                    Looks are counted per dataset (by its content), across splits, reloads and sessions that \
                    share a store. evaluate test is a look; so is a new split after one, since choices made on \
                    it may follow what the test set showed.
                    """,
                    example: "show looks"),
        CommandSpec(.savePredictions, arguments: [ArgumentSpec("\"FILE.csv\"", .text)],
                    options: [OptionSpec("part", .choice(["dev", "test"]), default: .word("dev"), "the part whose rows are predicted"), forceOption],
                    recorded: false, group: .results,
                    summary: "write the last run's prediction for every dev (or test) row to a CSV file",
                    details: """
                    Columns: row (the 1-based data row of the loaded file, as save split numbers it), true, \
                    predicted, and for classes one probability column per class (p_NAME). part=test opens \
                    the locked test part and counts as a look at it, as evaluate test does.
                    """,
                    example: "save predictions \"dev-predictions.csv\" part=dev"),
        CommandSpec(.saveSplit, arguments: [ArgumentSpec("\"FILE.csv\"", .text)],
                    options: [forceOption],
                    recorded: false, group: .data,
                    summary: "write the part of every loaded row (train, dev, test, or fold K) to a CSV file",
                    details: """
                    Two columns: row, the 1-based data row of the loaded file (the header not counted), and \
                    part: train, dev or test, or under split cv=K the row's fold (fold 1 to fold K) or test. \
                    Another tool can check the split with it; load and split with the same seed make it again.
                    """,
                    example: "save split \"split.csv\""),
    ]

    private static let model: [CommandSpec] = [
        CommandSpec(.model, arguments: [ArgumentSpec("KIND", .parameter("model"))],
                    options: ["hidden", "layers", "units", "activation", "dropout", "init"].map(OptionSpec.parameter),
                    recorded: true, group: .model,
                    summary: "choose the model: linear, or an MLP with its layers",
                    details: """
                    linear is softmax regression for classification and least squares for regression. \
                    mlp adds hidden layers; layers=N units=M is shorthand for hidden=[M,...,M].
                    """,
                    example: "model mlp hidden=[64,32] activation=relu dropout=0.1"),
        CommandSpec(.optimizer, arguments: [ArgumentSpec("NAME", .parameter("optimizer"))],
                    options: ["lr", "momentum", "beta1", "beta2", "alpha", "eps", "weight_decay"].map(OptionSpec.parameter),
                    recorded: true, group: .model,
                    summary: "choose the optimizer and its settings",
                    details: """
                    As PyTorch defines them. weight_decay is an L2 term added to the gradient for sgd, \
                    momentum, nesterov, adam and rmsprop, and decoupled from it (applied to the weights \
                    directly) for adamw. Defaults: Adam with lr 1e-3, beta1 0.9, beta2 0.999, eps 1e-8.
                    """,
                    example: "optimizer adam lr=3e-4 weight_decay=1e-4"),
        CommandSpec(.schedule, arguments: [ArgumentSpec("KIND", .parameter("schedule"))],
                    options: ["warmup", "step", "gamma"].map(OptionSpec.parameter),
                    recorded: true, group: .model,
                    summary: "the learning-rate schedule, applied per epoch",
                    details: """
                    constant keeps lr; step multiplies it by gamma every step epochs; exponential by gamma \
                    every epoch; cosine anneals it to 0 over the epochs. warmup=N ramps it up linearly first. \
                    The command describes the whole schedule: options it does not give return to their defaults.
                    """,
                    example: "schedule cosine warmup=5"),
        CommandSpec(.set, options: [OptionSpec("store", .name, default: .described("hyperlab.sqlite"),
                                                "where studies are kept: a SQLite file, memory, or postgresql://USER@HOST/DB")],
                    anyParameter: true, recorded: true, group: .model,
                    summary: "set any key of the configuration (and store=, where studies are kept)",
                    details: "show config lists every key with its value, default and origin.",
                    example: "set lr=0.01 epochs=30 batch=64"),
        CommandSpec(.showConfig, recorded: false, group: .model,
                    summary: "every configuration key with its value, default and where it came from",
                    example: "show config"),
        CommandSpec(.train, options: ["epochs", "batch", "seed", "patience"].map(OptionSpec.parameter),
                    recorded: true, group: .model,
                    summary: "train the current configuration on train, scoring dev after each epoch",
                    details: """
                    Options apply to this run only, and the run says so: the configuration, which evaluate \
                    test trains, keeps its values (set epochs=N changes them for good). Mini-batches are shuffled \
                    every epoch; patience=N stops when the dev metric has not improved for N epochs and keeps \
                    the best epoch's weights. A run that diverges (NaN or infinite loss) is kept as failed. \
                    Ctrl-C stops after the current mini-batch and keeps the epochs done. Each run is kept as run N. \
                    The summary adds dev_balanced_acc, dev_f1 (macro), dev_auc and dev_logloss for classes, or \
                    dev_mae for numbers, and the trivial baseline: always the train part's majority class, or \
                    its mean; a run that does not beat it is told so.
                    """,
                    example: "train epochs=50 patience=10"),
    ]

    /// The options every sweep takes, besides the configuration keys.
    private static let sweepOptions: [OptionSpec] = [
        OptionSpec("n", .integer(1...Shell.maximumTrials), default: .required, "number of trials"),
        OptionSpec("metric", .objectives(Shell.sweepMetricNames), default: .described("dev_acc or dev_rmse"),
                   "the dev metric to optimize (its direction is implied); a list of two or three, as [dev_acc, parameters], searches for the Pareto front ("
                   + SamplerKind.allCases.filter(\.supportsMultipleObjectives).map(\.rawValue).joined(separator: ", ")
                   + "): parameters is the model's trainable weight count, seconds a trial's wall time (it differs between runs, so such a sweep does not replay digit for digit); of an objective command, any it reports (directions from the names, or its direction=)"),
        OptionSpec("seed", .integer(0...Int.max), default: .integer(0), "seed of the sampler; each trial's train_seed (initialization, shuffling, dropout) derives from it and the trial number"),
        OptionSpec("parallel", .integer(1...256), default: .described("the number of cores"), "trials run at once, one core each"),
        OptionSpec("lag", .integerOrAuto(0...Study.maximumLag), default: .described("4; auto: parallel= when it names more"),
                   "trial n learns from the trials below n − lag, so lag+1 trials can run at once; results depend on seed= and lag, never on how many run"),
        OptionSpec("repeats", .integer(1...100), default: .integer(1), "seeds per configuration, scored by their mean"),
        OptionSpec("prune", .choice(PrunerKind.allCases.map(\.rawValue)), default: .word("none"),
                   "stop unpromising trials early: " + CommandCatalog.prunerSummaries),
    ] + PrunerKind.allCases.flatMap { kind in
        kind.settings.map { OptionSpec($0.name, .integer($0.range), default: .integer($0.defaultValue), "\(kind.rawValue): \($0.summary)") }
    } + [
        OptionSpec("baseline", .boolean, default: .boolean(false), "trial 0 is the current configuration"),
        OptionSpec("name", .studyName, default: .described("sweep N"), "a name for the sweep"),
        OptionSpec("workers", .choice(["local", "external"]), default: .word("local"),
                   "external: queue the trials in the PostgreSQL store for hyperlab worker processes"),
    ]

    /// The pruners as `prune=`'s help lists them, from the registry: "a, b, or c".
    private static var prunerSummaries: String {
        let phrases = PrunerKind.allCases.compactMap { $0.prunerType.summary }
        guard phrases.count > 2 else { return phrases.joined(separator: " or ") }
        return phrases.dropLast().joined(separator: ", ") + ", or " + (phrases.last ?? "")
    }

    private static func sweep(_ kind: SamplerKind, summary: String, details: String, example: String,
                              extra: [OptionSpec] = [], needsCount: Bool = true) -> CommandSpec {
        var options = sweepOptions
        if !needsCount {
            options[0] = OptionSpec("n", .integer(1...Shell.maximumTrials), default: .described("every point"), "at most this many points")
        }
        return CommandSpec(.sweep(kind), options: options + extra, sweeps: true, recorded: true, group: .sweeps,
                           summary: summary, details: details + " " + sweepDetails(kind.rawValue), example: example)
    }

    /// What every sweep's help says; `near(F)` only where it is accepted (`sweep around`), and
    /// marked so on the page of every kind (`kind` nil: `help sweep`).
    static func sweepDetails(_ kind: String?) -> String {
        let near = switch kind {
        case "around": ", near(F)"
        case nil: ", near(F) (around only)"
        default: ""
        }
        let distributions = "log(a,b), uniform(a,b), int(a,b), intlog(a,b), choice(v,...)" + near
        return """
        A key given a value (epochs=20) applies to every trial; a key given a distribution or a list is \
        swept. Distributions: \(distributions). \
        Trials are scored on dev; a trial's train_seed (initialization, shuffling, dropout) comes from \
        the sweep's seed= and the trial number, and trial n learns only from the trials below n − lag, so \
        results depend on seed= and lag=, never on parallel= or on how many workers run. Ctrl-C stops the \
        sweep and keeps the finished trials.
        """
    }

    private static let sweeps: [CommandSpec] = [
        sweep(.grid, summary: "every combination of the listed values",
              details: "Fine in two dimensions; the count is printed first, and a grid over 1,000 points needs force=yes.",
              example: "sweep grid lr=[1e-3, 1e-2, 1e-1] weight_decay=[0, 1e-4, 1e-3] epochs=30",
              extra: [OptionSpec("force", .boolean, default: .boolean(false), "run a grid of more than 1,000 points")],
              needsCount: false),
        sweep(.random, summary: "random search: independent draws from each distribution",
              details: "Wins over a grid when only a few of many parameters matter.",
              example: "sweep random n=30 lr=log(1e-4, 1e-1) dropout=uniform(0, 0.5)"),
        sweep(.sobol, summary: "quasi-random search: a scrambled Sobol sequence, evenly spread",
              details: "Covers the space more evenly than random draws at the same budget.",
              example: "sweep sobol n=32 lr=log(1e-4, 1e-1) units=intlog(16, 256)"),
        sweep(.tpe, summary: "informed search: tree-structured Parzen estimator (multivariate)",
              details: "After 10 random trials, models good and bad regions and samples where good ones are likely. With prune=hyperband it models the values at the largest epoch that enough trials reached (BOHB).",
              example: "sweep tpe n=40 lr=log(1e-4, 1e-1) weight_decay=log(1e-6, 1e-2) prune=hyperband eta=3"),
        sweep(.bayes, summary: "informed search: Gaussian-process Bayesian optimization (log expected improvement)",
              details: "After 10 quasi-random trials, a Matérn-5/2 Gaussian process (one length scale per parameter, fitted to power-transformed scores) guides each next trial.",
              example: "sweep bayes n=30 lr=log(1e-4, 1e-1) units=intlog(16, 256)"),
        sweep(.cmaes, summary: "evolution strategy: CMA-ES, restarting with a doubled population (IPOP)",
              details: "Samples generations of 4 + 3 ln d trials (d numeric parameters) from a Gaussian whose mean, step size and covariance follow the best trials; choices are drawn at random, so at least one parameter must be numeric. Suits larger budgets (n=100 and more) and correlated parameters.",
              example: "sweep cmaes n=60 lr=log(1e-4, 1e-1) weight_decay=log(1e-6, 1e-2) dropout=uniform(0, 0.5)"),
        sweep(.nsga2, summary: "evolutionary search: NSGA-II, for a Pareto front of several metrics or for one",
              details: "The first 20 trials are random; each later one is the child of two parents that won tournaments among the best 20 finished trials (by Pareto rank, then crowding distance): each parameter from either parent, about one in d parameters redrawn (so with a single swept parameter every child is a fresh draw, as in Optuna). Suits multi-objective sweeps with larger budgets (n=100 and more).",
              example: "sweep nsga2 n=100 lr=log(1e-4, 1e-1) units=intlog(16, 256) metric=[dev_acc, parameters]"),
        sweep(.around, summary: "local search within a factor of the current values; trial 0 is the current configuration",
              details: "Start from known defaults, then look nearby: KEY=near(F) samples log-uniformly within a factor F.",
              example: "sweep around n=12 lr=near(3) weight_decay=near(10)"),
    ]

    /// `to="FILE.svg"`: every plot can also be written as an SVG file, for slides.
    private static let svgOption = OptionSpec("to", .text, default: .described("—"), "also write the plot to this SVG file (for slides)")
    /// Overwriting a file: every writer asks for it.
    private static let forceOption = OptionSpec("force", .boolean, default: .boolean(false), "overwrite an existing file")

    private static let objectives: [CommandSpec] = [
        CommandSpec(.objectiveCommand, arguments: [ArgumentSpec("\"CMD {key} ...\"", .text)],
                    options: [
                        OptionSpec("metric", .name, default: .described("dev_acc"), "the metric the command reports"),
                        OptionSpec("direction", .choice(["max", "min"]), default: .described("from the metric's name"), "whether higher is better (needed for a metric HyperLab does not know)"),
                        OptionSpec("timeout", .integer(1...604_800), default: .integer(600), "seconds a trial may run"),
                        OptionSpec("dir", .text, default: .described("the working directory"), "the folder the command runs in"),
                        OptionSpec("logs", .text, default: .described("logs, or a temporary folder with --store memory"),
                                   "the folder that keeps each study's trial logs"),
                        OptionSpec("log_limit", .integer(1_000...Int(Int32.max)), default: .integer(TrialLog.defaultLimit),
                                   "bytes kept of each trial's log (the newest output)"),
                    ],
                    recorded: true, group: .sweeps,
                    summary: "sweeps run an external training command instead of the built-in engine",
                    details: """
                    Each trial runs the command with its parameters put in place of {key} (shell-quoted), plus \
                    {seed} and {trial}. The command reports with lines on standard output: \
                    "hyperlab: epoch=3 dev_acc=0.91" after an epoch (so pruning can stop it: SIGTERM, then \
                    SIGKILL) and "hyperlab: dev_acc=0.93" at the end; other output goes to logs/STUDY/trial-NNNN.log \
                    (show trial N prints its tail), which keeps the last log_limit bytes; with --store memory the \
                    logs go to a temporary folder removed at exit, unless logs="DIR" is given. A script or -c that sets an objective command runs it only with \
                    --allow-commands, or after you confirm at the terminal; so does resume of a stored \
                    study's command, even typed, since whoever made the store wrote it.
                    """,
                    example: "objective command \"python train.py --lr {lr} --wd {weight_decay} --seed {seed}\" metric=dev_acc"),
        CommandSpec(.objectiveBuiltin, recorded: true, group: .sweeps,
                    summary: "sweeps train the current model with the built-in engine again",
                    example: "objective builtin"),
        CommandSpec(.showTrial, arguments: [ArgumentSpec("N", .integer(0...Int.max))], recorded: false, group: .sweeps,
                    summary: "one trial of the last sweep: parameters, metrics, state, and the tail of its log",
                    example: "show trial 3"),
    ]

    private static let studies: [CommandSpec] = [
        CommandSpec(.studies, recorded: false, group: .sweeps,
                    summary: "the studies in the store: name, dataset, sampler, trials by state, best, date",
                    details: "Every sweep is stored as a study, by default in hyperlab.sqlite in the working directory (--store chooses another file, or memory).",
                    example: "studies"),
        CommandSpec(.openStudy, arguments: [ArgumentSpec("NAME", .study)], recorded: true, group: .sweeps,
                    summary: "make a stored study the current sweep, for results, plots, best and use best",
                    example: "open study \"sweep 1\""),
        CommandSpec(.resume, arguments: [ArgumentSpec("NAME", .study)],
                    options: [OptionSpec("parallel", .integer(1...256), default: .described("the number of cores"), "trials run at once")],
                    recorded: true, group: .sweeps,
                    summary: "continue a study that was interrupted: its data, split and settings come from the store",
                    details: """
                    Trials left running by a process that died are marked interrupted and run again with their own \
                    numbers and seeds; finished trials are kept as they are, and the sampler continues \
                    from the stored history, so the study ends as if it had never stopped.
                    """,
                    example: "resume \"sweep 1\""),
    ]

    /// `run N ...` (runs count from 1) or `trial N ...` (trials from 0): each handler checks its range.
    private static let runReference = [
        ArgumentSpec("run|trial", .choice(["run", "trial"]), optional: true),
        ArgumentSpec("N", .integer(0...Int.max), optional: true, repeating: true),
    ]

    private static let results: [CommandSpec] = [
        CommandSpec(.plotCurve, arguments: runReference, options: [svgOption, forceOption], recorded: false, group: .results,
                    summary: "learning curves: train and dev loss, and the dev metric, per epoch",
                    details: "Without a run number, the latest run. Several runs overlay their dev curves.",
                    example: "plot curve run 1 2"),
        CommandSpec(.results, arguments: [ArgumentSpec("where KEY<VALUE", .filter, optional: true, repeating: true)],
                    options: [
                        OptionSpec("state", .choice(TrialState.allCases.map(\.rawValue) + [Study.interruptedReason]), default: .described("all"),
                                   "only trials in this state (interrupted: stopped by Ctrl-C)"),
                        OptionSpec("sort", .anyWord, default: .described("the metric"), "order by a metric or a swept key"),
                        OptionSpec("top", .integer(1...100_000), default: .described("all"), "show only the first N rows"),
                        OptionSpec("metrics", .choice(["main", "all"]), default: .word("main"),
                                   "all: also dev_balanced_acc, dev_f1, dev_auc, dev_logloss (dev_mae) and their train_ versions"),
                    ],
                    recorded: false, group: .results,
                    summary: "the last sweep's trials: parameters, metrics, epochs, state; the best marked",
                    details: """
                    Filter with where: results where lr<0.01 dev_acc>=0.9 (comparisons <, <=, >, >=); state=complete keeps one state. \
                    The table shows the sweep's metric and the task's main dev metrics; sorting or filtering by a \
                    further one (dev_f1, train_auc, …) adds its column, and metrics=all adds them all. The train_ \
                    versions of the further metrics score each trial's kept model on every train row after \
                    training (train_loss and train_acc are running means over the last epoch's mini-batches). \
                    Wall times: a timing column is fine in a table, not in a replay transcript. The seconds column \
                    is shown for a results typed at a terminal; a script, a pipe, -c and every replay (also inside \
                    the shell) leave it out, so their output is the same on every run. HYPERLAB_TIMINGS=1 shows it \
                    there too; save results always writes seconds; save notebook never keeps it.
                    """,
                    example: "results sort=dev_acc top=10 where lr<0.01"),
        CommandSpec(.best, recorded: false, group: .results,
                    summary: "the best trial of the last sweep and its configuration",
                    example: "best"),
        CommandSpec(.useBest, recorded: true, group: .results,
                    summary: "copy the best trial's parameters into the current configuration",
                    example: "use best"),
        CommandSpec(.useTrial, arguments: [ArgumentSpec("N", .integer(0...Int.max))], recorded: true, group: .results,
                    summary: "copy trial N's parameters into the current configuration",
                    example: "use trial 7"),
        CommandSpec(.plotHeatmap, arguments: [ArgumentSpec("KEY1", .anyWord), ArgumentSpec("KEY2", .anyWord),
                                                   ArgumentSpec("METRIC", .anyWord, optional: true)],
                    options: [svgOption, forceOption], recorded: false, group: .results,
                    summary: "the metric over two swept keys as a shaded grid (the lr × L2 picture)",
                    example: "plot heatmap lr weight_decay dev_acc"),
        CommandSpec(.plotHistory, options: [svgOption, forceOption], recorded: false, group: .results,
                    summary: "the metric of each trial in order, and the best so far",
                    example: "plot history"),
        CommandSpec(.plotImportance, options: [svgOption, forceOption], recorded: false, group: .results,
                    summary: "how much of the metric each swept parameter explains (fANOVA)",
                    details: ParameterImportance.methodSummary,
                    example: "plot importance"),
        CommandSpec(.plotParallel, options: [OptionSpec("top", .integer(1...1000), default: .integer(10), "trials to draw"), svgOption, forceOption],
                    recorded: false, group: .results,
                    summary: "parallel coordinates of the best trials: one column per swept key",
                    example: "plot parallel top=10"),
        CommandSpec(.plotPareto, options: [svgOption, forceOption], recorded: false, group: .results,
                    summary: "a multi-objective sweep's trials over its first two metrics, the Pareto front highlighted",
                    details: """
                    For a sweep of metric=[A, B] or [A, B, C]: one point per complete trial, A across and B up; \
                    the trials on the Pareto front (no other trial as good on every metric and better on one) \
                    are drawn bold and listed under the plot, the dominated ones dim. A third metric is not \
                    drawn; the list shows it. use trial N takes any point.
                    """,
                    example: "plot pareto"),
        CommandSpec(.plotScatter, arguments: [ArgumentSpec("KEY", .anyWord), ArgumentSpec("METRIC", .anyWord, optional: true)],
                    options: [svgOption, forceOption], recorded: false, group: .results,
                    summary: "a swept key against a metric, one point per trial (log axis for log keys)",
                    example: "plot lr dev_acc"),
        CommandSpec(.compare, arguments: [ArgumentSpec("A B", .reference, repeating: true)],
                    options: [
                        OptionSpec("repeats", .integer(2...1000), default: .described("10 seeds (1 round of folds under cv)"),
                                   "paired seeds, or rounds of K folds under cross-validation"),
                        OptionSpec("metric", .suggested(MetricName.allDevMetricNames), default: .described("dev_acc or dev_rmse"), "the metric compared"),
                    ],
                    recorded: true, group: .results,
                    summary: "two configurations on paired seeds or folds: mean difference, interval, corrected t-test",
                    details: """
                    A and B are current, run N, trial N (of the last sweep) or a trial number. Both are trained on \
                    the same seeds (or folds) in pairs; the difference of their dev scores is tested with the \
                    corrected resampled t-test of Nadeau & Bengio (2003), which widens the variance for the overlap \
                    between resamples, and a verdict says in plain words whether the difference is real.
                    """,
                    example: "compare trial 7 current repeats=10"),
        CommandSpec(.recheck, options: [
                        OptionSpec("top", .integer(1...100), default: .integer(5), "how many of the best trials"),
                        OptionSpec("repeats", .integer(1...100), default: .integer(5), "fresh seeds per trial"),
                        OptionSpec("fresh", .boolean, default: .boolean(false), "also deal train and dev afresh for every seed"),
                        OptionSpec("metric", .suggested(MetricName.allDevMetricNames),
                                   default: .described("the sweep's (its first dev metric if it has several)"),
                                   "the dev metric trials are ranked and rechecked on"),
                    ],
                    recorded: true, group: .results,
                    summary: "retrain the best trials with fresh seeds: how much of the selected dev score was luck",
                    details: """
                    Picking the best of many noisy scores picks luck too. recheck trains the top trials of the last \
                    sweep again with seeds they were not selected with (and, with fresh=yes, on a fresh deal of the \
                    non-test rows), and shows for each the score at selection, the rechecked mean ± sd, and the gap.
                    """,
                    example: "recheck top=5 repeats=5 fresh=yes"),
        CommandSpec(.saveResults, arguments: [ArgumentSpec("\"FILE.csv|FILE.json\"", .text)],
                    options: [forceOption],
                    recorded: false, group: .results,
                    summary: "write every trial of the last sweep to CSV or JSON",
                    details: """
                    Columns: trial, state, each swept key, each metric the trials report (with _sd beside it under \
                    repeats and folds), seed, seconds. The metrics are the dev ones (dev_acc, dev_loss, \
                    dev_balanced_acc, dev_f1, dev_auc, dev_logloss; dev_rmse, dev_r2, dev_mae) and the train ones \
                    (train_loss, train_acc or train_rmse, and train_balanced_acc, train_f1, train_auc, \
                    train_logloss or train_mae); test_ metrics come only from evaluate test. JSON holds the same \
                    and adds the per-epoch values of the sweep's metric.
                    """,
                    example: "save results \"sweep.csv\""),
        CommandSpec(.plotBoundary, arguments: runReference, options: [svgOption, forceOption], recorded: false, group: .results,
                    summary: "the decision regions of a trained model on a 2-D dataset, dev points on top",
                    example: "plot boundary"),
        CommandSpec(.runs, recorded: false, group: .results,
                    summary: "the training runs of this session with their outcome and final metrics",
                    example: "runs"),
        CommandSpec(.showConfusion,
                    options: [OptionSpec("part", .choice(["dev", "test"]), default: .word("dev"), "the part whose predictions are counted")],
                    recorded: false, group: .results,
                    summary: "the confusion matrix of the last run's model on dev (or test: a counted look)",
                    details: """
                    Rows are the true classes, columns the predicted ones, with each class's recall. The model \
                    is the last train run's, on the current split. part=test opens the locked test part and \
                    counts as a look at it, as evaluate test does.
                    """,
                    example: "show confusion part=dev"),
        CommandSpec(.evaluateTest, recorded: true, group: .results,
                    summary: "train the current configuration on train+dev and score it on the locked test part",
                    details: """
                    The one honest estimate of how the chosen configuration does on new data: trained on every \
                    train and dev row once (all non-test rows under cv=), for the configuration's epochs. Every \
                    look at the test part is counted per dataset, across splits, reloads and sessions that share \
                    a store (show looks lists them); from the second look on, the score comes with a warning: \
                    choosing by test score overfits the test set just as tuning on dev overfits dev.
                    """,
                    example: "evaluate test"),
    ]

    private static let session: [CommandSpec] = [
        CommandSpec(.help, arguments: [ArgumentSpec("COMMAND", .anyWord, optional: true, repeating: true)],
                    recorded: false, group: .session,
                    summary: "list the commands, or show one command's syntax, options and an example",
                    example: "help split"),
        CommandSpec(.history, recorded: false, group: .session,
                    summary: "the commands of this session that changed the workbench",
                    example: "history"),
        CommandSpec(.saveSession, arguments: [ArgumentSpec("NAME", .name)],
                    options: [forceOption],
                    recorded: false, group: .session,
                    summary: "write this session's commands to sessions/NAME.hlab, a script that replays it",
                    details: "A bare NAME goes to sessions/NAME.hlab; a path in quotes is written as given.",
                    example: "save session first"),
        CommandSpec(.saveNotebook, arguments: [ArgumentSpec("\"FILE.md\"", .text)],
                    options: [forceOption,
                              OptionSpec("title", .name, default: .described("HyperLab notebook"), "the notebook's heading")],
                    recorded: false, group: .session,
                    summary: "write the session so far as a Markdown notebook: commands, outputs, narration",
                    details: "Readable on any Markdown viewer, a handout after a lecture. A name ending in .ipynb writes a Jupyter notebook instead (nbformat 4.5): narration as Markdown cells, each command a code cell with its output, plots as SVG images with their text, errors as error outputs; it opens in JupyterLab, VS Code, Colab and on GitHub. The script comes back from either: hyperlab run FILE.md (or FILE.ipynb), or replay \"FILE.md\".",
                    example: "save notebook \"lecture-3.ipynb\""),
        CommandSpec(.tutorials, recorded: false, group: .session,
                    summary: "the lecture as replayable tutorials, one per section",
                    details: "Replay one with replay \"tutorials/03-grid-2d.hlab\" step=yes (Enter between steps), then save notebook for a handout.",
                    example: "tutorials"),
        CommandSpec(.replay, arguments: [ArgumentSpec("\"FILE.hlab\"", .text)],
                    options: [OptionSpec("step", .boolean, default: .boolean(false), "wait for Enter before each command")],
                    recorded: false, group: .session,
                    summary: "run a script inside the shell",
                    example: "replay \"sessions/first.hlab\" step=yes"),
        CommandSpec(.say, arguments: [ArgumentSpec("\"TEXT\"", .text)], recorded: false, group: .session,
                    summary: "print narration (tutorials)",
                    example: "say \"Now we split the data.\""),
        CommandSpec(.pause, recorded: false, group: .session,
                    summary: "wait for Enter when interactive; do nothing in a script run",
                    example: "pause"),
        CommandSpec(.reset, recorded: true, group: .session,
                    summary: "back to an empty workbench",
                    example: "reset"),
        CommandSpec(.quit, recorded: false, group: .session, summary: "leave the shell (Ctrl-D too)", example: "quit"),
        CommandSpec(.exit, recorded: false, group: .session, summary: "leave the shell (Ctrl-D too)", example: "exit"),
    ]

    /// The options of the generated datasets (n, noise, seed, classes), declared by the data layer;
    /// each dataset checks its own ranges and defaults.
    private static let generatedDatasetOptions: [OptionSpec] = {
        var seen = Set<String>()
        return BuiltinDatasets.catalogue.flatMap(\.options).filter { seen.insert($0.name).inserted }.map { option in
            let owners = BuiltinDatasets.catalogue.filter { $0.option(option.name) != nil }.map(\.name)
            return OptionSpec(option.name, .number(option.kind), default: .described("per dataset"),
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
