extension Duration {
    /// The duration in seconds, as a Double (`.milliseconds(1500).inSeconds == 1.5`).
    public var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
