/// Which columns of a CSV file become features, how text columns are encoded, and how much of
/// the file is accepted (`drop=`, `features=`, `keep=`, `text=`, `max_categories=`, and the
/// `CSVLoadLimits` `max_field=`, `max_line=`, `max_classes=` of `load "FILE.csv"`).
///
/// ```swift
/// let options = CSVColumnOptions(drop: ["name"], text: .ordinal)
/// let data = try CSVDataset.load(path: "titanic.csv", target: "survived", columns: options)
/// options.arguments   // ["drop=[name]", "text=ordinal"]
/// ```
/// Invariant: `maxCategories` ≥ 2. Column names are compared after trimming spaces.
public struct CSVColumnOptions: Sendable, Hashable, Codable {
    /// The default of `max_categories=`: the most distinct values a text column may have.
    public static let defaultMaxCategories = 50

    /// Columns left out (`drop=`).
    public var drop: [String]
    /// The only columns used as features (`features=`), or nil for every column but the target.
    public var features: [String]?
    /// Columns used as features although they look like identifiers (`keep=`).
    public var keep: [String]
    /// How text feature columns are turned into numbers (`text=`).
    public var text: TextEncoding
    /// The most distinct values of a text feature column (`max_categories=`).
    public var maxCategories: Int
    /// The caps on cells, rows and classes.
    public var limits: CSVLoadLimits {
        get { changedLimits ?? CSVLoadLimits() }
        set { changedLimits = newValue == CSVLoadLimits() ? nil : newValue }
    }
    /// The limits when they differ from the defaults (nil otherwise, and in options stored
    /// before limits existed), so the defaults compare and store as they always did.
    private var changedLimits: CSVLoadLimits?

    /// Options with the defaults: every column, identifiers left out, one-hot text, 50 categories.
    public init(drop: [String] = [], features: [String]? = nil, keep: [String] = [],
                text: TextEncoding = .onehot, maxCategories: Int = CSVColumnOptions.defaultMaxCategories,
                limits: CSVLoadLimits = CSVLoadLimits()) {
        precondition(maxCategories >= 2, "max_categories is at least 2")
        self.drop = drop
        self.features = features
        self.keep = keep
        self.text = text
        self.maxCategories = maxCategories
        self.limits = limits
    }

    /// The `load` options that give these settings, in canonical form, defaults left out.
    public var arguments: [String] {
        func list(_ names: [String]) -> String {
            "[" + names.map { DatasetSource.quotedName($0) }.joined(separator: ", ") + "]"
        }
        var parts = [String]()
        if let features { parts.append("features=" + list(features)) }
        if !drop.isEmpty { parts.append("drop=" + list(drop)) }
        if !keep.isEmpty { parts.append("keep=" + list(keep)) }
        if text != .onehot { parts.append("text=\(text.rawValue)") }
        if maxCategories != CSVColumnOptions.defaultMaxCategories { parts.append("max_categories=\(maxCategories)") }
        return parts + limits.arguments
    }
}
