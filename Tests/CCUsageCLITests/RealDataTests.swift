import CCUsageTestSupport
import Foundation
import Testing

/// Every report over the anonymized real Claude Code histories in Tests/Fixtures/real (see its README).
/// Totals and row counts were computed by the independent Python reference (Tests/reference/reference.py,
/// which compare.py also runs over these trees for every report, mode and time zone); a few numbers are
/// checked by hand from the price list.
@Suite(.serialized) struct RealDataTests {
    struct History: Sendable, CustomStringConvertible {
        let name: String
        let input: Int, output: Int, cacheCreation: Int, cacheRead: Int, total: Int
        let cost: Double
        /// Rows of daily (UTC), daily (Asia/Tokyo), weekly (UTC, weeks from Sunday), session.
        let rows: [Int]
        var description: String { name }
    }

    static let histories = [
        History(name: "bradymholt-dotfiles", input: 56_489, output: 79_863, cacheCreation: 4_781_990,
                cacheRead: 48_655_730, total: 53_574_072, cost: 78.08987680000001, rows: [12, 11, 5, 45]),
        History(name: "hannibal-claude-backup", input: 3_482, output: 1_656_690, cacheCreation: 11_763_325,
                cacheRead: 321_165_320, total: 334_588_817, cost: 303.93059235, rows: [14, 15, 4, 8]),
        History(name: "trollz-omega", input: 31_883, output: 625_030, cacheCreation: 2_873_639,
                cacheRead: 28_322_389, total: 31_852_941, cost: 47.21552624999994, rows: [3, 3, 2, 57]),
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/real/claude").path

    func run(_ history: History, _ args: [String], zone: String = "UTC") throws -> (json: [String: Any], err: String) {
        let home = try makeTemporaryDirectory("ccusage-real")
        defer { removeTemporary(home) }
        let r = try runCLI(args + ["--json", "--offline", "--timezone", zone],
                           env: ["CLAUDE_CONFIG_DIR": Self.root + "/" + history.name, "XDG_CACHE_HOME": home])
        #expect(r.code == 0, "\(args): \(r.err)")
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        return (try #require(json), r.err)
    }

    func expectTotals(_ totals: [String: Any]?, _ h: History, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let t = totals ?? [:]
        #expect(t["inputTokens"] as? Int == h.input && t["outputTokens"] as? Int == h.output
                && t["cacheCreationTokens"] as? Int == h.cacheCreation && t["cacheReadTokens"] as? Int == h.cacheRead
                && t["totalTokens"] as? Int == h.total, "\(label): \(t)", sourceLocation: sourceLocation)
        let cost = t["totalCost"] as? Double ?? -1
        #expect(abs(cost - h.cost) <= 1e-9 * h.cost, "\(label): cost \(cost)", sourceLocation: sourceLocation)
    }

    @Test("every report's totals equal the reference's", arguments: histories)
    func reportsMatchTheReference(_ h: History) throws {
        for mode in ["auto", "calculate"] {
            for (index, (report, key, zone)) in [("daily", "daily", "UTC"), ("daily", "daily", "Asia/Tokyo"),
                                                 ("weekly", "weekly", "UTC"), ("session", "sessions", "UTC")].enumerated() {
                let (json, err) = try run(h, [report, "--mode", mode], zone: zone)
                expectTotals(json["totals"] as? [String: Any], h, "\(report) \(mode) \(zone)")
                #expect((json[key] as? [Any])?.count == h.rows[index], "\(report) \(zone) rows")
                #expect(!err.contains("WARN"), "\(err)")   // every model here is priced
            }
            let (monthly, _) = try run(h, ["monthly", "--mode", mode, "--breakdown"])
            expectTotals(monthly["totals"] as? [String: Any], h, "monthly \(mode)")
            // Blocks hold every entry once: their sums are the totals.
            let (blocks, _) = try run(h, ["blocks", "--mode", mode])
            var sums = [0, 0, 0, 0]
            var cost = 0.0
            for block in blocks["blocks"] as? [[String: Any]] ?? [] where block["isGap"] as? Bool != true {
                let c = block["tokenCounts"] as? [String: Int] ?? [:]
                for (i, k) in ["inputTokens", "outputTokens", "cacheCreationInputTokens", "cacheReadInputTokens"].enumerated() {
                    sums[i] += c[k] ?? 0
                }
                cost += block["costUSD"] as? Double ?? 0
            }
            #expect(sums == [h.input, h.output, h.cacheCreation, h.cacheRead], "blocks \(mode)")
            #expect(abs(cost - h.cost) <= 1e-9 * h.cost, "blocks cost \(cost)")
        }
    }

    /// August 2026: Opus 5 and Sonnet 5 are priced (they cost $0.00 with the old table). By hand, from
    /// LiteLLM's rates: every Opus 5 cache write in this history is a 1-hour write (2 × input).
    @Test func opus5AndSonnet5ArePricedByHand() throws {
        let h = Self.histories[1]
        let (json, _) = try run(h, ["monthly", "--breakdown", "--mode", "calculate"])
        let august = (json["monthly"] as? [[String: Any]])?.first { $0["month"] as? String == "2026-08" }
        let models = august?["modelBreakdowns"] as? [[String: Any]] ?? []
        let opus = try #require(models.first { $0["modelName"] as? String == "claude-opus-5" })
        #expect(opus["cacheReadTokens"] as? Int == 245_459_770)
        let opusByHand = 1_947 * 5e-6 + 1_087_745 * 2.5e-5 + 8_246_642 * 1e-5 + 245_459_770 * 5e-7   // $232.40
        #expect(abs((opus["cost"] as? Double ?? 0) - opusByHand) < 1e-6)
        let sonnet = try #require(models.first { $0["modelName"] as? String == "claude-sonnet-5" })
        let sonnetByHand = 412 * 2e-6 + 111_148 * 1e-5 + 763_016 * 2.5e-6 + 13_286_424 * 2e-7          // $5.68
        #expect(sonnet["inputTokens"] as? Int == 412 && abs((sonnet["cost"] as? Double ?? 0) - sonnetByHand) < 1e-6)
    }

    /// December 2025: 75 responses were rewritten a day later without requestId. Counted once, the history
    /// holds 53,574,072 tokens; keyed on (message.id, requestId) it read 57,948,002 (8.2 % too many).
    @Test func rewrittenHistoryCountsOnce() throws {
        let h = Self.histories[0]
        let home = try makeTemporaryDirectory("ccusage-real")
        defer { removeTemporary(home) }
        let r = try runCLI(["daily", "--offline", "--debug"],
                           env: ["CLAUDE_CONFIG_DIR": Self.root + "/" + h.name, "XDG_CACHE_HOME": home])
        #expect(r.code == 0 && r.out.contains("53,574,072"))
        #expect(r.err.contains("duplicates removed: 829 (112 of them copies without requestId), kept: 967"), "\(r.err)")
    }
}
