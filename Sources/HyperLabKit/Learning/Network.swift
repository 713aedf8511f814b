import CKernels

/// A network's parameters and every buffer its forward and backward passes need, allocated
/// once for batches of up to `capacity` rows.
///
/// Forward: for each layer, `z = x·W` (one GEMM), then a fused pass `a = f(z + b)`; hidden
/// outputs then pass through inverted dropout when training. Backward (after a loss kernel has
/// written the last layer's delta): `∂W = xᵀ·δ`, `∂b = Σ_rows δ`, `δ_prev = (δ·Wᵀ) ⊙ mask ⊙ f′`.
/// Neither pass allocates.
///
/// Not thread-safe: a network belongs to one run on one thread.
final class Network {
    /// The shape.
    let architecture: Architecture
    /// The dense layers, input to output.
    let layers: [DenseLayer]
    /// The largest number of rows a pass may take.
    let capacity: Int
    /// All weights and biases, layer after layer.
    let parameters: FloatBuffer
    /// Gradients of the last backward pass, at the same offsets as `parameters`.
    let gradients: FloatBuffer
    /// The matrix-product backend.
    let gemm: any GEMMBackend
    /// Every buffer created for this network (and its trainer).
    let ledger: BufferLedger

    private let preActivations: [FloatBuffer]
    private let outputs: [FloatBuffer]
    private let masks: [FloatBuffer]
    private let dropped: [FloatBuffer]
    private let deltas: [FloatBuffer]
    private var dropoutStream: SeededGenerator
    private var droppedLastForward = false

    /// A network with weights drawn from `initStream` by `initialization`, or all zero when the
    /// stream is nil (to be overwritten); dropout masks come from `dropoutStream`.
    init(architecture: Architecture, capacity: Int, gemm: any GEMMBackend, ledger: BufferLedger,
         initStream: SeededGenerator?, initialization: WeightInitialization = .he, dropoutStream: SeededGenerator) {
        precondition(capacity > 0, "a network needs room for at least one row")
        self.architecture = architecture
        self.layers = DenseLayer.layers(of: architecture)
        self.capacity = capacity
        self.gemm = gemm
        self.ledger = ledger
        self.dropoutStream = dropoutStream
        parameters = FloatBuffer(count: architecture.parameterCount, ledger: ledger)
        gradients = FloatBuffer(count: architecture.parameterCount, ledger: ledger)
        preActivations = layers.map { FloatBuffer(count: capacity * $0.outputs, ledger: ledger) }
        outputs = layers.map { FloatBuffer(count: capacity * $0.outputs, ledger: ledger) }
        deltas = layers.map { FloatBuffer(count: capacity * $0.outputs, ledger: ledger) }
        let hiddenLayers = layers.dropLast()
        if architecture.dropout > 0 {
            masks = hiddenLayers.map { FloatBuffer(count: capacity * $0.outputs, ledger: ledger) }
            dropped = hiddenLayers.map { FloatBuffer(count: capacity * $0.outputs, ledger: ledger) }
        } else {
            masks = []
            dropped = []
        }
        if var stream = initStream { initialize(initialization, using: &stream) }
    }

    /// Number of outputs per row.
    var outputWidth: Int { architecture.outputs }

    /// Draws every layer's weights and biases by `scheme`, input layer first.
    private func initialize(_ scheme: WeightInitialization, using stream: inout SeededGenerator) {
        let p = parameters.pointer
        for layer in layers {
            scheme.draw(weights: p + layer.weightOffset, biases: p + layer.biasOffset,
                        inputs: layer.inputs, outputs: layer.outputs,
                        feedsReLUFamily: layer.activation.usesHeInitialization, using: &stream)
        }
    }

    /// Runs the forward pass on `rows` rows of `input` (row-major, `architecture.inputs` wide)
    /// and returns the outputs (`rows × outputWidth`: logits or predictions), valid until the
    /// next pass. Dropout is applied only when `training` is true.
    @discardableResult
    func forward(_ input: UnsafePointer<Float>, rows: Int, training: Bool) -> UnsafeMutablePointer<Float> {
        precondition(rows > 0 && rows <= capacity, "batch of \(rows) rows exceeds the network's capacity \(capacity)")
        let p = parameters.pointer
        let useDropout = training && !masks.isEmpty
        droppedLastForward = useDropout
        var x = input
        for l in layers.indices {
            let layer = layers[l]
            let z = preActivations[l].pointer, a = outputs[l].pointer
            gemm.multiply(transposeA: false, transposeB: false, m: rows, n: layer.outputs, k: layer.inputs,
                          alpha: 1, a: x, lda: layer.inputs, b: p + layer.weightOffset, ldb: layer.outputs,
                          beta: 0, c: z, ldc: layer.outputs)
            Activation.biasForward(layer.activation, z: z, bias: p + layer.biasOffset, a: a,
                                   rows: rows, columns: layer.outputs)
            if useDropout && l < layers.count - 1 {
                let d = dropped[l].pointer
                applyDropout(to: a, mask: masks[l].pointer, dropped: d, count: rows * layer.outputs)
                x = UnsafePointer(d)
            } else {
                x = UnsafePointer(a)
            }
        }
        return outputs[layers.count - 1].pointer
    }

    /// The buffer a loss kernel writes ∂loss/∂output into before `backward`.
    var outputDelta: UnsafeMutablePointer<Float> { deltas[layers.count - 1].pointer }

    /// Backpropagates `outputDelta` through the last forward pass on `rows` rows of `input`,
    /// overwriting `gradients`.
    func backward(_ input: UnsafePointer<Float>, rows: Int) {
        let p = parameters.pointer, g = gradients.pointer
        for l in layers.indices.reversed() {
            let layer = layers[l]
            let delta = deltas[l].pointer
            let x: UnsafePointer<Float> = l == 0 ? input
                : UnsafePointer(droppedLastForward ? dropped[l - 1].pointer : outputs[l - 1].pointer)
            gemm.multiply(transposeA: true, transposeB: false, m: layer.inputs, n: layer.outputs, k: rows,
                          alpha: 1, a: x, lda: layer.inputs, b: delta, ldb: layer.outputs,
                          beta: 0, c: g + layer.weightOffset, ldc: layer.outputs)
            // ∂b: the rows' sums, row after row (in C, sixteen or eight columns at a time).
            hl_column_sums(delta, rows, layer.outputs, g + layer.biasOffset, HL_PATH_FASTEST)
            guard l > 0 else { continue }
            let previous = deltas[l - 1].pointer
            gemm.multiply(transposeA: false, transposeB: true, m: rows, n: layer.inputs, k: layer.outputs,
                          alpha: 1, a: delta, lda: layer.outputs, b: p + layer.weightOffset, ldb: layer.outputs,
                          beta: 0, c: previous, ldc: layer.inputs)
            let count = rows * layer.inputs
            let mask: UnsafePointer<Float>? = droppedLastForward ? UnsafePointer(masks[l - 1].pointer) : nil
            if layers[l - 1].activation == .relu {
                // The mask's product and ReLU's select in one pass (in C, as `Activation.backward` and the loop below).
                hl_relu_backward(previous, mask, outputs[l - 1].pointer, count, HL_PATH_FASTEST)
                continue
            }
            if let mask {
                for i in 0..<count { previous[i] *= mask[i] }
            }
            Activation.backward(layers[l - 1].activation, z: preActivations[l - 1].pointer,
                                a: outputs[l - 1].pointer, delta: previous, count: count)
        }
    }

    /// The dropout mask of hidden layer `layer` from the last training forward pass (nil when
    /// that pass used no dropout). For tests.
    func dropoutMask(layer: Int) -> UnsafePointer<Float>? {
        droppedLastForward && layer < masks.count ? UnsafePointer(masks[layer].pointer) : nil
    }

    /// Inverted dropout: draws the mask (each entry 0 with probability p, else 1/(1 − p)) and
    /// writes `dropped[i] = a[i] * mask[i]`. Uniforms have 24 random bits; one 64-bit draw
    /// serves two entries.
    ///
    /// Branch-free: a kept entry is `scale`'s bits under an all-ones mask, a dropped one +0 under
    /// a zero mask (a branch per entry mispredicts about once in four at p near 0.5). The stream
    /// is read into a local and written back once. The products ride in the same loop, whose
    /// time is the stream's chain of dependent draws (a pass of their own cost 1 % of a study).
    private func applyDropout(to a: UnsafePointer<Float>, mask: UnsafeMutablePointer<Float>,
                              dropped: UnsafeMutablePointer<Float>, count: Int) {
        let keep = 1 - architecture.dropout
        let scale = 1 / keep
        let threshold = UInt32((Double(keep) * 16_777_216).rounded(.down))
        let scaleBits = scale.bitPattern
        // u < threshold (both below 2^24) exactly when u − threshold wraps, setting bit 31.
        @inline(__always) func entry(_ u: UInt32) -> Float {
            Float(bitPattern: scaleBits & (0 &- ((u &- threshold) >> 31)))
        }
        var stream = dropoutStream
        let pairs = count / 2
        for i in 0..<pairs {
            let bits = stream.next()
            let first = entry(UInt32(truncatingIfNeeded: bits) >> 8)
            let second = entry(UInt32(truncatingIfNeeded: bits >> 32) >> 8)
            mask[2 &* i] = first
            mask[2 &* i &+ 1] = second
            dropped[2 &* i] = a[2 &* i] * first
            dropped[2 &* i &+ 1] = a[2 &* i &+ 1] * second
        }
        if count % 2 != 0 {
            let last = entry(UInt32(truncatingIfNeeded: stream.next()) >> 8)
            mask[count - 1] = last
            dropped[count - 1] = a[count - 1] * last
        }
        dropoutStream = stream
    }
}
