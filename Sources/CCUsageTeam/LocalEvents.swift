import CCUsageKit
import Foundation

/// One deduplicated usage event of this machine, as the team database stores it: every cost mode's cost is
/// computed here, with the same prices as a local report, so team reports match local ones to the cent.
struct TeamEvent: Sendable, Equatable {
    var source: String
    /// Unique per source across the team: the same transcript on two machines gives the same key.
    var key: String
    var time: Int64
    var sessionID: String
    var project: String
    var projectPath: String
    var model: String?
    var fast: Bool
    var sidechain: Bool
    var version: String?
    var tokens: TokenCounts
    var costAuto: Double, costCalculate: Double, costDisplay: Double
}

/// What a sync sends: this machine's events of every source, and what could not be read.
struct LocalEvents {
    var events: [TeamEvent] = []
    var problems: [String] = []

    /// Claude Code (live transcripts and the archive's kept events), Codex, then every `AgentSources` agent.
    static func gather(env: Environment, prices: PriceTable, archive: Bool) -> LocalEvents {
        var out = LocalEvents()
        out.addClaude(env: env, prices: prices, archive: archive)
        out.addCodex(env: env, prices: prices)
        for agent in AgentSources.all { out.addAgent(agent, env: env, prices: prices) }
        return out
    }

    /// Claude Code records after the loader's deduplication (decisions 1 and 22), with the archive's events
    /// of gone transcripts. The key is the loader's `(message.id, requestId)` hash; a record without a
    /// `message.id` (never deduplicated) is keyed by its session, time, tokens and model and a count.
    mutating func addClaude(env: Environment, prices: PriceTable, archive: Bool) {
        var options = LoadOptions(mode: .auto, prices: prices)
        if archive { options.archive = UsageArchive.defaultPath(env).map { ArchiveOptions(path: $0, now: env.now) } }
        let usage: LoadedUsage
        do {
            usage = try UsageLoader.load(options, env)
        } catch {
            guard let path = options.archive?.path, FileManager.default.fileExists(atPath: path) else {
                problems.append("Claude Code: \(error)")
                return
            }
            usage = UsageLoader.load(.none, options: options)
        }
        problems += usage.problems.map { "Claude Code: \($0.description)" }
        var calculate = CostCalculator(mode: .calculate, table: prices)
        var display = CostCalculator(mode: .display, table: prices)
        var seen: [String: Int] = [:]
        for priced in usage.records {
            let record = priced.record
            let file = usage.files[Int(record.fileIndex)]
            var key: String
            if let dedup = record.dedupKey {
                key = hex(dedup.message) + hex(dedup.message2) + "-" + hex(dedup.request)
            } else {
                let t = record.tokens
                key = "n-\(file.sessionID)-\(record.time)-\(t.input)-\(t.output)-\(t.cacheCreation)-\(t.cacheRead)-\(record.model ?? "")"
                let n = seen[key, default: 0]
                seen[key] = n + 1
                key += "-\(n)"
            }
            events.append(TeamEvent(
                source: "claude", key: key, time: record.time, sessionID: file.sessionID, project: file.project,
                projectPath: file.projectPath, model: record.model, fast: record.isFast, sidechain: record.isSidechain,
                version: record.version, tokens: record.tokens, costAuto: priced.cost,
                costCalculate: calculate.cost(of: record), costDisplay: display.cost(of: record)))
        }
    }

    /// Codex turns (07-codex): input without the cached part, cached input as cache reads, output with
    /// reasoning; priced by the Codex rule (no logged cost: every mode's cost is the computed one). Keyed by
    /// session file, timestamp and a count.
    mutating func addCodex(env: Environment, prices: PriceTable) {
        let load = CodexSource.load(env)
        problems += load.unreadable.map { "Codex: \($0)" }
        let pricing = CodexPricing(table: prices)
        for (session, turns) in load.sessions {
            var seen: [String: Int] = [:]
            for turn in turns {
                guard let time = CodexTime.parse(turn.timestamp) else { continue }
                let n = seen[turn.timestamp, default: 0]
                seen[turn.timestamp] = n + 1
                let cost = pricing.price(for: turn.model)?.cost(turn.tokens, fast: false) ?? 0
                let tokens = TokenCounts(input: turn.tokens.nonCachedInput, output: turn.tokens.output,
                                         cacheCreation: 0, cacheRead: turn.tokens.cached)
                events.append(TeamEvent(
                    source: "codex", key: "\(session)@\(turn.timestamp)#\(n)", time: time, sessionID: session,
                    project: "codex", projectPath: "codex", model: turn.model, fast: false, sidechain: false,
                    version: nil, tokens: tokens, costAuto: cost, costCalculate: cost, costDisplay: cost))
            }
        }
    }

    /// An agent read through `AgentSource`: loaded once per cost mode (entries come in the same order).
    mutating func addAgent(_ agent: any AgentSource, env: Environment, prices: PriceTable) {
        func load(_ mode: CostMode) -> AgentLoad {
            agent.load(AgentLoadRequest(env: env, mode: mode, prices: prices))
        }
        let auto = load(.auto), calculated = load(.calculate), displayed = load(.display)
        problems += auto.issues.filter { $0.kind == .unreadable }.map { "\(agent.displayName): \($0.path): \($0.detail)" }
        let sameOrder = calculated.entries.count == auto.entries.count && displayed.entries.count == auto.entries.count
        var seen: [String: Int] = [:]
        for (i, entry) in auto.entries.enumerated() {
            let base = "\(entry.sessionID)@\(entry.timestamp)@\(entry.model)"
            let n = seen[base, default: 0]
            seen[base] = n + 1
            // `extra` (tokens counted only in an agent's own totals) has no column: team rows show the four.
            let tokens = entry.tokens
            events.append(TeamEvent(
                source: agent.id, key: base + "#\(n)", time: entry.timestamp, sessionID: entry.sessionID,
                project: entry.projectPath, projectPath: entry.projectPath, model: entry.model, fast: false,
                sidechain: false, version: nil, tokens: tokens, costAuto: entry.cost,
                costCalculate: sameOrder ? calculated.entries[i].cost : entry.cost,
                costDisplay: sameOrder ? displayed.entries[i].cost : entry.cost))
        }
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
