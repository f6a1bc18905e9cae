/// SplitMix64 (Steele, Lea & Flood 2014): tiny, fast, and identical on every platform, so the same seed
/// always yields the same fixture tree. Never use `SystemRandomNumberGenerator` or `Hasher` here.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    @inline(__always) mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<n` (n > 0). Multiply-shift: no modulo bias worth caring about for fixtures.
    @inline(__always) mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(n).multipliedFullWidth(by: next())).high)
    }

    /// Uniform in `range` (inclusive).
    @inline(__always) mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// Uniform in [0, 1).
    @inline(__always) mutating func unit() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    @inline(__always) mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Approximately standard normal (Irwin–Hall: the sum of 12 uniforms minus 6). Only `+` and `*`,
    /// so the value is bit-identical on every IEEE-754 platform (libm `log`/`cos` are not).
    mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += unit() }
        return sum - 6
    }

    /// Log-normal with the given median and shape.
    mutating func logNormal(median: Double, sigma: Double) -> Double {
        median * portableExp(sigma * normal())
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Index drawn with the given (positive) weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            x -= w
            if x < 0 { return i }
        }
        return weights.count - 1
    }
}

/// `e^x` from basic arithmetic only (range reduction by ln 2, then a Taylor series), so results do not
/// depend on the platform's libm. Accurate to ~1e-15 relative for |x| < 700, which is plenty here.
func portableExp(_ x: Double) -> Double {
    let ln2 = 0.693_147_180_559_945_3
    let k = (x / ln2).rounded()
    let r = x - k * ln2
    var term = 1.0, sum = 1.0
    for i in 1...16 {
        term *= r / Double(i)
        sum += term
    }
    var scale = 1.0
    let n = Int(k)
    if n >= 0 { for _ in 0..<n { scale *= 2 } } else { for _ in 0..<(-n) { scale *= 0.5 } }
    return sum * scale
}
