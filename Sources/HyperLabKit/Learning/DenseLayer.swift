/// Where one dense layer's weights and bias live in a network's flat parameter buffer.
///
/// The layer computes `a = f(x·W + b)` for a batch `x` of `rows × inputs`, with `W` stored
/// row-major as `inputs × outputs` at `weightOffset` and `b` (length `outputs`) right after it.
/// Its gradients sit at the same offsets of the gradient buffer, so the optimizer updates every
/// parameter of the model in one contiguous loop.
struct DenseLayer: Sendable, Hashable {
    /// Width of the input.
    let inputs: Int
    /// Width of the output.
    let outputs: Int
    /// Offset of `W` in the parameter buffer.
    let weightOffset: Int
    /// Offset of `b` in the parameter buffer.
    var biasOffset: Int { weightOffset + inputs * outputs }
    /// Activation applied to the output (`identity` for the last layer).
    let activation: Activation

    /// The layers of `architecture`, packed one after another from offset 0.
    static func layers(of architecture: Architecture) -> [DenseLayer] {
        let sizes = architecture.layerSizes
        var offset = 0
        var layers: [DenseLayer] = []
        for l in 1..<sizes.count {
            let isLast = l == sizes.count - 1
            layers.append(DenseLayer(inputs: sizes[l - 1], outputs: sizes[l], weightOffset: offset,
                                     activation: isLast ? .identity : architecture.activation))
            offset += sizes[l - 1] * sizes[l] + sizes[l]
        }
        return layers
    }
}
