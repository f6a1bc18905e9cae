import PostgresNIO

extension TeamDatabase {
    /// The schema version stored in the database; nil when the `ccusage` schema has not been created.
    func schemaVersion() async throws -> Int? {
        let exists = try await rows("SELECT to_regclass('ccusage.meta') IS NOT NULL", during: "reading the schema version") {
            try $0.decode(Bool.self)
        }
        guard exists.first == true else { return nil }
        let values = try await rows("SELECT value FROM ccusage.meta WHERE key = 'schema_version'",
                                    during: "reading the schema version") { try $0.decode(String.self) }
        guard let text = values.first, let version = Int(text) else {
            throw TeamError("The team database \(target.label) has a ccusage schema without a version; it was not made by ccusage.")
        }
        return version
    }

    /// Checks the schema for reading: present and of this version.
    func checkForReading() async throws {
        guard let version = try await schemaVersion() else {
            throw TeamError("The team database \(target.label) has no ccusage data yet: run `ccusage sync` first.")
        }
        try check(version)
    }

    private func check(_ version: Int) throws {
        if version > TeamSchema.version {
            throw TeamError("The team database \(target.label) has schema version \(version); this ccusage knows versions up to \(TeamSchema.version). Update ccusage.")
        }
    }

    /// Creates the schema on first use and applies missing migrations, each in one transaction under a lock
    /// (two machines syncing for the first time at once create it once).
    func prepareForWriting() async throws {
        let current = try await schemaVersion()
        if let current { try check(current) }
        if current == TeamSchema.version { return }
        try await run("BEGIN", during: "creating the schema")
        do {
            try await run("SELECT pg_advisory_xact_lock(\(TeamSync.lockKey))", during: "creating the schema")
            let now = try await schemaVersion() ?? 0
            try check(now)
            for (version, statements) in TeamSchema.migrations where version > now {
                for statement in statements {
                    try await run(PostgresQuery(unsafeSQL: statement), during: "creating the schema")
                }
                try await run("""
                    INSERT INTO ccusage.meta (key, value) VALUES ('schema_version', \(String(version)))
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, during: "creating the schema")
            }
            try await run("COMMIT", during: "creating the schema")
        } catch {
            try? await run("ROLLBACK", during: "creating the schema")
            if let team = error as? TeamError, team.description.contains("lacks a privilege") {
                throw TeamError("User '\(target.user)' may not create the ccusage schema in \(target.label); run the first `ccusage sync` as the database owner (see README, Teams).")
            }
            throw error
        }
    }
}
