import Foundation

/// The built-in datasets: five classic tables bundled as CSV, one real table in its raw form
/// (penguins, with text columns and empty cells) and five seeded 2-D generators.
///
/// ```swift
/// for info in BuiltinDatasets.catalogue { print(info.name, info.rows, info.features, info.task) }
/// let iris  = try BuiltinDatasets.load(name: "iris")
/// let moons = try BuiltinDatasets.load(name: "moons", options: ["n": .integer(500), "noise": .real(0.2)])
/// let birds = try BuiltinDatasets.loadTable(name: "penguins", missing: .median)
/// ```
/// Generated datasets are deterministic: the same name and options give the same rows on every
/// run and platform (points and their order come from `SeededGenerator` streams derived from `seed`).
public enum BuiltinDatasets {
    /// Every built-in dataset, bundled tables first, in the order `datasets` lists them.
    public static let catalogue: [BuiltinDatasetInfo] = [
        bundled("iris", file: "iris", rows: 150, features: 4, task: .classification, classes: 3,
                "Fisher's iris flowers: 4 measurements (cm), 3 species of 50"),
        bundled("wine", file: "wine", rows: 178, features: 13, task: .classification, classes: 3,
                "Wine recognition: 13 chemical measurements, 3 cultivars"),
        bundled("breast-cancer", aliases: ["breast_cancer"], file: "breast_cancer", rows: 569, features: 30,
                task: .classification, classes: 2,
                "Breast cancer Wisconsin (diagnostic): 30 cell-nucleus features, benign or malignant"),
        bundled("digits", file: "digits", rows: 1797, features: 64, task: .classification, classes: 10,
                "Handwritten digits: 8×8 images with pixels 0–16, 10 classes"),
        bundled("diabetes", file: "diabetes", rows: 442, features: 10, task: .regression, classes: nil,
                "Diabetes progression after a year from 10 baseline measurements (regression)"),
        BuiltinDatasetInfo(name: "penguins", aliases: [], rows: 344, features: 7, task: .classification, classes: 3,
                           summary: "Palmer penguins, raw: 3 species; text columns and 19 empty cells (needs missing=)",
                           origin: .table(file: "penguins", target: "species"), options: []),
        generated(.moons, noise: 0.1, "Two interleaving half circles (2-D, 2 classes)"),
        generated(.circles, noise: 0.08, "A small circle inside a large one (2-D, 2 classes)"),
        generated(.spirals, noise: 0.05, classes: 2...5, defaultClasses: 2,
                  "Spiral arms around the origin, one class per arm (2-D)"),
        generated(.xor, noise: 0.1, "Four quadrants, labelled by whether x and y share a sign (2-D, 2 classes)"),
        generated(.blobs, noise: 0.3, classes: 2...10, defaultClasses: 3,
                  "Round Gaussian blobs on a circle, one class per blob (2-D)"),
    ]

    /// The canonical names, in catalogue order.
    public static var names: [String] { catalogue.map(\.name) }

    /// The catalogue entry for `name` (canonical name or alias, any case).
    /// - Throws: `DataError.Kind.unknownDataset`, with "did you mean …?" when a name is close.
    public static func info(named name: String) throws(DataError) -> BuiltinDatasetInfo {
        let wanted = name.lowercased()
        if let info = catalogue.first(where: { $0.name == wanted || $0.aliases.contains(wanted) }) { return info }
        let spellings = catalogue.flatMap { [$0.name] + $0.aliases }
        let hint: String
        let prefixed = wanted.count >= 3 ? spellings.first { $0.hasPrefix(wanted) } : nil
        if let match = ClosestMatch.suggestion(for: wanted, among: spellings) ?? prefixed,
           let info = catalogue.first(where: { $0.name == match || $0.aliases.contains(match) }) {
            hint = "did you mean \(info.name)?"
        } else {
            hint = "built-in datasets: \(names.joined(separator: ", ")); a CSV file loads with load \"FILE.csv\" target=COLUMN"
        }
        throw DataError(.unknownDataset, "no built-in dataset '\(name.excerpt)'", hint: hint)
    }

    /// Loads (or generates) the built-in dataset `name`.
    /// - Parameters:
    ///   - name: a catalogue name or alias (`iris`, `breast-cancer`, `moons`).
    ///   - options: for generated datasets, any of `n`, `noise`, `seed` (and `classes` for spirals
    ///     and blobs); missing options take their defaults. Bundled tables take none; a raw table
    ///     (penguins) is loaded with its default target and CSV options (`loadTable` takes others).
    /// - Throws: `DataError` for an unknown name, an unknown option (with "did you mean …?"),
    ///   or an option value of the wrong kind or out of range (naming the option in `key`).
    public static func load(name: String, options: [String: ParameterValue] = [:]) throws(DataError) -> Dataset {
        let info = try info(named: name)
        switch info.origin {
        case .bundled(let file):
            if let key = options.keys.sorted().first {
                throw DataError(.unknownOption, "\(info.name) takes no options ('\(key)' given)",
                                hint: "n, noise and seed apply to the generated datasets: "
                                    + catalogue.filter(\.isGenerated).map(\.name).joined(separator: ", "),
                                key: key)
            }
            return try loadBundled(info, file: file)
        case .table:
            if let key = options.keys.sorted().first {
                throw DataError(.unknownOption, "\(info.name) has no option '\(key)'",
                                hint: "\(info.name) is a table: it takes the CSV options target=, task=, missing=, drop=, features=, keep=, text=, max_categories= and missing_indicators=",
                                key: key)
            }
            return try loadTable(name: info.name)
        case .generated(let shape):
            let resolved = try resolveOptions(options, for: info)
            return GeneratedDatasets.make(shape, options: resolved)
        }
    }

    /// The options of generated dataset `info`, checked, with defaults for those not given.
    public static func resolveOptions(_ options: [String: ParameterValue],
                                      for info: BuiltinDatasetInfo) throws(DataError) -> GeneratedDatasetOptions {
        var values = [String: Double]()
        for spec in info.options { values[spec.name] = spec.defaultValue.asReal }
        for key in options.keys.sorted() {
            guard let spec = info.option(key), let value = options[key] else {
                let names = info.options.map(\.name)
                let hint = ClosestMatch.suggestion(for: key, among: names).map { "did you mean \($0)?" }
                    ?? "\(info.name) takes \(names.joined(separator: ", "))"
                throw DataError(.unknownOption, "\(info.name) has no option '\(key.excerpt)'", hint: hint, key: key)
            }
            values[key] = try spec.validated(value, dataset: info.name)
        }
        return GeneratedDatasetOptions(n: Int(values["n"] ?? 200), noise: values["noise"] ?? 0,
                                       seed: Int(values["seed"] ?? 0), classes: Int(values["classes"] ?? 2),
                                       classesIsOption: info.option("classes") != nil)
    }

    /// The path of the bundled file `datasets/FILE.csv`.
    static func bundledPath(_ file: String) throws(DataError) -> String {
        guard let url = Bundle.module.url(forResource: file, withExtension: "csv", subdirectory: "datasets") else {
            throw DataError(.bundledFileMissing, "the bundled file datasets/\(file).csv is missing",
                            hint: "the installation is incomplete; rebuild HyperLab", file: "datasets/\(file).csv")
        }
        return url.path
    }

    /// Reads a bundled CSV table.
    private static func loadBundled(_ info: BuiltinDatasetInfo, file: String) throws(DataError) -> Dataset {
        let text = try CSVDataset.readText(path: try bundledPath(file))
        return try CSVDataset.parse(text: text, file: "datasets/\(file).csv", name: info.name, target: "target",
                                    task: info.task, missing: .none) { _ in .builtin(name: info.name, options: nil) }
    }

    private static func bundled(_ name: String, aliases: [String] = [], file: String, rows: Int, features: Int,
                                task: LearningTask, classes: Int?, _ summary: String) -> BuiltinDatasetInfo {
        BuiltinDatasetInfo(name: name, aliases: aliases, rows: rows, features: features, task: task, classes: classes,
                           summary: summary, origin: .bundled(file: file), options: [])
    }

    private static func generated(_ shape: GeneratedShape, noise: Double, classes: ClosedRange<Int>? = nil,
                                  defaultClasses: Int = 2, _ summary: String) -> BuiltinDatasetInfo {
        var options = [
            DatasetOptionSpec(name: "n", kind: .integer(10...100_000), defaultValue: .integer(200),
                              summary: "number of rows, split evenly between the classes"),
            DatasetOptionSpec(name: "noise", kind: .real(lower: 0, upper: 2, lowerOpen: false, upperOpen: false, logScale: false),
                              defaultValue: .real(noise),
                              summary: "standard deviation of the jitter added to each coordinate (the shape's radius is about 1)"),
            DatasetOptionSpec(name: "seed", kind: .integer(0...Int.max), defaultValue: .integer(0),
                              summary: "seed of the generator: the same seed gives the same points"),
        ]
        if let classes {
            options.append(DatasetOptionSpec(name: "classes", kind: .integer(classes), defaultValue: .integer(defaultClasses),
                                             summary: shape == .spirals ? "number of spiral arms (one class each)"
                                                                        : "number of blobs (one class each)"))
        }
        return BuiltinDatasetInfo(name: shape.rawValue, aliases: [], rows: 200, features: 2, task: .classification,
                                  classes: defaultClasses, summary: summary, origin: .generated(shape), options: options)
    }
}
