/// The numbers one status line shows, computed from the hook input and the loaded usage.
public struct StatuslineStatus: Sendable, Equatable {
    /// The active 5-hour block.
    public struct Block: Sendable, Equatable {
        public var cost: Double
        /// Whole minutes until the block ends (floored).
        public var remainingMinutes: Int
        public var burn: Burn?
        public init(cost: Double, remainingMinutes: Int, burn: Burn? = nil) {
            self.cost = cost; self.remainingMinutes = remainingMinutes; self.burn = burn
        }
    }

    public struct Burn: Sendable, Equatable {
        public var costPerHour: Double
        /// Input + output tokens per minute: what the Normal / Moderate / High level is judged on.
        public var tokensPerMinuteForIndicator: Double
        public init(costPerHour: Double, tokensPerMinuteForIndicator: Double) {
            self.costPerHour = costPerHour; self.tokensPerMinuteForIndicator = tokensPerMinuteForIndicator
        }
    }

    /// Tokens in the context window and the window's size.
    public struct Context: Sendable, Equatable {
        public var tokens: Int
        public var window: Int
        public init(tokens: Int, window: Int) { self.tokens = tokens; self.window = window }
        /// `round(tokens / window × 100)`.
        public var percent: Int {
            guard window > 0 else { return 0 }
            return Int((Double(tokens) / Double(window) * 100).rounded())
        }
    }

    public var model: String
    /// `cost.total_cost_usd` from the hook.
    public var hookSessionCost: Double?
    /// Sum of the computed costs of this session's entries; nil when the session has none.
    public var computedSessionCost: Double?
    public var todayCost: Double
    public var block: Block?
    public var context: Context?
    /// Claude's 5-hour and 7-day plan usage from the hook; empty when the hook has none.
    public var rateLimits: [RateLimitDisplay]

    public init(model: String, hookSessionCost: Double? = nil, computedSessionCost: Double? = nil,
                todayCost: Double = 0, block: Block? = nil, context: Context? = nil,
                rateLimits: [RateLimitDisplay] = []) {
        self.model = model; self.hookSessionCost = hookSessionCost; self.computedSessionCost = computedSessionCost
        self.todayCost = todayCost; self.block = block; self.context = context; self.rateLimits = rateLimits
    }

    /// The context window of a model: its pricing entry's limit, else 200 000.
    public static let defaultContextWindow = 200_000

    public static func contextWindow(of modelID: String?, prices: PriceTable) -> Int {
        guard let modelID, !modelID.isEmpty, let window = prices.price(for: modelID)?.price.contextWindow,
              window > 0 else { return defaultContextWindow }
        return window
    }

    /// Everything from one load: the session's cost (JSONL `sessionId` or transcript name equal to the hook's
    /// `session_id`), today's cost in `zone`, the active block, the context (hook `context_window` first,
    /// else `transcriptContextTokens`, read from the transcript by the caller) and the hook's rate limits
    /// (reset times in `zone`).
    public init(hook: StatuslineHook, usage: LoadedUsage, now: Int64, zone: ReportZone,
                transcriptContextTokens: Int?, prices: PriceTable = .embedded,
                hours: Double = SessionBlocks.defaultHours) {
        let sessionID = hook.sessionID
        var sessionCost = 0.0, sessionEntries = 0
        var today = 0.0
        let todayDay = zone.day(ofMillis: now)
        var bucketer = DayBucketer(zone)
        for record in usage.records {
            if record.record.sessionField == sessionID || usage.file(of: record).sessionID == sessionID {
                sessionCost += record.cost
                sessionEntries += 1
            }
            if bucketer.day(ofMillis: record.time) == todayDay { today += record.cost }
        }
        var block: Block?
        if let active = SessionBlocks.build(usage.records, now: now, hours: hours).first(where: { $0.isActive && !$0.isGap }) {
            let burn = active.burnRate.map {
                Burn(costPerHour: $0.costPerHour, tokensPerMinuteForIndicator: $0.tokensPerMinuteForIndicator)
            }
            block = Block(cost: active.cost, remainingMinutes: max(0, Int((active.end - now) / 60_000)), burn: burn)
        }
        var context: Context?
        let window = { StatuslineStatus.contextWindow(of: hook.model.id, prices: prices) }
        if let hookContext = hook.contextWindow, let tokens = hookContext.totalInputTokens {
            let size = hookContext.contextWindowSize.flatMap { $0 > 0 ? $0 : nil } ?? window()
            context = Context(tokens: tokens, window: size)
        } else if let tokens = transcriptContextTokens {
            context = Context(tokens: tokens, window: window())
        }
        self.init(model: hook.model.displayName, hookSessionCost: hook.cost?.totalCostUSD,
                  computedSessionCost: sessionEntries > 0 ? sessionCost : nil, todayCost: today,
                  block: block, context: context,
                  rateLimits: RateLimitDisplay.windows(hook.rateLimits, now: now, zone: zone))
    }
}
