import CKernels

/// The fused forward kernel (bias + activation) and the backward kernel of each activation,
/// over contiguous row-major buffers. One switch per call, then a branch-free loop.
extension Activation {
    /// For each of `rows` rows of `columns` values: `z += bias` (stored back only when the
    /// derivative needs it), `a = f(z)`.
    static func biasForward(_ f: Activation, z: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>,
                            a: UnsafeMutablePointer<Float>, rows: Int, columns: Int) {
        if f == .relu {
            // The same addition and select, sixteen or eight at a time where the CPU allows.
            hl_bias_relu(z, bias, a, rows, columns, HL_PATH_FASTEST)
            return
        }
        for r in 0..<rows {
            let zr = z + r * columns, ar = a + r * columns
            switch f {
            case .relu:
                for c in 0..<columns { let v = zr[c] + bias[c]; ar[c] = v > 0 ? v : 0 }
            case .leakyRelu:
                for c in 0..<columns { let v = zr[c] + bias[c]; ar[c] = v > 0 ? v : leakySlope * v }
            case .tanh:
                for c in 0..<columns { ar[c] = FastMath.tanh(zr[c] + bias[c]) }
            case .sigmoid:
                for c in 0..<columns { ar[c] = FastMath.sigmoid(zr[c] + bias[c]) }
            case .gelu:
                for c in 0..<columns { let v = zr[c] + bias[c]; zr[c] = v; ar[c] = gelu(v) }
            case .identity:
                for c in 0..<columns { ar[c] = zr[c] + bias[c] }
            }
        }
    }

    /// `delta *= f′(z)` elementwise over `count` values, with `a = f(z)` from the forward pass
    /// (and `z` the biased pre-activation, which only `gelu` reads).
    static func backward(_ f: Activation, z: UnsafePointer<Float>, a: UnsafePointer<Float>,
                         delta: UnsafeMutablePointer<Float>, count: Int) {
        switch f {
        case .relu:
            for i in 0..<count { let d = delta[i]; delta[i] = a[i] > 0 ? d : 0 }
        case .leakyRelu:
            for i in 0..<count { let d = delta[i]; delta[i] = a[i] > 0 ? d : leakySlope * d }
        case .tanh:
            for i in 0..<count { delta[i] *= 1 - a[i] * a[i] }
        case .sigmoid:
            for i in 0..<count { delta[i] *= a[i] * (1 - a[i]) }
        case .gelu:
            for i in 0..<count { delta[i] *= geluDerivative(z[i]) }
        case .identity:
            break
        }
    }
}
