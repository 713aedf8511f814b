/// The version of HyperLab, written into saved sessions and stored studies.
public enum HyperLabVersion {
    /// The current version.
    public static let current = "0.1.0"
}
