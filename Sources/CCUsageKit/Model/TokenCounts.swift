/// The four token counters Claude Code records for one request, or sums of them.
public struct TokenCounts: Sendable, Hashable {
    public var input = 0, output = 0, cacheCreation = 0, cacheRead = 0

    public init(input: Int = 0, output: Int = 0, cacheCreation: Int = 0, cacheRead: Int = 0) {
        self.input = input; self.output = output
        self.cacheCreation = cacheCreation; self.cacheRead = cacheRead
    }

    public var total: Int {
        Self.saturatingAdd(Self.saturatingAdd(input, output), Self.saturatingAdd(cacheCreation, cacheRead))
    }
    public var isZero: Bool { input == 0 && output == 0 && cacheCreation == 0 && cacheRead == 0 }

    /// Sums saturate at `Int.max` instead of wrapping (counts are never negative).
    public static func += (lhs: inout Self, rhs: Self) {
        lhs.input = saturatingAdd(lhs.input, rhs.input); lhs.output = saturatingAdd(lhs.output, rhs.output)
        lhs.cacheCreation = saturatingAdd(lhs.cacheCreation, rhs.cacheCreation)
        lhs.cacheRead = saturatingAdd(lhs.cacheRead, rhs.cacheRead)
    }

    @inline(__always) static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : sum
    }
}
