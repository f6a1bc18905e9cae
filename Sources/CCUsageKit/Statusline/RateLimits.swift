/// Claude's own plan usage, as Claude Code (2.1.80+) passes it to the status-line hook in `rate_limits`:
/// `{"five_hour": {"used_percentage": 23.5, "resets_at": 1738425600}, "seven_day": {…}}`. Absent for API-key
/// users and before a session's first response.
public struct RateLimits: Sendable, Equatable {
    /// One rolling window: how much of it is used and when it resets.
    public struct Window: Sendable, Equatable {
        /// Percent of the window's allowance used, 0 or more (may pass 100).
        public var usedPercentage: Double
        /// When the window resets, in seconds since the epoch.
        public var resetsAt: Int64

        public init(usedPercentage: Double, resetsAt: Int64) {
            self.usedPercentage = usedPercentage; self.resetsAt = resetsAt
        }

        /// A window from raw JSON values; nil unless the percentage is a number from 0 to 10,000 and the reset
        /// time a positive number of seconds (before the year 5000).
        public init?(usedPercentage: Double?, resetsAt: Double?) {
            guard let used = usedPercentage, used.isFinite, used >= 0, used <= 10_000,
                  let resets = resetsAt, resets.isFinite, resets > 0, resets < 95_617_584_000 else { return nil }
            self.init(usedPercentage: used, resetsAt: Int64(resets.rounded(.down)))
        }

        /// The whole percentage shown (23.5 → 24).
        public var roundedPercent: Int { Int(usedPercentage.rounded()) }

        /// True when more of the allowance is used than of the window's time has passed (`length` ms long,
        /// ending at `resetsAt`): at this pace the limit is reached before the reset. A reset further away than
        /// the window is long says nothing about pace.
        public func isAheadOfPace(now: Int64, length: Int64) -> Bool {
            let start = resetsAt * 1000 - length
            guard now >= start else { return false }
            let elapsed = min(1, Double(now - start) / Double(length))
            return roundedPercent > 0 && usedPercentage > elapsed * 100
        }

        /// Used up to the reset: a value whose reset time has passed says nothing about the window now.
        public func isStale(now: Int64) -> Bool { now >= resetsAt * 1000 }
    }

    public var fiveHour: Window?
    public var sevenDay: Window?

    public init(fiveHour: Window? = nil, sevenDay: Window? = nil) {
        self.fiveHour = fiveHour; self.sevenDay = sevenDay
    }

    public var isEmpty: Bool { fiveHour == nil && sevenDay == nil }

    public static let fiveHourLength: Int64 = 5 * 3_600_000
    public static let sevenDayLength: Int64 = 7 * 86_400_000

    /// Only the windows whose reset time is still ahead; nil when none is.
    public func fresh(now: Int64) -> RateLimits? {
        let kept = RateLimits(fiveHour: fiveHour.flatMap { $0.isStale(now: now) ? nil : $0 },
                              sevenDay: sevenDay.flatMap { $0.isStale(now: now) ? nil : $0 })
        return kept.isEmpty ? nil : kept
    }
}

/// Decodes `rate_limits` without ever failing: anything malformed (`"lots"`, null, a negative percentage, a
/// missing `resets_at`) leaves that window out, so a bad value never costs the rest of the status line.
struct LenientRateLimits: Decodable {
    let value: RateLimits?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: Decoder) throws {
        guard let object = try? decoder.container(keyedBy: Key.self) else { value = nil; return }
        func window(_ name: String) -> RateLimits.Window? {
            guard let fields = try? object.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: name)) else {
                return nil
            }
            return RateLimits.Window(
                usedPercentage: (try? fields.decodeIfPresent(Double.self, forKey: Key(stringValue: "used_percentage"))) ?? nil,
                resetsAt: (try? fields.decodeIfPresent(Double.self, forKey: Key(stringValue: "resets_at"))) ?? nil)
        }
        let limits = RateLimits(fiveHour: window("five_hour"), sevenDay: window("seven_day"))
        value = limits.isEmpty ? nil : limits
    }
}

/// One window as the status line shows it: `5h 24% (resets 14:00)`.
public struct RateLimitDisplay: Sendable, Equatable {
    public var label: String
    public var percent: Int
    /// `resets 14:00` (5-hour window) or `Tue 09:00` (7-day window), in the local zone.
    public var resets: String
    public var aheadOfPace: Bool

    public init(label: String, percent: Int, resets: String, aheadOfPace: Bool) {
        self.label = label; self.percent = percent; self.resets = resets; self.aheadOfPace = aheadOfPace
    }

    /// The windows of `limits` to show at `now`, reset times in `zone`.
    public static func windows(_ limits: RateLimits?, now: Int64, zone: ReportZone) -> [RateLimitDisplay] {
        guard let limits else { return [] }
        var out: [RateLimitDisplay] = []
        if let w = limits.fiveHour {
            out.append(RateLimitDisplay(label: "5h", percent: w.roundedPercent,
                                        resets: "resets " + clock(w.resetsAt * 1000, zone),
                                        aheadOfPace: w.isAheadOfPace(now: now, length: RateLimits.fiveHourLength)))
        }
        if let w = limits.sevenDay {
            out.append(RateLimitDisplay(label: "7d", percent: w.roundedPercent,
                                        resets: weekday(w.resetsAt * 1000, zone) + " " + clock(w.resetsAt * 1000, zone),
                                        aheadOfPace: w.isAheadOfPace(now: now, length: RateLimits.sevenDayLength)))
        }
        return out
    }

    /// Yellow from 70 %, red from 90 %.
    public static func color(percent: Int) -> TerminalStyle.Color? {
        percent >= 90 ? .red : percent >= 70 ? .yellow : nil
    }

    /// The mark after a percentage that runs ahead of the window's elapsed time.
    public static let paceMark = "▲"

    /// `5h 24% (resets 14:00)`, the percentage (and pace mark) coloured by severity.
    public func render(style: TerminalStyle) -> String {
        "\(label) " + style.paint("\(percent)%" + (aheadOfPace ? Self.paceMark : ""), Self.color(percent: percent))
            + " (\(resets))"
    }

    /// `⏳ 5h 24% (resets 14:00) · 7d 41% (Tue 09:00)`; nil when there is nothing to show.
    public static func segment(_ windows: [RateLimitDisplay], style: TerminalStyle) -> String? {
        guard !windows.isEmpty else { return nil }
        return "⏳ " + windows.map { $0.render(style: style) }.joined(separator: " · ")
    }

    /// `14:00` (24-hour local time).
    static func clock(_ millis: Int64, _ zone: ReportZone) -> String {
        let c = zone.clock(ofMillis: millis)
        return (c.hour < 10 ? "0" : "") + "\(c.hour):" + (c.minute < 10 ? "0" : "") + "\(c.minute)"
    }

    static func weekday(_ millis: Int64, _ zone: ReportZone) -> String {
        ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][zone.clock(ofMillis: millis).day.weekday]
    }
}
