import Foundation

/// One generator per spec-10 agent, each writing the layout the agent reads (10-agents-stores §2–§9).
extension StoreFixtureRun {
    /// OpenCode `opencode/opencode.db` or Kilo `kilo/kilo.db`: `message(id, session_id, data)`, user and assistant
    /// messages with their text parts inline (the bulk of a real store).
    mutating func messages(_ agent: String) throws -> StoreFixtureSummary {
        let db = path(agent + "/" + (agent == "opencode" ? "opencode.db" : "kilo.db"))
        var summary = StoreFixtureSummary(agent: agent, variable: agent == "opencode" ? "OPENCODE_DATA_DIR" : "KILO_DATA_DIR",
                                          path: path(agent))
        let sql = try FixtureSQLite(path: db)
        try sql.execute("PRAGMA journal_mode=WAL")
        try sql.execute("CREATE TABLE message (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, time_created INTEGER, data TEXT NOT NULL)")
        try sql.execute("BEGIN")
        try sql.prepare("INSERT INTO message VALUES (?, ?, ?, ?)")
        var written: Int64 = 0, n = 0
        while written < bytes {
            let session = "ses_\(n / 40)", created = time()
            let body = text(rng.int(200...1500))
            let user = #"{"role":"user","sessionID":"\#(session)","time":{"created":\#(created)},"summary":{"body":"\#(body)"}}"#
            try sql.insert([.text("msg_\(n)u"), .text(session), .int(created), .text(user)])
            let t = tokens(), reasoning = agent == "kilo" ? rng.int(0...500) : 0
            let assistant = #"{"id":"msg_\#(n)","role":"assistant","sessionID":"\#(session)","providerID":"anthropic","modelID":"\#(model())","time":{"created":\#(created + 1000),"completed":\#(created + 9000)},"tokens":{"input":\#(t.input),"output":\#(t.output),"reasoning":\#(reasoning),"cache":{"read":\#(t.cacheRead),"write":\#(t.cacheCreation)}},"cost":0,"path":{"cwd":"/work/project","root":"/work/project"},"text":"\#(text(rng.int(100...800)))"}"#
            try sql.insert([.text("msg_\(n)"), .text(session), .int(created + 1000), .text(assistant)])
            summary.add(input: t.input, output: t.output, cacheCreation: t.cacheCreation, cacheRead: t.cacheRead,
                        extra: agent == "kilo" ? reasoning : 0)
            written += Int64(user.utf8.count + assistant.utf8.count + 60)
            n += 1
        }
        try sql.execute("COMMIT")
        summary.bytes = Self.size(db)
        return summary
    }

    /// Hermes `hermes/state.db`: one cumulative `sessions` row per session, its `messages` beside it.
    mutating func hermes() throws -> StoreFixtureSummary {
        let db = path("hermes/state.db")
        var summary = StoreFixtureSummary(agent: "hermes", variable: "HERMES_HOME", path: path("hermes"))
        let sql = try FixtureSQLite(path: db)
        try sql.execute("""
            CREATE TABLE sessions (id TEXT PRIMARY KEY, source TEXT NOT NULL, model TEXT, started_at REAL NOT NULL,
            message_count INTEGER DEFAULT 0, input_tokens INTEGER DEFAULT 0, output_tokens INTEGER DEFAULT 0,
            cache_read_tokens INTEGER DEFAULT 0, cache_write_tokens INTEGER DEFAULT 0, reasoning_tokens INTEGER DEFAULT 0,
            billing_provider TEXT, estimated_cost_usd REAL, actual_cost_usd REAL);
            CREATE TABLE messages (id INTEGER PRIMARY KEY, session_id TEXT, role TEXT, content TEXT, timestamp REAL);
            BEGIN
            """)
        var written: Int64 = 0, n = 0
        while written < bytes {
            let started = Double(time()) / 1000
            try sql.prepare("INSERT INTO messages (session_id, role, content, timestamp) VALUES (?, ?, ?, ?)")
            let count = rng.int(4...30)
            for k in 0..<count {
                let content = text(rng.int(200...2000))
                try sql.insert([.text("hs_\(n)"), .text(k % 2 == 0 ? "user" : "assistant"), .text(content), .real(started + Double(k))])
                written += Int64(content.utf8.count + 40)
            }
            let t = tokens(), reasoning = rng.int(0...800)
            try sql.prepare("INSERT INTO sessions VALUES (?, 'cli', ?, ?, ?, ?, ?, ?, ?, ?, 'anthropic', NULL, NULL)")
            try sql.insert([.text("hs_\(n)"), .text(Self.models[n % 2]), .real(started), .int(Int64(count)), .int(Int64(t.input)),
                            .int(Int64(t.output)), .int(Int64(t.cacheRead)), .int(Int64(t.cacheCreation)), .int(Int64(reasoning))])
            summary.add(input: t.input, output: t.output, cacheCreation: t.cacheCreation, cacheRead: t.cacheRead, extra: reasoning)
            n += 1
        }
        try sql.execute("COMMIT")
        summary.bytes = Self.size(db)
        return summary
    }

    /// Goose `goose/data/sessions/sessions.db` (point `GOOSE_PATH_ROOT` at `goose`): cumulative session rows.
    mutating func goose() throws -> StoreFixtureSummary {
        let db = path("goose/data/sessions/sessions.db")
        var summary = StoreFixtureSummary(agent: "goose", variable: "GOOSE_PATH_ROOT", path: path("goose"))
        let sql = try FixtureSQLite(path: db)
        try sql.execute("""
            CREATE TABLE sessions (id TEXT PRIMARY KEY, description TEXT, model_config_json TEXT, provider_name TEXT,
            created_at TEXT, total_tokens INTEGER, input_tokens INTEGER, output_tokens INTEGER,
            accumulated_total_tokens INTEGER, accumulated_input_tokens INTEGER, accumulated_output_tokens INTEGER);
            CREATE TABLE messages (id INTEGER PRIMARY KEY, session_id TEXT, role TEXT, content_json TEXT, created_timestamp INTEGER);
            BEGIN
            """)
        var written: Int64 = 0, n = 0
        while written < bytes {
            let created = time()
            try sql.prepare("INSERT INTO messages (session_id, role, content_json, created_timestamp) VALUES (?, ?, ?, ?)")
            for k in 0..<rng.int(4...30) {
                let content = #"[{"type":"text","text":"\#(text(rng.int(200...2000)))"}]"#
                try sql.insert([.text("gs_\(n)"), .text(k % 2 == 0 ? "user" : "assistant"), .text(content), .int(created / 1000)])
                written += Int64(content.utf8.count + 40)
            }
            let input = rng.int(100...90000), output = rng.int(10...9000), extra = rng.int(0...500)
            try sql.prepare("INSERT INTO sessions VALUES (?, 'work', ?, 'anthropic', ?, NULL, NULL, NULL, ?, ?, ?)")
            try sql.insert([.text("gs_\(n)"), .text(#"{"model_name":"claude-sonnet-4-20250514","temperature":0.7}"#),
                            .text(String(created / 1000)), .int(Int64(input + output + extra)), .int(Int64(input)), .int(Int64(output))])
            summary.add(input: input, output: output, extra: extra)
            n += 1
        }
        try sql.execute("COMMIT")
        summary.bytes = Self.size(db)
        return summary
    }

    /// ZCode `zcode/cli/db/db.sqlite`: completed `model_usage` rows (input includes cache), their `session`.
    mutating func zcode() throws -> StoreFixtureSummary {
        let db = path("zcode/cli/db/db.sqlite")
        var summary = StoreFixtureSummary(agent: "zcode", variable: "ZCODE_HOME", path: path("zcode"))
        let sql = try FixtureSQLite(path: db)
        try sql.execute("""
            CREATE TABLE session (id TEXT PRIMARY KEY, directory TEXT, version TEXT, title TEXT);
            CREATE TABLE model_usage (id TEXT PRIMARY KEY, session_id TEXT, started_at INTEGER, model_id TEXT, status TEXT,
            provider_id TEXT, input_tokens INTEGER, output_tokens INTEGER, cache_creation_input_tokens INTEGER,
            cache_read_input_tokens INTEGER, computed_total_tokens INTEGER, reasoning_tokens INTEGER, request_json TEXT);
            BEGIN
            """)
        var written: Int64 = 0, n = 0
        while written < bytes {
            if n % 50 == 0 {
                try sql.prepare("INSERT INTO session VALUES (?, ?, '0.16.3', ?)")
                try sql.insert([.text("zs_\(n / 50)"), .text("/workspace/project-\(n / 500)"), .text(text(60))])
            }
            let t = tokens()
            let fresh = t.input, all = fresh + t.cacheRead + t.cacheCreation
            let request = text(rng.int(300...1500))
            try sql.prepare("INSERT INTO model_usage VALUES (?, ?, ?, ?, ?, 'builtin:zai-coding-plan', ?, ?, ?, ?, ?, 0, ?)")
            let status = n % 20 == 19 ? "running" : "completed"
            try sql.insert([.text("zu_\(n)"), .text("zs_\(n / 50)"), .int(time()), .text(n % 3 == 0 ? "GLM-5.2" : "GLM-5.3"),
                            .text(status), .int(Int64(all)), .int(Int64(t.output)), .int(Int64(t.cacheCreation)),
                            .int(Int64(t.cacheRead)), .int(Int64(all + t.output)), .text(request)])
            if status == "completed" {
                summary.add(input: fresh, output: t.output, cacheCreation: t.cacheCreation, cacheRead: t.cacheRead)
            }
            written += Int64(request.utf8.count + 120)
            n += 1
        }
        try sql.execute("COMMIT")
        summary.bytes = Self.size(db)
        return summary
    }
}
