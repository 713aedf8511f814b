extension Partition {
    /// The rows of `self` followed by the rows of `other`, each once: how train and dev become
    /// one part for the final fit before `evaluate test`.
    ///
    /// ```swift
    /// let joined = split.train.appending(split.dev)   // joined.count == train.count + dev.count
    /// ```
    /// - Precondition: both have the same features and the same kind of targets.
    public func appending(_ other: Partition) -> Partition {
        precondition(featureCount == other.featureCount, "the parts disagree in features")
        let targets: Targets
        switch (self.targets, other.targets) {
        case let (.classes(a, k), .classes(b, l)): targets = .classes(a + b, classCount: Swift.max(k, l))
        case let (.values(a), .values(b)): targets = .values(a + b)
        default: preconditionFailure("the parts disagree in the kind of targets")
        }
        return Partition(features: features.appendingRows(of: other.features), targets: targets)
    }
}
