/// Something about the data that can make a score misleading, said in one line at `load` or
/// `split` and repeated by `show data`.
///
/// ```swift
/// DataWarning.load(titanic).first?.description
/// // "875 of 1,309 rows repeat an earlier row (same features and target)"
/// DataWarning.split(split, of: mtcars).map(\.description)
/// // ["dev has 7 rows: one binomial standard error on its accuracy at p=0.5 is ± 0.189", …]
/// DataWarning.split(cv, of: iris).map(\.description)
/// // ["dev folds of 24 rows: … on a fold's accuracy at p=0.5 is ± 0.102; the mean over 5 folds scores all 120 rows, about ± 0.046", …]
/// ```
public enum DataWarning: Sendable, Equatable, CustomStringConvertible {
    /// Rows identical to an earlier row in every used column and the target.
    case duplicateRows(count: Int, rows: Int)
    /// Rows of a part that also occur (features and target) in an earlier part: dev in train,
    /// test in train or dev.
    case sharedRows(part: String, count: Int, partRows: Int, earlier: String)
    /// Feature columns with a single value in every row.
    case constantColumns([String])
    /// More model inputs than training rows.
    case moreFeaturesThanRows(features: Int, trainRows: Int)
    /// A dev or test part under `DataWarning.smallPartRows` rows; `standardError` is the binomial
    /// standard error of an accuracy at p = 0.5, √(0.25 / rows) (nil for regression).
    case smallPart(part: String, rows: Int, standardError: Double?)
    /// Cross-validation dev folds under `DataWarning.smallPartRows` rows (the smallest and largest
    /// fold); `standardError` is √(0.25 / smallest) for one fold's accuracy and `meanError`
    /// √(0.25 / all) for the mean over the folds, which scores every development row once (both
    /// nil for regression).
    case smallFolds(folds: Int, smallest: Int, largest: Int, allRows: Int, standardError: Double?, meanError: Double?)
    /// Classes with fewer than `DataWarning.rareClassRows` rows (names and counts, label order).
    case rareClasses(names: [String], counts: [Int])
    /// An inferred classification target whose classes are all whole numbers, many of them.
    case countLikeTarget(column: String, classes: Int, lowest: String, highest: String)

    /// Parts with fewer rows than this are warned about.
    public static let smallPartRows = 50
    /// Classes with fewer rows than this are warned about.
    public static let rareClassRows = 5
    /// The most rare classes the warning names; it counts the others.
    public static let listedRareClasses = 12
    /// An inferred classification with at least this many whole-number classes looks like a count.
    public static let countLikeClasses = 8

    /// The one-line warning, without the "warning:" prefix.
    public var description: String {
        switch self {
        case let .duplicateRows(count, rows):
            return "\(count) of \(rows) rows \(count == 1 ? "repeats" : "repeat") an earlier row (same features and target)"
        case let .sharedRows(part, count, partRows, earlier):
            return "\(count) of the \(partRows) \(part) rows also \(count == 1 ? "occurs" : "occur") in \(earlier):"
                + " scores on \(part) are partly on rows seen in training"
        case let .constantColumns(names):
            let shown = names.count <= 5 ? names.joined(separator: ", ")
                : names.prefix(5).joined(separator: ", ") + " and \(names.count - 5) more"
            return "\(names.count) constant \(names.count == 1 ? "column" : "columns") (one value in every row): \(shown)"
        case let .moreFeaturesThanRows(features, trainRows):
            return "\(features) model inputs but only \(trainRows) training rows: a model can fit the train part by heart"
        case let .smallPart(part, rows, standardError?):
            return "\(part) has \(rows) rows: one binomial standard error on its accuracy at p=0.5 is ± \(Self.fixed3(standardError))"
        case let .smallPart(part, rows, nil):
            return "\(part) has \(rows) rows: its scores will vary a lot from one split to another"
        case let .smallFolds(folds, smallest, largest, allRows, standardError?, meanError?):
            return "dev folds of \(Self.range(smallest, largest)) rows: one binomial standard error on a fold's accuracy at p=0.5"
                + " is ± \(Self.fixed3(standardError)); the mean over \(folds) folds scores all \(allRows) rows, about ± \(Self.fixed3(meanError))"
        case let .smallFolds(folds, smallest, largest, _, _, _):
            return "dev folds of \(Self.range(smallest, largest)) rows: each fold's scores vary a lot; the mean over \(folds) folds is steadier"
        case let .rareClasses(names, counts):
            let shown = Self.listedRareClasses
            var listed = zip(names, counts).prefix(shown).map { "\($0.excerpt) (\($1))" }.joined(separator: ", ")
            if names.count > shown { listed += ", and \(names.count - shown) more" }
            return "classes with fewer than \(Self.rareClassRows) rows: \(listed)"
        case let .countLikeTarget(column, classes, lowest, highest):
            return "target '\(column.excerpt)' holds whole numbers \(lowest)…\(highest), read as \(classes) classes;"
                + " if it counts something, task=regression predicts it as a number"
        }
    }

    /// "24", or "27–28" when the two differ.
    static func range(_ low: Int, _ high: Int) -> String { low == high ? "\(low)" : "\(low)–\(high)" }

    /// `x` with three decimals ("0.091").
    static func fixed3(_ x: Double) -> String {
        let scaled = Int((x * 1000).rounded())
        let fraction = String(scaled % 1000)
        return "\(scaled / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
