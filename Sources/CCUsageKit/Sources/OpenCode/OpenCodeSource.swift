import Foundation

/// OpenCode (10-agents-stores §2): `opencode.db` (or one channel DB) per data directory, then the legacy
/// `storage/message/**/*.json` files; one entry per assistant message.
public struct OpenCodeSource: AgentSource {
    public init() {}
    public var id: String { "opencode" }
    public var displayName: String { "OpenCode" }
    public var reports: [String] { ["daily", "weekly", "monthly", "session"] }
    public var style: AgentReportStyle { AgentReportStyle(title: "OpenCode Token Usage Report", tracksActivity: true) }

    func directories(_ env: Environment) -> Result<[String], StoreFailure> {
        StorePaths.directories(env, "OPENCODE_DATA_DIR", ".local/share/opencode")
    }

    public func roots(_ request: AgentLoadRequest) -> [String] {
        (try? directories(request.env).get()) ?? []
    }

    /// `opencode.db`, else the smallest `opencode-<channel>.db` (channel of `[A-Za-z0-9_-]*`).
    static func database(in dir: String) -> String? {
        let main = StorePaths.join(dir, "opencode.db")
        if StorePaths.isFile(main) { return main }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        let channels = names.filter { name in
            guard name.hasPrefix("opencode-"), name.hasSuffix(".db") else { return false }
            let channel = name.dropFirst("opencode-".count).dropLast(3)
            return channel.unicodeScalars.allSatisfy {
                ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "_" || $0 == "-"
            } && StorePaths.isFile(StorePaths.join(dir, name))
        }
        return channels.min(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            .map { StorePaths.join(dir, $0) }
    }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        var load = AgentLoad()
        guard let dirs = directories(request.env).found(else: &load) else { return load }
        var entries: [AgentEntry] = [], issues: [AgentIssue] = []
        var seen = Set<String>()
        var tree = JSONTree()
        let pricing = StorePricing(table: request.mode == .display ? nil : request.prices)
        func add(_ entry: AgentEntry?, id: String) {
            guard let entry else { return }
            if !id.isEmpty, !seen.insert(id).inserted { return }
            entries.append(entry)
        }
        for dir in dirs {
            if let db = Self.database(in: dir) {
                load.filesRead += 1; load.bytes += StoreRead.size(db)
                MessageTable.read(db, agent: displayName, tree: &tree, issues: &issues) { id, session, json in
                    add(OpenCodeMessage.entry(json, id: id, session: session, mode: request.mode, pricing: pricing), id: id)
                }
            }
            let legacy = StorePaths.join(dir, "storage/message")
            let files = StorePaths.files(under: legacy) { $0.hasSuffix(".json") }.sorted()
            for file in files {
                load.filesRead += 1; load.bytes += StorePaths.fileSize(file)
                switch StoreJSON.parseFile(file, tree: &tree, { json -> (String, AgentEntry?)? in
                    guard json.isObject(json.root) else { return nil }
                    let id = json.string(json.at(json.root, "id")) ?? ""
                    let session = json.string(json.at(json.root, "sessionID")) ?? "unknown"
                    return (id, OpenCodeMessage.entry(json, id: id, session: session, mode: request.mode, pricing: pricing))
                }) {
                case .parsed(let result?): add(result.1, id: result.0)
                case .parsed(nil), .invalid:
                    issues.append(AgentIssue(.badRecord, path: file, detail: "not a JSON object"))
                case .unreadable:
                    issues.append(AgentIssue(.unreadable, path: file, detail: "cannot read OpenCode message file"))
                }
            }
        }
        entries.sort { $0.timestamp < $1.timestamp }
        load.entries = entries
        load.issues = issues
        return load
    }
}

/// One OpenCode message JSON → entry (10 §2.3, §2.5, §2.6).
enum OpenCodeMessage {
    static func entry(_ json: StoreJSON, id: String, session: String, mode: CostMode,
                      pricing: StorePricing) -> AgentEntry? {
        let root = json.root
        let tokensNode = json.at(root, "tokens")
        guard json.isObject(tokensNode), let model = json.trimmed(json.at(root, "modelID")),
              let provider = json.trimmed(json.at(root, "providerID")) else { return nil }
        var tokens = MessageTable.tokens(json, tokensNode)
        var extra = 0
        StoreTokens.applyTotal(json.count(json.at(tokensNode, "total")), tokens: &tokens, extra: &extra)
        guard !tokens.isZero || extra > 0 else { return nil }
        let timestamp = json.integer(json.at(root, "time", "created")) ?? 0
        let logged = json.number(json.at(root, "cost"))
        var cost = 0.0, missing = false
        if let logged, logged > 0 {
            cost = logged
        } else if mode != .display, pricing.table != nil {
            let priced = pricing.firstPositive(candidates(model: model, provider: provider),
                                               StoreTokens.billed(tokens, extra: extra))
            cost = priced.cost
            missing = !priced.found
        }
        return AgentEntry(timestamp: timestamp, sessionID: session, projectPath: "OpenCode", model: model,
                          tokens: tokens, extra: extra, cost: cost, missingPricing: missing)
    }

    static let aliases = ["gemini-3-pro-high": "gemini-3-pro-preview", "k2p6": "kimi-k2.6"]

    /// `claude-sonnet-4.5` → `claude-sonnet-4-5`, `claude-opus-45` → `claude-opus-4-5`.
    static func normalized(_ model: String) -> String {
        for family in ["claude-haiku-", "claude-opus-", "claude-sonnet-"] where model.hasPrefix(family) {
            let rest = Array(model.dropFirst(family.count).utf8)
            var digits = 0
            while digits < rest.count, rest[digits] >= 0x30, rest[digits] <= 0x39 { digits += 1 }
            if digits >= 1, digits < rest.count - 1, rest[digits] == UInt8(ascii: "."),
               rest[digits + 1] >= 0x30, rest[digits + 1] <= 0x39 {
                var out = rest
                out[digits] = UInt8(ascii: "-")
                return family + String(decoding: out, as: UTF8.self)
            }
            if digits >= 2 {
                var out = rest
                out.insert(UInt8(ascii: "-"), at: 1)
                return family + String(decoding: out, as: UTF8.self)
            }
        }
        return model
    }

    static func candidates(model: String, provider: String) -> [String] {
        let resolved = aliases[model] ?? model
        let base = StorePricing.unique([resolved, normalized(resolved)])
        guard provider != "unknown" else { return base }
        let prefix = provider.replacingOccurrences(of: "-", with: "_") + "/"
        return StorePricing.unique(base + base.map { prefix + $0 })
    }
}
