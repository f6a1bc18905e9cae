import CCUsageKit
import Foundation

/// Cost per hour of the day for the hour chart: the Claude Code records (the one chart that needs
/// per-request times, which no report prints), kept in memory until the transcripts change.
actor HourOfDay {
    private var cached: [String: (signature: UInt64, costs: [Double])] = [:]

    func costs(_ query: ReportQuery) -> [Double] {
        let env = Environment.live()
        let zoneName = query["timezone"] ?? ((env.variables["TZ"] ?? "").isEmpty ? nil : env.variables["TZ"])
        let zone = zoneName.flatMap(ReportZone.init(identifier:)) ?? ReportZone(env.timeZone)
        let mode = query["mode"].flatMap(CostMode.init(rawValue:)) ?? .auto
        let noCache = ["1", "true", "yes"].contains((env.variables["CCUSAGE_NO_CACHE"] ?? "").lowercased())
        let options = LoadOptions(mode: mode, prices: .embedded, project: query["project"],
                                  cacheDirectory: noCache ? nil : ScanCache.defaultDirectory(env))
        guard let discovered = try? UsageLoader.discover(options, env) else { return Array(repeating: 0, count: 24) }
        let since = query["since"].flatMap(CalendarDay.init), until = query["until"].flatMap(CalendarDay.init)
        let key = [zone.identifier, mode.rawValue, query["project"] ?? "", since?.description ?? "",
                   until?.description ?? ""].joined(separator: "|")
        let signature = discovered.signature(options)
        if let hit = cached[key], hit.signature == signature { return hit.costs }
        let usage = UsageLoader.load(discovered, options: options)
        var costs = Array(repeating: 0.0, count: 24)
        for record in usage.records {
            let clock = zone.clock(ofMillis: record.time)
            if let since, clock.day < since { continue }
            if let until, clock.day > until { continue }
            costs[clock.hour] += record.cost
        }
        if cached.count > 32 { cached.removeAll() }
        cached[key] = (signature, costs)
        return costs
    }

    /// Changes when a transcript is added, grows or is replaced (the page polls it to refresh itself).
    nonisolated func stamp() -> String {
        let env = Environment.live()
        let options = LoadOptions(cacheDirectory: ScanCache.defaultDirectory(env))
        guard let discovered = try? UsageLoader.discover(options, env) else { return "none" }
        return String(discovered.signature(options), radix: 16)
    }
}
