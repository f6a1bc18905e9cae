import Foundation
import Testing
@testable import CCUsageKit

@Suite struct RateLimitsTests {
    static let utc = ReportZone(identifier: "UTC")!
    /// 2026-11-27 16:00 UTC (a Friday) and 2026-12-02 16:00 UTC (a Wednesday): the shared sample's resets.
    static let fiveHourReset: Int64 = 1_795_795_200, sevenDayReset: Int64 = 1_796_227_200

    static func hook(_ rateLimits: String) throws -> StatuslineHook {
        try StatuslineHook.parse(Array(#"{"session_id":"s","transcript_path":"/t.jsonl","model":{"display_name":"Opus"},"rate_limits":\#(rateLimits)}"#.utf8))
    }

    @Test func theSamplePayloadCarriesBothWindows() throws {
        let text = try #require(statuslineFixtures["statusline-rate-limits.json"])
        let hook = try StatuslineHook.parse(Array(text.utf8))
        #expect(hook.rateLimits == RateLimits(fiveHour: .init(usedPercentage: 23.5, resetsAt: Self.fiveHourReset),
                                              sevenDay: .init(usedPercentage: 41.2, resetsAt: Self.sevenDayReset)))
    }

    @Test("a malformed value leaves its window out and never rejects the hook", arguments: [
        (#""lots""#, nil, nil),
        ("null", nil, nil),
        ("[1,2]", nil, nil),
        (#"{"five_hour":{"used_percentage":"lots","resets_at":1795795200}}"#, nil, nil),
        (#"{"five_hour":{"used_percentage":null,"resets_at":1795795200}}"#, nil, nil),
        (#"{"five_hour":{"used_percentage":-3,"resets_at":1795795200}}"#, nil, nil),
        (#"{"five_hour":{"used_percentage":12}}"#, nil, nil),
        (#"{"five_hour":{"used_percentage":12,"resets_at":-5}}"#, nil, nil),
        (#"{"five_hour":{"used_percentage":12,"resets_at":"tomorrow"}}"#, nil, nil),
        (#"{"five_hour":null,"seven_day":{"used_percentage":41.2,"resets_at":1796227200}}"#, nil, 41.2),
        (#"{"five_hour":{"used_percentage":true,"resets_at":1795795200},"seven_day":7}"#, nil, nil),
        (#"{"five_hour":{"used_percentage":0,"resets_at":1795795200.9},"extra":1}"#, 0.0, nil),
    ] as [(String, Double?, Double?)])
    func malformed(_ json: String, _ fiveHour: Double?, _ sevenDay: Double?) throws {
        let hook = try Self.hook(json)
        #expect(hook.rateLimits?.fiveHour?.usedPercentage == fiveHour)
        #expect(hook.rateLimits?.sevenDay?.usedPercentage == sevenDay)
        #expect(hook.sessionID == "s")
    }

    @Test func renderingUsesWholePercentagesAndLocalResetTimes() {
        let limits = RateLimits(fiveHour: .init(usedPercentage: 23.5, resetsAt: Self.fiveHourReset),
                                sevenDay: .init(usedPercentage: 41.2, resetsAt: Self.sevenDayReset))
        // 4 h into the 5-hour window (80 % gone): behind pace; under 2 days into the 7-day one: ahead.
        let now = (Self.fiveHourReset - 3600) * 1000
        let utc = RateLimitDisplay.windows(limits, now: now, zone: Self.utc)
        #expect(RateLimitDisplay.segment(utc, style: .plain) == "⏳ 5h 24% (resets 16:00) · 7d 41%▲ (Wed 16:00)")
        let tokyo = RateLimitDisplay.windows(limits, now: now, zone: ReportZone(identifier: "Asia/Tokyo")!)
        #expect(RateLimitDisplay.segment(tokyo, style: .plain) == "⏳ 5h 24% (resets 01:00) · 7d 41%▲ (Thu 01:00)")
        #expect(RateLimitDisplay.segment([], style: .plain) == nil)
    }

    @Test("severity colours: yellow from 70 %, red from 90 % (of the rounded value)", arguments: [
        (69.4, nil), (69.5, TerminalStyle.Color.yellow), (89.0, .yellow), (90.0, .red), (120.0, .red), (0.0, nil),
    ] as [(Double, TerminalStyle.Color?)])
    func severity(_ used: Double, _ color: TerminalStyle.Color?) {
        let window = RateLimits.Window(usedPercentage: used, resetsAt: Self.fiveHourReset)
        #expect(RateLimitDisplay.color(percent: window.roundedPercent) == color)
        let shown = RateLimitDisplay.windows(RateLimits(fiveHour: window), now: Self.fiveHourReset * 1000 - 60_000,
                                             zone: Self.utc)
        let text = RateLimitDisplay.segment(shown, style: TerminalStyle(colors: true)) ?? ""
        #expect(text.contains("\u{1B}[") == (color != nil), "\(text)")
        if let color { #expect(text.contains("\u{1B}[\(color.rawValue)m\(window.roundedPercent)%")) }
    }

    @Test("the pace mark: more used than elapsed", arguments: [
        // (used %, hours left of the 5-hour window, marked)
        (23.5, 4.0, true),    // 20 % of the time gone, 23.5 % used
        (23.5, 3.0, false),   // 40 % gone
        (50.0, 2.5, false),   // exactly on pace
        (51.0, 2.5, true),
        (0.2, 4.99, false),   // rounds to 0 %: nothing to warn about
        (99.0, 0.0, false),   // the window is over
        (10.0, 6.0, false),   // a reset further away than 5 hours: no pace to judge
    ])
    func pace(_ used: Double, _ hoursLeft: Double, _ marked: Bool) {
        let window = RateLimits.Window(usedPercentage: used, resetsAt: Self.fiveHourReset)
        let now = Self.fiveHourReset * 1000 - Int64(hoursLeft * 3_600_000)
        #expect(window.isAheadOfPace(now: now, length: RateLimits.fiveHourLength) == marked)
        let text = RateLimitDisplay.segment(RateLimitDisplay.windows(RateLimits(fiveHour: window), now: now, zone: Self.utc),
                                            style: .plain) ?? ""
        #expect(text.contains("%▲") == marked, "\(text)")
    }

    @Test func theSevenDayWindowMeasuresPaceOverSevenDays() {
        let window = RateLimits.Window(usedPercentage: 41.2, resetsAt: Self.sevenDayReset)
        // 2 of 7 days gone (29 %): ahead; 4 of 7 days gone (57 %): behind.
        #expect(window.isAheadOfPace(now: (Self.sevenDayReset - 5 * 86_400) * 1000, length: RateLimits.sevenDayLength))
        #expect(!window.isAheadOfPace(now: (Self.sevenDayReset - 3 * 86_400) * 1000, length: RateLimits.sevenDayLength))
    }

    @Test func theSegmentEndsTheLineAndCanBeHidden() {
        var status = StatuslineStatus(model: "Opus", todayCost: 1, context: .init(tokens: 100, window: 1000))
        let without = StatuslineFormat().render(status, style: .plain)
        status.rateLimits = [RateLimitDisplay(label: "5h", percent: 24, resets: "resets 16:00", aheadOfPace: false)]
        #expect(StatuslineFormat().render(status, style: .plain) == without + " | ⏳ 5h 24% (resets 16:00)")
        #expect(StatuslineFormat(showRateLimits: false).render(status, style: .plain) == without)
    }

    @Test func staleWindowsAreDropped() {
        let limits = RateLimits(fiveHour: .init(usedPercentage: 80, resetsAt: 1000),
                                sevenDay: .init(usedPercentage: 41, resetsAt: 2000))
        #expect(limits.fresh(now: 999_999) == limits)
        #expect(limits.fresh(now: 1_000_000) == RateLimits(sevenDay: .init(usedPercentage: 41, resetsAt: 2000)))
        #expect(limits.fresh(now: 2_000_000) == nil)
    }
}

