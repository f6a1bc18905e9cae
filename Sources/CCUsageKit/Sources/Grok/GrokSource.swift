import Foundation

/// Grok Build CLI (10-agents-stores §8, later format per decision 24): `sessions/**/updates.jsonl`, one entry per
/// completed turn and model; reasoning is inside output, `costUsdTicks / 1e10` is the logged cost.
public struct GrokSource: AgentSource {
    public init() {}
    public var id: String { "grok" }
    public var displayName: String { "Grok" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    /// Session JSON carries first/last activity and projectPath (10 §8.7).
    public var style: AgentReportStyle {
        AgentReportStyle(title: "Grok Token Usage Report", tracksActivity: true, activityInJSON: true)
    }

    /// `GROK_HOME` (one root; blank means unset), else `~/.grok`; it must be a directory.
    func root(_ env: Environment) -> Result<String?, StoreFailure> {
        let path: String
        if let value = env.variables["GROK_HOME"]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
            path = value
        } else {
            guard let home = StorePaths.home(env) else { return .failure(StoreFailure(StorePaths.noHome)) }
            path = StorePaths.join(home, ".grok")
        }
        return .success(StorePaths.isDirectory(path) ? path : nil)
    }

    public func roots(_ request: AgentLoadRequest) -> [String] {
        ((try? root(request.env).get()) ?? nil).map { [$0] } ?? []
    }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        let home: String?
        switch root(request.env) {
        case .success(let found): home = found
        case .failure(let failure): return failure.load
        }
        guard let home else { return AgentLoad() }
        var load = AgentLoad(found: true)
        let sessions = StorePaths.join(home, "sessions")
        let files = StorePaths.files(under: sessions) { $0 == "updates.jsonl" }.sorted()
        var seen = Set<String>()
        var tree = JSONTree()
        let pricing = StorePricing(table: request.mode == .display ? nil : request.prices)
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                load.issues.append(AgentIssue(.unreadable, path: file, detail: "cannot read Grok session updates"))
                continue
            }
            load.filesRead += 1; load.bytes += Int64(data.count)
            let session = GrokSession(updates: file, tree: &tree)
            var bad = 0
            data.withUnsafeBytes { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    start = end + 1
                    guard GrokSession.mayCount(line) else { continue }
                    guard let rows = StoreJSON.parse(line, tree: &tree, {
                        session.entries($0, mode: request.mode, pricing: pricing)
                    }) else { bad += 1; continue }
                    for (key, entry) in rows where seen.insert(key).inserted { load.entries.append(entry) }
                }
            }
            if bad > 0 { load.issues.append(AgentIssue(.badLine, path: file, detail: "\(bad) malformed Grok lines")) }
        }
        load.entries.sort { $0.timestamp < $1.timestamp }
        return load
    }
}
