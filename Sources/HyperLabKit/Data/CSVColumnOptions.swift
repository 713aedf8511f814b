/// Which columns of a CSV file become features, how text columns are encoded, whether gaps get
/// indicator columns, and how much of the file is accepted (`drop=`, `features=`, `keep=`,
/// `text=`, `max_categories=`, `missing_indicators=`, and the `CSVLoadLimits` `max_field=`,
/// `max_line=`, `max_classes=` of `load "FILE.csv"`).
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
    /// Whether a split adds a 0/1 column per feature with gaps in its train part
    /// (`missing_indicators=yes`; see `MissingIndicators`).
    public var missingIndicators: Bool
    /// The caps on cells, rows and classes.
    public var limits: CSVLoadLimits {
        get { changedLimits ?? CSVLoadLimits() }
        set { changedLimits = newValue == CSVLoadLimits() ? nil : newValue }
    }
    /// The limits when they differ from the defaults (nil otherwise, and in options stored
    /// before limits existed), so the defaults compare and store as they always did.
    private var changedLimits: CSVLoadLimits?

    /// Options with the defaults: every column, identifiers left out, one-hot text, 50
    /// categories, no missing indicators.
    public init(drop: [String] = [], features: [String]? = nil, keep: [String] = [],
                text: TextEncoding = .onehot, maxCategories: Int = CSVColumnOptions.defaultMaxCategories,
                missingIndicators: Bool = false, limits: CSVLoadLimits = CSVLoadLimits()) {
        precondition(maxCategories >= 2, "max_categories is at least 2")
        self.drop = drop
        self.features = features
        self.keep = keep
        self.text = text
        self.maxCategories = maxCategories
        self.missingIndicators = missingIndicators
        self.limits = limits
    }

    private enum CodingKeys: String, CodingKey {
        case drop, features, keep, text, maxCategories, missingIndicators, changedLimits
    }

    /// Decodes options, taking the default for a key stored before it existed
    /// (`missingIndicators`, the limits).
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(drop: try values.decode([String].self, forKey: .drop),
                  features: try values.decodeIfPresent([String].self, forKey: .features),
                  keep: try values.decode([String].self, forKey: .keep),
                  text: try values.decode(TextEncoding.self, forKey: .text),
                  maxCategories: max(2, try values.decode(Int.self, forKey: .maxCategories)),
                  missingIndicators: try values.decodeIfPresent(Bool.self, forKey: .missingIndicators) ?? false,
                  limits: try values.decodeIfPresent(CSVLoadLimits.self, forKey: .changedLimits) ?? CSVLoadLimits())
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
        if missingIndicators { parts.append("missing_indicators=yes") }
        return parts + limits.arguments
    }
}
