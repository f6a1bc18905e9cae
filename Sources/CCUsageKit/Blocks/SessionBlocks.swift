/// A 5-hour billing window (or the gap between two of them).
public struct SessionBlock: Sendable, Equatable {
    public var start: Int64
    public var end: Int64
    /// Time of the last entry; nil for gaps.
    public var actualEnd: Int64?
    public var firstEntry: Int64?
    public var isActive: Bool
    public var isGap: Bool
    public var entryCount: Int
    public var tokens: TokenCounts
    public var cost: Double
    /// Distinct model labels in first-seen order (no `<synthetic>`).
    public var models: [String]
    public var usageLimitReset: Int64?
    /// Tokens and cost per model label, most expensive first (`--breakdown`).
    public var breakdowns: [ModelBreakdown] = []

    public var id: String { isGap ? "gap-" + Timestamp.iso(start) : Timestamp.iso(start) }

    public struct BurnRate: Sendable, Equatable {
        public var tokensPerMinute: Double
        public var tokensPerMinuteForIndicator: Double
        public var costPerHour: Double
    }

    public struct Projection: Sendable, Equatable {
        public var totalTokens: Int
        public var totalCost: Double
        public var remainingMinutes: Int
    }

    /// Needs two distinct timestamps.
    public var burnRate: BurnRate? {
        guard !isGap, let first = firstEntry, let last = actualEnd else { return nil }
        let minutes = Double(last - first) / 60_000
        guard minutes > 0 else { return nil }
        return BurnRate(tokensPerMinute: Double(tokens.total) / minutes,
                        tokensPerMinuteForIndicator: Double(tokens.input + tokens.output) / minutes,
                        costPerHour: cost / minutes * 60)
    }

    public func projection(now: Int64) -> Projection? {
        guard isActive, !isGap, let rate = burnRate else { return nil }
        let remaining = max(0, Double(end - now) / 60_000)
        let tokens = (Double(self.tokens.total) + rate.tokensPerMinute * remaining).rounded()
        let cost = ((cost + rate.costPerHour / 60 * remaining) * 100).rounded() / 100
        return Projection(totalTokens: Int(tokens), totalCost: cost, remainingMinutes: Int(remaining.rounded()))
    }
}

public enum SessionBlocks {
    public static let defaultHours = 5.0

    /// Groups records into blocks: a block starts at the UTC hour of its first entry and ends `hours` later;
    /// an entry more than `hours` after the block start or after the previous entry opens a new block, and a
    /// silence longer than `hours` leaves a gap block.
    public static func build(_ records: [PricedRecord], now: Int64, hours: Double = defaultHours) -> [SessionBlock] {
        build(RecordStore(records), now: now, hours: hours)
    }

    /// `weights`: how many requests each record stands for (nil: one each), for a block's entry count.
    public static func build(_ records: RecordStore, now: Int64, hours: Double = defaultHours,
                             weights: [Int32]? = nil) -> [SessionBlock] {
        let length = Int64(hours * 3_600_000)
        // Sort positions, not the records themselves (stable: equal times keep their order).
        let order = records.indices.sorted {
            records[$0].time != records[$1].time ? records[$0].time < records[$1].time : $0 < $1
        }
        var blocks: [SessionBlock] = []
        var current: [PricedRecord] = []
        var entries = 0
        var blockStart: Int64 = 0
        func floorHour(_ t: Int64) -> Int64 { t - ((t % 3_600_000) + 3_600_000) % 3_600_000 }
        func close() {
            guard !current.isEmpty else { return }
            var builder = SummaryBuilder()
            var reset: Int64?
            for r in current {
                builder.add(r)
                if reset == nil, let value = r.record.usageLimitReset { reset = value }
            }
            let summary = builder.build()
            let last = current.last!.time
            blocks.append(SessionBlock(
                start: blockStart, end: blockStart + length, actualEnd: last, firstEntry: current.first!.time,
                isActive: now - last < length && now < blockStart + length, isGap: false,
                entryCount: entries, tokens: summary.tokens, cost: summary.cost, models: summary.modelsUsed,
                usageLimitReset: reset, breakdowns: summary.breakdowns))
        }
        for position in order {
            let record = records[position]
            let weight = weights.map { Int($0[position]) } ?? 1
            if current.isEmpty {
                blockStart = floorHour(record.time)
                current = [record]
                entries = weight
                continue
            }
            let lastTime = current.last!.time
            let sinceStart = record.time - blockStart, sinceLast = record.time - lastTime
            if sinceStart > length || sinceLast > length {
                close()
                if sinceLast > length {
                    blocks.append(SessionBlock(start: lastTime + length, end: record.time, actualEnd: nil, firstEntry: nil,
                                               isActive: false, isGap: true, entryCount: 0, tokens: TokenCounts(),
                                               cost: 0, models: [], usageLimitReset: nil))
                }
                blockStart = floorHour(record.time)
                current = [record]
                entries = weight
            } else {
                current.append(record)
                entries += weight
            }
        }
        close()
        return blocks
    }
}

/// Options of the blocks report.
public struct BlocksOptions: Sendable {
    public var zone: ReportZone
    public var range: DateRange
    public var order: ReportOrder
    public var active: Bool
    public var recent: Bool
    /// `--token-limit`: nil = not given, "max" or a number.
    public var tokenLimit: String?
    public var hours: Double
    public var now: Int64

    public init(zone: ReportZone, range: DateRange = DateRange(), order: ReportOrder = .asc, active: Bool = false,
                recent: Bool = false, tokenLimit: String? = nil, hours: Double = SessionBlocks.defaultHours, now: Int64) {
        self.zone = zone; self.range = range; self.order = order; self.active = active; self.recent = recent
        self.tokenLimit = tokenLimit; self.hours = hours; self.now = now
    }
}

/// The blocks report: filtered, ordered blocks plus the token limit they are measured against.
public struct BlocksReport: Sendable {
    public var blocks: [SessionBlock]
    public var options: BlocksOptions
    /// The largest total of a finished, non-gap block (after the date filter).
    public var maxTokens: Int
    /// The limit the table's % column and REMAINING row use (`max` when no flag is given).
    public var limit: Int?
    /// Claude's own limits last seen by the status line for the data directories read (still in effect),
    /// shown with the active block.
    public var rateLimits: [RememberedRateLimits] = []

    public init(_ usage: LoadedUsage, options: BlocksOptions) {
        self.init(records: usage.records, options: options, weights: usage.weights)
    }

    public init(records: [PricedRecord], options: BlocksOptions) {
        self.init(records: RecordStore(records), options: options)
    }

    public init(records: RecordStore, options: BlocksOptions, weights: [Int32]? = nil) {
        self.options = options
        var blocks = SessionBlocks.build(records, now: options.now, hours: options.hours, weights: weights)
        blocks = blocks.filter { options.range.contains(options.zone.day(ofMillis: $0.start)) }
        blocks.sort { options.order == .asc ? $0.start < $1.start : $0.start > $1.start }
        maxTokens = blocks.filter { !$0.isGap && !$0.isActive }.map(\.tokens.total).max() ?? 0
        if options.recent {
            let cutoff = options.now - 3 * 86_400_000
            blocks = blocks.filter { $0.start >= cutoff || $0.isActive }
        }
        if options.active { blocks = blocks.filter(\.isActive) }
        self.blocks = blocks
        self.limit = BlocksReport.parseLimit(options.tokenLimit, max: maxTokens)
    }

    /// Absent, empty or `max` → the largest previous block (if any); otherwise a whole number.
    public static func parseLimit(_ text: String?, max: Int) -> Int? {
        guard let text, !text.isEmpty, text != "max" else { return max > 0 ? max : nil }
        guard let value = Int(text), value >= 0 else { return nil }
        return value
    }

    /// The `--json` object; `breakdown` adds each block's `modelBreakdowns` after its `models`.
    public func json(breakdown: Bool = false) -> JSONValue {
        let items: [JSONValue] = blocks.map { b in
            var m: [JSONValue.Member] = [
                .init("id", .string(b.id)),
                .init("startTime", .string(Timestamp.iso(b.start))),
                .init("endTime", .string(Timestamp.iso(b.end))),
                .init("actualEndTime", b.actualEnd.map { .string(Timestamp.iso($0)) } ?? .null),
                .init("isActive", .bool(b.isActive)),
                .init("isGap", .bool(b.isGap)),
                .init("entries", .int(b.entryCount)),
                .init("tokenCounts", .object([
                    .init("inputTokens", .int(b.tokens.input)),
                    .init("outputTokens", .int(b.tokens.output)),
                    .init("cacheCreationInputTokens", .int(b.tokens.cacheCreation)),
                    .init("cacheReadInputTokens", .int(b.tokens.cacheRead)),
                ])),
                .init("totalTokens", .int(b.tokens.total)),
                .init("costUSD", .double(b.cost)),
                .init("models", .array(b.models.map { .string($0) })),
            ]
            if breakdown { m.append(.init("modelBreakdowns", .array(b.breakdowns.map { $0.json(hideCost: false) }))) }
            let projection = b.projection(now: options.now)
            if b.isActive, let rate = b.burnRate {
                m.append(.init("burnRate", .object([
                    .init("tokensPerMinute", .double(rate.tokensPerMinute)),
                    .init("tokensPerMinuteForIndicator", .double(rate.tokensPerMinuteForIndicator)),
                    .init("costPerHour", .double(rate.costPerHour)),
                ])))
            } else {
                m.append(.init("burnRate", .null))
            }
            if let p = projection {
                m.append(.init("projection", .object([
                    .init("totalTokens", .int(p.totalTokens)),
                    .init("totalCost", .double(p.totalCost)),
                    .init("remainingMinutes", .int(p.remainingMinutes)),
                ])))
                if options.tokenLimit != nil, let limit, limit > 0 {
                    let percent = Double(p.totalTokens) / Double(limit) * 100
                    let status = Double(p.totalTokens) > Double(limit) ? "exceeds"
                        : Double(p.totalTokens) > Double(limit) * 0.8 ? "warning" : "ok"
                    m.append(.init("tokenLimitStatus", .object([
                        .init("limit", .int(limit)),
                        .init("projectedUsage", .int(p.totalTokens)),
                        .init("percentUsed", .double(percent)),
                        .init("status", .string(status)),
                    ])))
                }
            } else {
                m.append(.init("projection", .null))
            }
            if let reset = b.usageLimitReset { m.append(.init("usageLimitResetTime", .string(Timestamp.iso(reset)))) }
            if b.isActive, !rateLimits.isEmpty {
                m.append(.init("rateLimits", .array(rateLimits.map { $0.json(now: options.now) })))
            }
            return .object(m)
        }
        var members = [JSONValue.Member("blocks", .array(items))]
        if options.active && blocks.isEmpty { members.append(.init("message", .string("No active block"))) }
        return .object(members)
    }
}
