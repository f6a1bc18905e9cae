import Foundation

/// The latest rate limits Claude Code passed to the status line, for one Claude config directory, and when
/// they were seen.
public struct RememberedRateLimits: Sendable, Equatable {
    /// The Claude config directory (the folder holding `projects/`).
    public var configDirectory: String
    /// Milliseconds since the epoch.
    public var seenAt: Int64
    public var limits: RateLimits

    public init(configDirectory: String, seenAt: Int64, limits: RateLimits) {
        self.configDirectory = configDirectory; self.seenAt = seenAt; self.limits = limits
    }

    /// `3m ago`, `2h 5m ago`, `just now`.
    public func age(now: Int64) -> String {
        let minutes = max(0, (now - seenAt) / 60_000)
        if minutes < 1 { return "just now" }
        return (minutes >= 60 ? "\(minutes / 60)h \(minutes % 60)m" : "\(minutes)m") + " ago"
    }
}

/// `rate-limits-v1.json` in the cache directory: the latest rate limits per Claude config directory, written
/// by `statusline` and shown by `blocks`. Holds percentages and times only.
public enum RateLimitStore {
    public static let fileName = "rate-limits-v1.json"

    /// A value is rewritten at least this often even when unchanged, so its age stays meaningful.
    public static let refreshMillis: Int64 = 60_000

    public static func path(cacheDirectory: String) -> String { cacheDirectory + "/" + fileName }

    /// The Claude config directory a transcript belongs to: the path before its last `projects` folder.
    public static func configDirectory(ofTranscript path: String) -> String? {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let index = parts.dropLast().lastIndex(of: "projects"), index > 0 else { return nil }
        parts.removeSubrange(index...)
        let base = parts.joined(separator: "/")
        return base.isEmpty ? "/" : base
    }

    /// Every remembered entry; empty when the file is absent, unreadable or damaged.
    public static func read(cacheDirectory: String) -> [RememberedRateLimits] {
        guard let data = FileManager.default.contents(atPath: path(cacheDirectory: cacheDirectory)),
              data.count < 1 << 20, let file = try? JSONDecoder().decode(Wire.self, from: data) else { return [] }
        return file.entries.compactMap { entry in
            let limits = RateLimits(fiveHour: entry.fiveHour.flatMap { RateLimits.Window(usedPercentage: $0.usedPercentage, resetsAt: $0.resetsAt) },
                                    sevenDay: entry.sevenDay.flatMap { RateLimits.Window(usedPercentage: $0.usedPercentage, resetsAt: $0.resetsAt) })
            guard !limits.isEmpty, !entry.configDir.isEmpty else { return nil }
            return RememberedRateLimits(configDirectory: entry.configDir, seenAt: entry.seenAt, limits: limits)
        }
    }

    /// Stores `limits` for `configDirectory` (replacing its previous entry) unless the same values were stored
    /// less than `refreshMillis` ago. Returns false when the file could not be written.
    @discardableResult
    public static func remember(_ limits: RateLimits, configDirectory: String, now: Int64,
                                cacheDirectory: String) -> Bool {
        var entries = read(cacheDirectory: cacheDirectory)
        if let old = entries.first(where: { $0.configDirectory == configDirectory }), old.limits == limits,
           now - old.seenAt >= 0, now - old.seenAt < refreshMillis {
            return true
        }
        entries.removeAll { $0.configDirectory == configDirectory }
        entries.append(RememberedRateLimits(configDirectory: configDirectory, seenAt: now, limits: limits))
        // Entries whose every window has reset are dropped.
        entries = entries.filter { $0.limits.fresh(now: now) != nil }.sorted { $0.configDirectory < $1.configDirectory }
        let wire = Wire(entries: entries.map { e in
            Wire.Entry(configDir: e.configDirectory, seenAt: e.seenAt,
                       fiveHour: e.limits.fiveHour.map { .init(usedPercentage: $0.usedPercentage, resetsAt: Double($0.resetsAt)) },
                       sevenDay: e.limits.sevenDay.map { .init(usedPercentage: $0.usedPercentage, resetsAt: Double($0.resetsAt)) })
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(wire) else { return false }
        return CacheWriter.writeAtomically([[UInt8](data)], to: path(cacheDirectory: cacheDirectory))
    }

    /// The remembered values of `directories` still in effect at `now` (windows past their reset left out),
    /// most recently seen first. Paths are compared with symbolic links resolved and trailing slashes removed.
    public static func current(_ entries: [RememberedRateLimits], directories: [String],
                               now: Int64) -> [RememberedRateLimits] {
        func normal(_ path: String) -> String {
            var p = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            while p.count > 1, p.hasSuffix("/") { p.removeLast() }
            return p
        }
        let wanted = Set(directories.map(normal))
        return entries.compactMap { entry in
            guard wanted.contains(normal(entry.configDirectory)), let fresh = entry.limits.fresh(now: now) else { return nil }
            return RememberedRateLimits(configDirectory: entry.configDirectory, seenAt: entry.seenAt, limits: fresh)
        }.sorted { $0.seenAt > $1.seenAt }
    }

    private struct Wire: Codable {
        struct Window: Codable { var usedPercentage: Double; var resetsAt: Double }
        struct Entry: Codable {
            var configDir: String
            var seenAt: Int64
            var fiveHour: Window?
            var sevenDay: Window?
        }
        var entries: [Entry]
    }
}

extension RememberedRateLimits {
    /// `{"configDir", "seenAt", "ageSeconds", "fiveHour": {"usedPercentage", "resetsAt"}, "sevenDay": {…}}`
    /// (a window absent when unknown or past its reset).
    public func json(now: Int64) -> JSONValue {
        func window(_ w: RateLimits.Window) -> JSONValue {
            .object([.init("usedPercentage", .double(w.usedPercentage)),
                      .init("resetsAt", .string(Timestamp.iso(w.resetsAt * 1000)))])
        }
        var members: [JSONValue.Member] = [
            .init("configDir", .string(configDirectory)),
            .init("seenAt", .string(Timestamp.iso(seenAt))),
            .init("ageSeconds", .int(Int(max(0, now - seenAt) / 1000))),
        ]
        if let w = limits.fiveHour { members.append(.init("fiveHour", window(w))) }
        if let w = limits.sevenDay { members.append(.init("sevenDay", window(w))) }
        return .object(members)
    }

    /// `24% used, resets 4:00 PM` for the 5-hour window; nil when it is not known.
    public func fiveHourSummary(zone: ReportZone) -> String? {
        guard let w = limits.fiveHour else { return nil }
        return "\(w.roundedPercent)% used, resets \(BlockTime.clock(w.resetsAt * 1000, zone))"
    }

    /// `41% used, resets Wed 4:00 PM` for the 7-day window; nil when it is not known.
    public func sevenDaySummary(zone: ReportZone) -> String? {
        guard let w = limits.sevenDay else { return nil }
        return "\(w.roundedPercent)% used, resets \(RateLimitDisplay.weekday(w.resetsAt * 1000, zone)) "
            + BlockTime.clock(w.resetsAt * 1000, zone)
    }
}
