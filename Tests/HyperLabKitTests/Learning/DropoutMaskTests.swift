import Testing
@testable import HyperLabKit

/// The dropout masks of `Network.forward` are the contract's stream, entry for entry: per hidden
/// layer in order, one 64-bit draw of the dropout stream per two entries (low half first, the
/// top 24 bits of each half as the uniform), kept (1/(1 − p)) below ⌊(1 − p)·2²⁴⌋, else +0; an
/// odd count uses the low half of one more draw. Tutorials narrate numbers that depend on it.
@Suite struct DropoutMaskTests {
    /// The masks by that definition, written as plainly as possible (a branch per entry).
    static func definition(counts: [Int], dropout: Float, seed: Int) -> [[UInt32]] {
        var stream = SeededGenerator(seed: seed)
        let keep = 1 - dropout
        let scale = 1 / keep
        let threshold = UInt32((Double(keep) * 16_777_216).rounded(.down))
        return counts.map { count in
            var mask: [UInt32] = []
            var bits: UInt64 = 0
            for i in 0..<count {
                if i % 2 == 0 { bits = stream.next() }
                let half = i % 2 == 0 ? UInt32(truncatingIfNeeded: bits) : UInt32(truncatingIfNeeded: bits >> 32)
                let kept: Float = (half >> 8) < threshold ? scale : 0
                mask.append(kept.bitPattern)
            }
            return mask
        }
    }

    @Test(arguments: [(Float(0.3), 5), (0.5, 4), (0.05, 7), (0.9, 3)])
    func masksFollowTheStreamBitForBit(dropout: Float, rows: Int) throws {
        let architecture = try Architecture(inputs: 3, hidden: [5, 4], activation: .relu, dropout: Double(dropout),
                                            outputs: 2, task: .classification)
        let net = Network(architecture: architecture, capacity: rows, gemm: DeterministicGEMM(), ledger: BufferLedger(),
                          initStream: SeededGenerator(seed: 1), dropoutStream: SeededGenerator(seed: 7))
        let input = [Float](repeating: 0.5, count: rows * 3)
        let counts = [rows * 5, rows * 4]
        // Two passes: the second continues the stream where the first left it.
        let expected = Self.definition(counts: counts + counts, dropout: architecture.dropout, seed: 7)
        for pass in 0..<2 {
            input.withUnsafeBufferPointer { _ = net.forward($0.baseAddress!, rows: rows, training: true) }
            for l in 0..<2 {
                let mask = try #require(net.dropoutMask(layer: l))
                let got = (0..<counts[l]).map { mask[$0].bitPattern }
                #expect(got == expected[pass * 2 + l], "pass \(pass), layer \(l)")
            }
        }
    }
}
