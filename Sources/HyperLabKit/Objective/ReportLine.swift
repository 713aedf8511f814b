/// One line of a command's standard output, read as HyperLab's reporting protocol.
///
/// ```
/// hyperlab: epoch=3 dev_acc=0.91            → .intermediate(step: 3, metrics: ["dev_acc": 0.91])
/// hyperlab: dev_acc=0.93 dev_loss=0.2       → .final(["dev_acc": 0.93, "dev_loss": 0.2])
/// hyperlab: dev_acc=high                    → .unreadable("dev_acc=high is not NAME=NUMBER")
/// loading data...                           → .output
/// ```
/// A report line starts with `hyperlab:` (at the very start of the line) followed by
/// space-separated `NAME=NUMBER` pairs; `epoch=E` (a whole number, 0 or more) makes it an
/// intermediate report for step E. Numbers are read as Swift's `Double` reads them (`0.5`,
/// `1e-3`, `nan`, `inf`). A name is a letter or `_` followed by letters, digits, `_`, `-`, `.`.
public enum ReportLine: Sendable, Equatable {
    /// A per-epoch report: the step and the metrics of that epoch.
    case intermediate(step: Int, metrics: [String: Double])
    /// A final report: the metrics of the whole run.
    case final([String: Double])
    /// A line that starts like a report but cannot be read; the reason says why.
    case unreadable(String)
    /// Any other output.
    case output

    /// The prefix that marks a report line.
    public static let prefix = "hyperlab:"

    /// Reads one line (without its line break; a trailing carriage return is ignored).
    public init(_ line: Substring) {
        guard line.hasPrefix(ReportLine.prefix) else {
            self = .output
            return
        }
        let body = line.dropFirst(ReportLine.prefix.count)
        var metrics: [String: Double] = [:]
        var step: Int?
        for field in body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
            guard let equals = field.firstIndex(of: "="),
                  let value = Double(field[field.index(after: equals)...]) else {
                self = .unreadable("\(field) is not NAME=NUMBER")
                return
            }
            let name = String(field[..<equals])
            guard ReportLine.isMetricName(name) else {
                self = .unreadable("\(name) is not a metric name")
                return
            }
            if name == "epoch" {
                guard value >= 0, value == value.rounded(), value < 1e15 else {
                    self = .unreadable("epoch=\(field[field.index(after: equals)...]) is not a whole number of 0 or more")
                    return
                }
                step = Int(value)
            } else {
                metrics[name] = value
            }
        }
        guard !metrics.isEmpty || step != nil else {
            self = .unreadable("the line reports no metric")
            return
        }
        if let step { self = .intermediate(step: step, metrics: metrics) } else { self = .final(metrics) }
    }

    /// Reads one line.
    public init(_ line: String) { self.init(line[...]) }

    /// Whether `name` can be a reported metric: a letter or `_`, then letters, digits, `_`, `-`, `.`.
    public static func isMetricName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0))
        }
    }
}
