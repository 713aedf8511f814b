/// What a dataset's target asks for: a class label or a number.
public enum LearningTask: String, Sendable, Codable, CaseIterable {
    /// The target is one of a few class labels; scored by accuracy.
    case classification
    /// The target is a real number; scored by RMSE and R².
    case regression
}
