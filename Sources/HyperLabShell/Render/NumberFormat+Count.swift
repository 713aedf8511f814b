extension NumberFormat {
    /// A count with its noun in agreement: "1 feature", "4 features", "0 rows".
    /// - Parameter plural: the plural when it is not `singular` + "s".
    public static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
