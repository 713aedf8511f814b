import Foundation

/// How HyperLab writes numbers, shared by tables, plots and progress lines.
///
/// The scheme, one for all output:
/// - **Metrics and parameters** (`metric`): three significant digits, trailing zeros dropped:
///   0.97222 → "0.972", 0.0345 → "0.0345", 12.5 → "12.5", 100 → "100". Integer digits are
///   never rounded away (123456 → "123456").
/// - **Very small or very large** magnitudes (below 0.001 or from 1,000,000 on) switch to
///   scientific notation with a two-digit signed exponent, as C's `%e` writes it and as the
///   command language reads it back: 1e-4 → "1e-04", 2.5e-5 → "2.5e-05", 3e6 → "3e+06".
///   So a learning rate of 0.001 reads "0.001" and 0.0003 reads "3e-04".
/// - **Not a number** and infinities read "nan", "inf", "-inf".
/// - **Durations** (`duration`): "350 ms", "1.2 s", "42 s", "3 m 04 s", "1 h 02 m".
/// - **Axis ticks** (`ticks`): one number of decimals for a whole axis, from its step.
public enum NumberFormat {
    /// Below this magnitude (and above zero) a number is written in scientific notation.
    public static let smallestFixed = 1e-3
    /// From this magnitude on a number is written in scientific notation.
    public static let largestFixed = 1e6

    /// A metric or parameter value with `significant` significant digits (default 3),
    /// trailing zeros dropped; scientific notation outside [0.001, 1e6).
    public static func metric(_ value: Double, significant: Int = 3) -> String {
        let digits = max(1, significant)
        if let special = nonFinite(value) { return special }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude < smallestFixed || magnitude >= largestFixed {
            return scientific(value, significant: digits)
        }
        let exponent = Int(floor(log10(magnitude)))
        let decimals = max(0, digits - 1 - exponent)
        return fixed(value, decimals: decimals, trimZeros: true)
    }

    /// `value` in scientific notation with `significant` significant digits, trailing zeros
    /// of the mantissa dropped and a signed exponent of at least two digits ("2.5e-05").
    public static func scientific(_ value: Double, significant: Int = 3) -> String {
        if let special = nonFinite(value) { return special }
        let text = String(format: "%.\(max(0, significant - 1))e", value)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
        var mantissa = String(text[..<e])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        return mantissa + text[e...]
    }

    /// `value` with exactly `decimals` decimals (or trailing zeros dropped when `trimZeros`);
    /// never "-0".
    public static func fixed(_ value: Double, decimals: Int, trimZeros: Bool = false) -> String {
        if let special = nonFinite(value) { return special }
        var text = String(format: "%.\(max(0, decimals))f", value)
        if trimZeros, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            text.removeFirst()
        }
        return text
    }

    /// A whole number with no grouping ("1200").
    public static func integer(_ value: Int) -> String { String(value) }

    /// A fraction as a whole percentage ("35%"), clamped to 0–100.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "0%" }
        let clamped = min(1, max(0, fraction))
        return "\(Int((clamped * 100).rounded(.down)))%"
    }

    /// A duration: "350 ms" under a second, "1.2 s" under ten seconds, "42 s" under a minute,
    /// "3 m 04 s" under an hour, "1 h 02 m" from an hour on. Negative or non-finite → "0 ms".
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0 ms" }
        if seconds < 0.9995 {
            return "\(Int((seconds * 1000).rounded())) ms"
        }
        let tenths = (seconds * 10).rounded()
        if tenths < 100 {
            return fixed(tenths / 10, decimals: 1) + " s"
        }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 {
            return "\(whole / 60) m " + twoDigits(whole % 60) + " s"
        }
        let minutes = Int((seconds / 60).rounded())
        return "\(minutes / 60) h " + twoDigits(minutes % 60) + " m"
    }

    /// Labels for axis ticks `values` spaced `step` apart: all with the decimals the step needs,
    /// or all in scientific notation when the axis reaches 1e6 or its step is below 0.001.
    public static func ticks(_ values: [Double], step: Double) -> [String] {
        guard step.isFinite, step > 0 else { return values.map { metric($0) } }
        let largest = values.map(abs).max() ?? 0
        if largest >= largestFixed || step < smallestFixed {
            let digits = largest > 0 ? Int(floor(log10(largest))) - Int(floor(log10(step))) + 1 : 1
            return values.map { $0 == 0 ? "0" : scientific($0, significant: max(1, min(digits, 6))) }
        }
        let decimals = max(0, -Int(floor(log10(step) + 1e-9)))
        return values.map { fixed($0, decimals: decimals) }
    }

    private static func nonFinite(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
