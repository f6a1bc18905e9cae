/// The four token counters Claude Code records for one request, or sums of them.
public struct TokenCounts: Sendable, Hashable {
    public var input = 0, output = 0, cacheCreation = 0, cacheRead = 0

    public init(input: Int = 0, output: Int = 0, cacheCreation: Int = 0, cacheRead: Int = 0) {
        self.input = input; self.output = output
        self.cacheCreation = cacheCreation; self.cacheRead = cacheRead
    }

    public var total: Int { input + output + cacheCreation + cacheRead }
    public var isZero: Bool { input == 0 && output == 0 && cacheCreation == 0 && cacheRead == 0 }

    public static func += (lhs: inout Self, rhs: Self) {
        lhs.input &+= rhs.input; lhs.output &+= rhs.output
        lhs.cacheCreation &+= rhs.cacheCreation; lhs.cacheRead &+= rhs.cacheRead
    }
}
