/// Σ xᵢ·yᵢ over `count` doubles, eight at a time in two SIMD4 accumulators.
///
/// A plain `s += x[i] * y[i]` loop is one dependency chain the compiler may not reorder
/// (floating-point addition is not associative), so it runs a multiply-add per cycle at best;
/// the linear algebra of the GP sampler spends most of its time in such sums.
@inline(__always)
func dotProduct(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ count: Int) -> Double {
    var a0 = SIMD4<Double>.zero, a1 = SIMD4<Double>.zero
    var i = 0
    let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
    let stride = MemoryLayout<Double>.stride
    // Wrapping arithmetic: i + 8 ≤ count, so no offset wraps, and the loop keeps no overflow
    // checks (issue 16: -Ounchecked had removed them).
    while i &+ 8 <= count {
        a0 += rx.loadUnaligned(fromByteOffset: i &* stride, as: SIMD4<Double>.self)
            * ry.loadUnaligned(fromByteOffset: i &* stride, as: SIMD4<Double>.self)
        a1 += rx.loadUnaligned(fromByteOffset: (i &+ 4) &* stride, as: SIMD4<Double>.self)
            * ry.loadUnaligned(fromByteOffset: (i &+ 4) &* stride, as: SIMD4<Double>.self)
        i &+= 8
    }
    var s = (a0 + a1).sum()
    while i < count {
        s += x[i] * y[i]
        i += 1
    }
    return s
}
