import ArgumentParser

/// A `--reconnect` time: how long to keep trying a PostgreSQL server that stopped answering.
/// Seconds ("90"), or a number with a unit: "90s", "5m", "1.5h"; "0" gives up at the first loss.
struct ReconnectTime: ExpressibleByArgument, CustomStringConvertible {
    /// The time.
    let duration: Duration
    /// As given (or "5m" for the default).
    let description: String

    /// The default: 5 minutes.
    static let standard = ReconnectTime(duration: .seconds(300), description: "5m")

    private init(duration: Duration, description: String) {
        self.duration = duration
        self.description = description
    }

    /// Reads "90", "90s", "5m" or "1h"; nil for anything else, a negative time, or over a day.
    init?(argument: String) {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600]
        var number = Substring(argument)
        var scale = 1.0
        if let last = argument.last, let unit = units[last] {
            number = argument.dropLast()
            scale = unit
        }
        guard let value = Double(number), value.isFinite, value >= 0, value * scale <= 86_400 else { return nil }
        self.init(duration: .milliseconds(Int64((value * scale * 1000).rounded())), description: argument)
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
