import Foundation

/// What `ccusage archive status` shows.
public struct ArchiveStatus: Sendable, Equatable {
    public var path: String
    /// The database with its write-ahead log.
    public var bytes: Int64
    public var schemaVersion: Int64
    public var eventsBySource: [(source: String, events: Int)]
    public var firstTime: Int64?, lastTime: Int64?
    /// Events whose transcript is gone: only the archive still has them.
    public var archivedOnly: Int
    public var files: Int, goneFiles: Int

    public static func == (a: Self, b: Self) -> Bool {
        a.path == b.path && a.bytes == b.bytes && a.schemaVersion == b.schemaVersion
            && a.eventsBySource.map(\.source) == b.eventsBySource.map(\.source)
            && a.eventsBySource.map(\.events) == b.eventsBySource.map(\.events) && a.firstTime == b.firstTime
            && a.lastTime == b.lastTime && a.archivedOnly == b.archivedOnly && a.files == b.files
            && a.goneFiles == b.goneFiles
    }
}

/// One exported event: a line of `archive export --format jsonl`, and what `archive import` reads.
public struct ArchivedEvent: Codable, Sendable, Equatable {
    public var source: String
    public var project: String
    public var projectPath: String
    public var session: String
    public var file: String
    public var gone: Bool
    public var timestamp: String
    public var model: String?
    public var inputTokens: Int
    public var outputTokens: Int
    public var cacheCreationTokens: Int
    public var cacheReadTokens: Int
    public var cacheCreation1hTokens: Int
    public var loggedCostUSD: Double?
    public var sidechain: Bool
    public var fast: Bool
    public var speed: Bool
    public var sessionId: String?
    public var version: String?
    public var usageLimitReset: Int64?
    /// The dedup key: 48 hex digits (three 64-bit hashes).
    public var key: String
    /// Keyed by file and position (the line had no message id).
    public var keyless: Bool
    /// Where the event sits in the merge order: a file and a position in it.
    public var place: String
    public var seq: Int64

    static let columns = ["source", "project", "projectPath", "session", "file", "gone", "timestamp", "model",
                          "inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens",
                          "cacheCreation1hTokens", "loggedCostUSD", "sidechain", "fast", "speed", "sessionId",
                          "version", "usageLimitReset", "key", "keyless", "place", "seq"]

    /// The fields in `columns` order, each as JSON.
    var jsonFields: [JSONValue] {
        func text(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        return [.string(source), .string(project), .string(projectPath), .string(session), .string(file), .bool(gone),
                .string(timestamp), text(model), .int(inputTokens), .int(outputTokens), .int(cacheCreationTokens),
                .int(cacheReadTokens), .int(cacheCreation1hTokens), loggedCostUSD.map { .double($0) } ?? .null,
                .bool(sidechain), .bool(fast), .bool(speed), text(sessionId), text(version),
                usageLimitReset.map { .int(Int($0)) } ?? .null, .string(key), .bool(keyless), .string(place),
                .int(Int(seq))]
    }

    /// One line of JSON, no newline.
    public var jsonLine: String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (i, (name, value)) in zip(ArchivedEvent.columns, jsonFields).enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONValue.quote(name, into: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: value.rendered().utf8)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    public static var csvHeader: String { columns.joined(separator: ",") }

    /// One CSV row (RFC 4180 quoting), no newline.
    public var csvLine: String {
        jsonFields.map { value -> String in
            switch value {
            case .null: return ""
            case .string(let s):
                guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            default: return value.rendered()
            }
        }.joined(separator: ",")
    }
}

extension UsageArchive {
    func mapErrors<T>(_ body: () throws -> T) throws(ArchiveError) -> T {
        do {
            return try body()
        } catch let error as ArchiveError {
            throw error
        } catch let error as SQLiteError {
            throw ArchiveError(error, path: path)
        } catch {
            throw .unavailable(path: path, reason: "\(error)")
        }
    }

    public func status() throws(ArchiveError) -> ArchiveStatus {
        try mapErrors {
            var bytes: Int64 = 0
            for file in [path, path + "-wal"] {
                var st = stat()
                if stat(file, &st) == 0 { bytes += Int64(st.st_size) }
            }
            var bySource: [(String, Int)] = []
            let sources = try db.prepare("""
                SELECT f.source, count(*) FROM events e JOIN files f ON f.id = e.file GROUP BY f.source ORDER BY f.source
                """)
            while try sources.step() { bySource.append((sources.text(0) ?? "", Int(sources.int64(1)))) }
            let range = try db.prepare("SELECT min(time), max(time) FROM events")
            _ = try range.step()
            let only = try db.integer("SELECT count(*) FROM events e JOIN files f ON f.id = e.file WHERE f.gone != 0") ?? 0
            return ArchiveStatus(path: path, bytes: bytes, schemaVersion: try db.integer("PRAGMA user_version") ?? 0,
                                 eventsBySource: bySource, firstTime: range.optionalInt64(0),
                                 lastTime: range.optionalInt64(1), archivedOnly: Int(only),
                                 files: Int(try db.integer("SELECT count(*) FROM files") ?? 0),
                                 goneFiles: Int(try db.integer("SELECT count(*) FROM files WHERE gone != 0") ?? 0))
        }
    }

    /// Every event (with `include` deciding by its time), oldest first.
    public func export(include: (Int64) -> Bool = { _ in true },
                       _ body: (ArchivedEvent) throws -> Void) throws(ArchiveError) {
        try mapErrors {
            let columns = UsageArchive.eventColumns.split(separator: ",").map { "e." + String($0).trimmed }
            let rows = try db.prepare("""
                SELECT \(columns.joined(separator: ", ")), f.source, f.project, f.project_path, f.session, f.path,
                       f.gone, p.path
                FROM events e JOIN files f ON f.id = e.file LEFT JOIN files p ON p.id = e.place
                ORDER BY e.time, e.key1, e.key2, e.key3
                """)
            while try rows.step() {
                let time = rows.int64(4)
                guard include(time) else { continue }
                let r = try record(from: rows)
                let flags = rows.int64(12)
                let key = [0, 1, 2].map { hex(UInt64(bitPattern: rows.int64(Int32($0)))) }.joined()
                let file = rows.text(22) ?? ""
                try body(ArchivedEvent(
                    source: rows.text(18) ?? "claude", project: rows.text(19) ?? "", projectPath: rows.text(20) ?? "",
                    session: rows.text(21) ?? "", file: file, gone: rows.int64(23) != 0, timestamp: Timestamp.iso(time),
                    model: r.model, inputTokens: r.tokens.input, outputTokens: r.tokens.output,
                    cacheCreationTokens: r.tokens.cacheCreation, cacheReadTokens: r.tokens.cacheRead,
                    cacheCreation1hTokens: r.cacheCreation1h, loggedCostUSD: r.recordedCost, sidechain: r.isSidechain,
                    fast: r.isFast, speed: r.hasSpeed, sessionId: r.sessionField, version: r.version,
                    usageLimitReset: r.usageLimitReset, key: key, keyless: flags & UsageArchive.keyless != 0,
                    place: rows.text(24) ?? file, seq: rows.int64(17)))
            }
        }
    }

    private func hex(_ v: UInt64) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Merges exported events by their dedup key (in one transaction): a key already stored keeps its row
    /// unless the imported copy is better by the loader's rule, so importing twice changes nothing. An
    /// event's transcript that does not exist here counts as gone. Returns (events read, rows added or
    /// improved).
    public func importEvents(_ events: [ArchivedEvent], now: Int64) throws(ArchiveError) -> (read: Int, changed: Int) {
        try mapErrors {
            try db.transaction {
                var ids: [String: Int64] = [:]
                let present = try db.prepare("SELECT id FROM files WHERE path = ? ORDER BY gone = 0 DESC, id LIMIT 1")
                let insert = try db.prepare("""
                    INSERT INTO files(source, path, project, session, project_path, size, stamp, inode, gone, imported)
                    VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, 1)
                    """)
                func fileID(_ path: String, _ e: ArchivedEvent) throws -> Int64 {
                    if let id = ids[path] { return id }
                    try present.bind([.text(path)])
                    let id: Int64
                    if try present.step() { id = present.int64(0) } else {
                        try insert.run([.text(e.source), .text(path), .text(e.project), .text(e.session),
                                        .text(e.projectPath), .integer(now)])
                        id = db.lastInsertRowID
                    }
                    present.reset()
                    ids[path] = id
                    return id
                }
                // Files with their own events first: a file named only as another event's place takes that
                // event's project and session, which are right only for the event's own file.
                for e in events { _ = try fileID(e.file, e) }
                let upsert = try db.prepare(UsageArchive.upsertSQL)
                var changed = 0
                for e in events {
                    guard let time = Timestamp.parse(e.timestamp) else {
                        throw ArchiveError.unavailable(path: path, reason: "an event has an invalid timestamp '\(e.timestamp)'")
                    }
                    let key = stride(from: 0, to: 48, by: 16).compactMap { offset -> UInt64? in
                        guard e.key.utf8.count == 48 else { return nil }
                        let start = e.key.index(e.key.startIndex, offsetBy: offset)
                        return UInt64(e.key[start..<e.key.index(start, offsetBy: 16)], radix: 16)
                    }
                    guard key.count == 3 else {
                        throw ArchiveError.unavailable(path: path, reason: "an event has an invalid key '\(e.key)'")
                    }
                    var flags: Int64 = 0
                    if e.fast { flags |= UsageArchive.fast }
                    if e.speed { flags |= UsageArchive.speed }
                    if e.sidechain { flags |= UsageArchive.sidechain }
                    if e.keyless { flags |= UsageArchive.keyless }
                    let values: [SQLiteValue] = [
                        .integer(Int64(bitPattern: key[0])), .integer(Int64(bitPattern: key[1])),
                        .integer(Int64(bitPattern: key[2])), .integer(try fileID(e.file, e)), .integer(time),
                        try nameID(e.model), .integer(Int64(e.inputTokens)), .integer(Int64(e.outputTokens)),
                        .integer(Int64(e.cacheCreationTokens)), .integer(Int64(e.cacheReadTokens)),
                        .integer(Int64(e.cacheCreation1hTokens)), e.loggedCostUSD.map { .real($0) } ?? .null,
                        .integer(flags), try nameID(e.sessionId), try nameID(e.version),
                        e.usageLimitReset.map { .integer($0) } ?? .null, .integer(try fileID(e.place, e)),
                        .integer(e.seq)]
                    try upsert.run(values)
                    changed += db.changes
                }
                return (events.count, changed)
            }
        }
    }

    /// Removes the events before `cutoff` (ms), and the gone files left without events. Returns
    /// (events, files) removed.
    public func prune(before cutoff: Int64) throws(ArchiveError) -> (events: Int, files: Int) {
        try mapErrors {
            try db.transaction {
                try db.prepare("DELETE FROM events WHERE time < ?").run([.integer(cutoff)])
                let events = db.changes
                try db.execute("""
                    DELETE FROM files WHERE gone != 0 AND id NOT IN (SELECT file FROM events)
                        AND id NOT IN (SELECT place FROM events)
                    """)
                return (events, db.changes)
            }
        }
    }
}

extension UsageLoader.Discovered {
    /// No transcripts at all (no data directory): a report then comes from the archive alone.
    public static var none: Self { Self(files: [], problems: [], baseDirectories: []) }
}
