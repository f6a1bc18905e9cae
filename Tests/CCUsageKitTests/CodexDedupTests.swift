import Testing
@testable import CCUsageKit

/// The report's de-duplication (07-codex §11.1) against a plain first-wins oracle: duplicates across files and
/// sessions, the same instant written in other offsets, fallback flags that differ between copies, bad timestamps.
struct CodexDedupTests {
    /// A seeded generator (SplitMix64): the same events every run.
    struct Seeded {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Files whose events are drawn from a small pool, so that many repeat (in the same and in other files).
    static func sessions(seed: UInt64) -> [(id: String, events: [CodexEvent])] {
        var random = Seeded(state: seed)
        let stamps = ["2026-03-01T10:00:00.000Z", "2026-03-01T10:00:00Z", "2026-03-01T15:30:00+05:30",
                      "2026-03-01T23:30:00.000Z", "2026-03-02T00:30:00-01:00", "2026-03-09T08:00:00.000Z",
                      "2026-03-31T23:59:59.999Z", "2026-04-01T00:00:00.000Z", "2026-03-01 10:00:00Z", "2026-02-30T00:00:00Z"]
        let models = ["gpt-5", "gpt-5.3-codex", "gpt-5-mini", ""]
        return (0..<12).map { file -> (id: String, events: [CodexEvent]) in
            let events = (0..<(5 + random.next(40))).map { _ -> CodexEvent in
                let t = random.next(3) + 1
                return CodexEvent(timestamp: stamps[random.next(stamps.count)], model: models[random.next(models.count)],
                                  tokens: CodexTokens(input: 10 * t, cached: t, output: 2 * t, reasoning: 0, total: 12 * t),
                                  isFallback: random.next(10) == 0)   // rare: which copy wins shows
            }
            return ("dir/session-\(file % 5).jsonl", events)   // ids repeat: a session spans several files
        }
    }

    /// The events kept by first-wins over the dedup key, the duplicates, and the bad timestamps in order.
    static func oracle(_ sessions: [(id: String, events: [CodexEvent])], bySession: Bool, unified: Bool)
        -> (kept: [(id: String, events: [CodexEvent])], duplicates: Int, invalid: [String]) {
        var seen = Set<String>(), duplicates = 0, invalid: [String] = []
        let kept = sessions.map { id, events -> (id: String, events: [CodexEvent]) in
            (id, events.filter { event -> Bool in
                guard !event.model.isEmpty else { return false }
                guard let instant = CodexTime.parse(event.timestamp) else {
                    invalid.append(id + " " + event.timestamp)
                    return false
                }
                let t = event.tokens
                let counts = "\(t.input) \(t.cached) \(t.output) \(t.reasoning) \(t.total)"
                let key = unified ? "\(event.timestamp) \(event.model) \(counts)"
                    : "\(bySession ? id : "") \(instant) \(event.model) \(counts)"
                guard seen.insert(key).inserted else {
                    duplicates += 1
                    return false
                }
                return true
            })
        }
        return (kept, duplicates, invalid)
    }

    @Test("First wins across files for every report kind, per session and unified", arguments: [1, 2, 3] as [UInt64])
    func firstWins(seed: UInt64) {
        let sessions = Self.sessions(seed: seed)
        for zone in ["UTC", "Asia/Kolkata", "America/Los_Angeles"] {
            for kind in CodexReportKind.allCases {
                for unified in [false, true] {
                    let options = CodexReportOptions(zone: ReportZone(identifier: zone)!, unifiedDedup: unified)
                    let report = CodexReport(sessions: sessions, kind: kind, options: options, pricing: codexBuiltIn)
                    let (kept, duplicates, invalid) = Self.oracle(sessions, bySession: kind == .session && !unified,
                                                                  unified: unified)
                    let expected = CodexReport(sessions: kept, kind: kind, options: options, pricing: codexBuiltIn)
                    #expect(expected.duplicatesRemoved == 0)
                    #expect(report.duplicatesRemoved == duplicates && duplicates > 0)
                    #expect(report.invalidTimestamps.map { $0.session + " " + $0.timestamp } == invalid)
                    #expect(report.rows == expected.rows, "\(zone) \(kind) unified \(unified)")
                }
            }
        }
    }

    @Test("The seen table tells keys apart when every hash is the same")
    func collidingHashes() {
        var table = CodexSeenTable(capacity: 8)
        let values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
        var firsts: [Int] = []
        for (index, value) in values.enumerated() {
            if table.insert(hash: 42, file: value % 2, index: index, equal: { values[$1] == value }) {
                firsts.append(value)
            }
        }
        #expect(firsts == [3, 1, 4, 5, 9, 2, 6])
    }
}
