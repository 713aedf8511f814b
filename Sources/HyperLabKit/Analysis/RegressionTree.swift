/// One regression tree of a `RegressionForest`: a piecewise-constant function on the box.
///
/// Each internal node splits one parameter: a continuous one by a threshold (`x ≤ t` goes
/// left), a categorical one by a subset of its categories (members go left). Each leaf
/// predicts the mean metric of the training samples that reached it. Because every split
/// cuts the current box in two, the leaves partition the whole box
/// ([0, 1] per continuous parameter × the categories of each categorical one), which is
/// what makes the functional ANOVA of `varianceDecomposition()` exact.
///
/// ```swift
/// let forest = try RegressionForest(inputs: x, kinds: [.continuous], values: y)
/// let tree = forest.trees[0]
/// print(tree.leafCount, tree.predict([0.3]))
/// ```
public struct RegressionTree: Sendable {
    /// A node; `feature < 0` marks a leaf.
    struct Node: Sendable, Hashable {
        /// The split parameter, or -1 for a leaf.
        var feature: Int
        /// A continuous split's threshold (`x ≤ threshold` goes left).
        var threshold: Double
        /// A categorical split's index into `categorySets` (the categories that go left), or -1.
        var categories: Int
        /// The children's node indices (unused for a leaf).
        var left: Int, right: Int
        /// The mean metric of the training samples in this node.
        var value: Double

        /// A leaf predicting `value`.
        static func leaf(_ value: Double) -> Node {
            Node(feature: -1, threshold: 0, categories: -1, left: -1, right: -1, value: value)
        }
    }

    /// The nodes; the root is `nodes[0]`.
    let nodes: [Node]
    /// The category subsets of categorical splits.
    let categorySets: [CategorySet]
    /// The kind of each parameter.
    public let kinds: [ImportanceInputKind]

    /// The number of leaves (cells of the tree's partition of the box).
    public var leafCount: Int { nodes.reduce(0) { $0 + ($1.feature < 0 ? 1 : 0) } }

    /// The number of nodes, internal and leaves.
    public var nodeCount: Int { nodes.count }

    /// The tree's prediction at `point` (one coordinate per parameter, as in training).
    ///
    /// - Precondition: `point.count == kinds.count`.
    public func predict(_ point: [Double]) -> Double {
        precondition(point.count == kinds.count, "predict needs one coordinate per parameter")
        var n = 0
        while nodes[n].feature >= 0 {
            n = goesLeft(nodes[n], point[nodes[n].feature]) ? nodes[n].left : nodes[n].right
        }
        return nodes[n].value
    }

    /// Whether a coordinate `x` of the node's split parameter goes to the left child.
    @inline(__always) func goesLeft(_ node: Node, _ x: Double) -> Bool {
        if node.categories >= 0 {
            // NaN and out-of-range coordinates fall to the right instead of trapping.
            return x >= 0 && x < 0x1p52 && categorySets[node.categories].contains(Int(x))
        }
        return x <= node.threshold
    }
}
