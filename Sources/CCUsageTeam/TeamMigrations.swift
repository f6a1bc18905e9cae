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
        if version < TeamSchema.version {
            throw TeamError("The team database \(target.label) has schema version \(version); run `ccusage sync` once as its owner to upgrade it to version \(TeamSchema.version).")
        }
    }

    /// Recomputes every rollup from the events, in one transaction under the writers' lock (after events were
    /// loaded by other means, such as a restore or a bulk `COPY`). Returns the number of events.
    func rebuildRollups() async throws -> Int {
        try await prepareForWriting()
        try await run("BEGIN", during: "rebuilding the rollups")
        do {
            try await run("SELECT pg_advisory_xact_lock(\(TeamSync.lockKey))", during: "rebuilding the rollups")
            for statement in TeamSchema.rebuildRollups {
                try await run(PostgresQuery(unsafeSQL: statement), during: "rebuilding the rollups")
            }
            let count = try await rows("SELECT count(*) FROM ccusage.events", during: "rebuilding the rollups") {
                try $0.decode(Int64.self)
            }
            try await run("COMMIT", during: "rebuilding the rollups")
            return Int(count.first ?? 0)
        } catch {
            try? await run("ROLLBACK", during: "rebuilding the rollups")
            throw error
        }
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
                if let current {
                    throw TeamError("User '\(target.user)' may not upgrade the ccusage schema in \(target.label) from version \(current) to \(TeamSchema.version); run `ccusage sync` once as the database owner (see README, Teams).")
                }
                throw TeamError("User '\(target.user)' may not create the ccusage schema in \(target.label); run the first `ccusage sync` as the database owner (see README, Teams).")
            }
            throw error
        }
    }
}
