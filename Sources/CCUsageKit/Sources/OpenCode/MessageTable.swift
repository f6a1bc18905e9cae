import Foundation

/// The `message(id, session_id, data)` table OpenCode and Kilo share (10 §2.2, §3.2): only these three columns
/// are read, rows with a NULL in any of them or with `data` that is not JSON are counted and skipped.
enum MessageTable {
    static let sql = "SELECT id, session_id, data FROM message"

    /// Reads every row of `path`, handing `(rowID, sessionID, data)` to `body` with the parsed `data`.
    static func read(_ path: String, agent: String, tree: inout JSONTree, issues: inout [AgentIssue],
                     _ body: (String, String, StoreJSON) -> Void) {
        guard let store = StoreRead.open(path, agent: agent, issues: &issues) else { return }
        guard StoreRead.probe(store, table: "message", required: ["id", "session_id", "data"], agent: agent,
                              issues: &issues) != nil else { return }
        var skipped = 0
        var localTree = tree
        StoreRead.scan(store, sql, agent: agent, issues: &issues) { row in
            guard let id = row.text(0), let session = row.text(1), let data = row.bytes(2) else {
                skipped += 1; return
            }
            if StoreJSON.parse(data, tree: &localTree, { body(id, session, $0) }) == nil { skipped += 1 }
        }
        tree = localTree
        if skipped > 0 {
            issues.append(AgentIssue(.badRecord, path: path, detail: "\(skipped) \(agent) message rows without id, session or JSON data"))
        }
    }

    /// Token buckets of a message's `tokens` object (non-negative integers; anything else reads as 0).
    static func tokens(_ json: StoreJSON, _ tokens: Int32) -> TokenCounts {
        TokenCounts(input: json.count(json.at(tokens, "input")), output: json.count(json.at(tokens, "output")),
                    cacheCreation: json.count(json.at(tokens, "cache", "write")),
                    cacheRead: json.count(json.at(tokens, "cache", "read")))
    }
}
