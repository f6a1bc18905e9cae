import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct StatuslineFormatTests {
    let colors = TerminalStyle(colors: true)
    let status = StatuslineStatus(model: "Opus 4.1", hookSessionCost: 0.0892, computedSessionCost: 0.5,
                                  todayCost: 12.345, block: .init(cost: 3.2, remainingMinutes: 125,
                                                                  burn: .init(costPerHour: 1.5, tokensPerMinuteForIndicator: 1200)),
                                  context: .init(tokens: 85_000, window: 200_000))

    @Test func theWholeLine() {
        #expect(StatuslineFormat().render(status, style: .plain)
                == "🤖 Opus 4.1 | 💰 $0.09 session / $12.35 today / $3.20 block (2h 5m left) | 🔥 $1.50/hr | 🧠 85,000 (43%)")
    }

    @Test("cost sources", arguments: [
        (StatuslineCostSource.auto, 0.0892 as Double?, 0.5 as Double?, "$0.09"),
        (.auto, nil, 0.5, "$0.50"),
        (.auto, nil, nil, "N/A"),
        (.cc, 0.0892, 0.5, "$0.09"),
        (.cc, nil, 0.5, "N/A"),
        (.ccusage, 0.0892, 0.5, "$0.50"),
        (.ccusage, 0.0892, nil, "N/A"),
        (.both, 0.0892, 0.5, "($0.09 cc / $0.50 ccusage)"),
        (.both, nil, 0.5, "(N/A cc / $0.50 ccusage)"),
        (.both, 0.0892, nil, "($0.09 cc / N/A ccusage)"),
    ])
    func costSources(_ source: StatuslineCostSource, _ hookCost: Double?, _ computed: Double?, _ expected: String) {
        var s = status
        s.hookSessionCost = hookCost
        s.computedSessionCost = computed
        #expect(StatuslineFormat(costSource: source).render(s, style: .plain).hasPrefix("🤖 Opus 4.1 | 💰 \(expected) session / "))
    }

    @Test("burn-rate visuals at each level", arguments: [
        (BurnRateVisual.off, 1999.9, "🔥 $1.50/hr | 🧠"),
        (.emoji, 1999.9, "🔥 $1.50/hr 🟢 | 🧠"),
        (.text, 1999.9, "🔥 $1.50/hr (Normal) | 🧠"),
        (.emojiText, 1999.9, "🔥 $1.50/hr 🟢 (Normal) | 🧠"),
        (.emojiText, 2000, "🔥 $1.50/hr ⚠️ (Moderate) | 🧠"),
        (.emoji, 4999, "🔥 $1.50/hr ⚠️ | 🧠"),
        (.emojiText, 5000, "🔥 $1.50/hr 🚨 (High) | 🧠"),
        (.text, 80000, "🔥 $1.50/hr (High) | 🧠"),
    ])
    func burnVisuals(_ visual: BurnRateVisual, _ tokensPerMinute: Double, _ expected: String) {
        var s = status
        s.block?.burn?.tokensPerMinuteForIndicator = tokensPerMinute
        #expect(StatuslineFormat(burnRateVisual: visual).render(s, style: .plain).contains("(2h 5m left) | " + expected))
    }

    @Test func burnTextIsColouredByLevelButTheEmojiIsNot() {
        var s = status
        s.block?.burn?.tokensPerMinuteForIndicator = 6000
        let line = StatuslineFormat(burnRateVisual: .emojiText).render(s, style: colors)
        #expect(line.contains("🔥 \u{1B}[31m$1.50/hr\u{1B}[39m 🚨 \u{1B}[31m(High)\u{1B}[39m"))
    }

    @Test("context percentage colour by thresholds", arguments: [
        (49, 50, 80, TerminalStyle.Color.green),
        (50, 50, 80, .yellow),
        (79, 50, 80, .yellow),
        (80, 50, 80, .red),
        (59, 60, 90, .green),
        (89, 60, 90, .yellow),
        (90, 60, 90, .red),
    ])
    func contextColours(_ percent: Int, _ low: Int, _ medium: Int, _ color: TerminalStyle.Color) {
        var s = status
        s.context = .init(tokens: percent * 1000, window: 100_000)
        let line = StatuslineFormat(thresholds: .init(low: low, medium: medium)).render(s, style: colors)
        #expect(line.hasSuffix("🧠 \(Format.integer(percent * 1000)) (\u{1B}[\(color.rawValue)m\(percent)%\u{1B}[39m)"))
    }

    @Test func noColoursWhenPlain() {
        let line = StatuslineFormat(burnRateVisual: .emojiText).render(status, style: .plain)
        #expect(!line.contains("\u{1B}"))
    }

    @Test func noActiveBlockAndNoContext() {
        var s = status
        s.block = nil
        s.context = nil
        #expect(StatuslineFormat(burnRateVisual: .emojiText).render(s, style: .plain)
                == "🤖 Opus 4.1 | 💰 $0.09 session / $12.35 today / No active block | 🧠 N/A")
    }

    @Test("time left: hours and minutes, minutes alone below an hour", arguments: [
        (125, "(2h 5m left)"), (60, "(1h 0m left)"), (59, "(59m left)"), (0, "(0m left)"),
    ])
    func timeLeft(_ minutes: Int, _ expected: String) {
        var s = status
        s.block?.remainingMinutes = minutes
        #expect(StatuslineFormat().render(s, style: .plain).contains("$3.20 block \(expected)"))
    }

    @Test func blockWithoutBurnRateHasNoFireSegment() {
        var s = status
        s.block?.burn = nil
        #expect(StatuslineFormat().render(s, style: .plain).contains("$3.20 block (2h 5m left) | 🧠 85,000 (43%)"))
    }

    @Test("threshold validation", arguments: [
        (50, 80, nil as String?), (0, 100, nil), (80, 80, "must be less than"), (90, 10, "must be less than"),
        (-1, 80, "between 0 and 100"), (10, 101, "between 0 and 100"),
    ])
    func thresholds(_ low: Int, _ medium: Int, _ problem: String?) {
        let found = ContextThresholds(low: low, medium: medium).problem
        if let problem { #expect(found?.contains(problem) == true) } else { #expect(found == nil) }
    }

    @Test func contextPercentRoundsHalfUp() {
        #expect(StatuslineStatus.Context(tokens: 85_000, window: 200_000).percent == 43)
        #expect(StatuslineStatus.Context(tokens: 1, window: 0).percent == 0)
    }
}
