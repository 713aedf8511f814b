import Foundation
@testable import HyperLabKit

/// The network's forward pass and losses written again, plainly, in Double: the reference the
/// hand-derived Float32 backward passes are checked against by central finite differences.
enum ReferenceNetwork {
    /// The activation in Double, from its mathematical definition.
    static func activate(_ f: Activation, _ z: Double) -> Double {
        switch f {
        case .relu: max(0, z)
        case .leakyRelu: z > 0 ? z : 0.01 * z
        case .tanh: Foundation.tanh(z)
        case .sigmoid: 1 / (1 + Foundation.exp(-z))
        case .gelu: 0.5 * z * (1 + Foundation.tanh((2 / Double.pi).squareRoot() * (z + 0.044715 * z * z * z)))
        case .identity: z
        }
    }

    /// Mean softmax cross-entropy of rows of logits.
    static func crossEntropy(_ logits: [[Double]], labels: [Int]) -> Double {
        var total = 0.0
        for (row, y) in zip(logits, labels) {
            let m = row.max() ?? 0
            let lse = Foundation.log(row.reduce(0) { $0 + Foundation.exp($1 - m) }) + m
            total += lse - row[y]
        }
        return total / Double(logits.count)
    }

    /// Mean squared error of single predictions.
    static func meanSquaredError(_ predictions: [[Double]], targets: [Double]) -> Double {
        zip(predictions, targets).reduce(0) { $0 + ($1.0[0] - $1.1) * ($1.0[0] - $1.1) } / Double(targets.count)
    }

    /// The outputs of `architecture` with flat `parameters` on `input` rows, with per-hidden-layer
    /// dropout masks (multipliers) when given.
    static func forward(_ architecture: Architecture, parameters: [Double], input: [[Double]],
                        masks: [[Double]]?) -> [[Double]] {
        let sizes = architecture.layerSizes
        var x = input
        var offset = 0
        for l in 1..<sizes.count {
            let nIn = sizes[l - 1], nOut = sizes[l]
            let w = offset, b = offset + nIn * nOut
            offset = b + nOut
            let isLast = l == sizes.count - 1
            x = x.enumerated().map { r, row in
                (0..<nOut).map { j in
                    var z = parameters[b + j]
                    for i in 0..<nIn { z += row[i] * parameters[w + i * nOut + j] }
                    if isLast { return z }
                    let a = activate(architecture.activation, z)
                    return masks.map { a * $0[l - 1][r * nOut + j] } ?? a
                }
            }
        }
        return x
    }
}
