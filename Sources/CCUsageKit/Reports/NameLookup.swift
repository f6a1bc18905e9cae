import Foundation

/// What a name the user typed (`--project`, `session --id`) stands for.
public enum Lookup: Sendable, Equatable {
    /// Exactly one: the full name to use.
    case found(String)
    /// Several fit; the user must say more.
    case ambiguous([String])
    /// None fits; the closest names, best first (possibly none).
    case notFound(close: [String])
}

public enum NameLookup {
    /// A project by its folder name under `projects/` (`-Users-dev-code-api`), or by the name `--instances`
    /// shows for it (`api`, or its alias); a case-insensitive match is used when it is the only one.
    public static func project(_ query: String, among raws: [String], aliases: [String: String] = [:]) -> Lookup {
        if raws.contains(query) { return .found(query) }
        let displayed = raws.filter { ProjectNames.display($0, aliases: aliases) == query }
        if let match = unique(displayed) { return match }
        let lower = query.lowercased()
        let folded = raws.filter {
            $0.lowercased() == lower || ProjectNames.display($0, aliases: aliases).lowercased() == lower
        }
        if let match = unique(folded) { return match }
        return .notFound(close: closeMatches(query, among: raws))
    }

    /// A session by its full id, or by a unique prefix or suffix of it (the session table shows the last two
    /// `-`-separated parts), case-insensitively.
    public static func session(_ query: String, among ids: [String]) -> Lookup {
        if ids.contains(query) { return .found(query) }
        let lower = query.lowercased()
        guard !lower.isEmpty else { return .notFound(close: []) }
        let fitting = ids.filter {
            let id = $0.lowercased()
            return id == lower || id.hasPrefix(lower) || id.hasSuffix(lower)
        }
        if let match = unique(fitting) { return match }
        return .notFound(close: closeMatches(query, among: ids))
    }

    private static func unique(_ matches: [String]) -> Lookup? {
        let distinct = Array(Set(matches)).sorted()
        switch distinct.count {
        case 0: return nil
        case 1: return .found(distinct[0])
        default: return .ambiguous(distinct)
        }
    }

    /// Up to `limit` names within a few edits of `query`, compared whole and with their start and end of the
    /// query's length (a mistyped id suffix is close to its id); nearest first, then in byte order.
    public static func closeMatches(_ query: String, among names: [String], limit: Int = 5) -> [String] {
        let q = Array(query.lowercased().utf8)
        guard !q.isEmpty else { return [] }
        let allowed = max(1, q.count / 3)
        var scored: [(Int, String)] = []
        for name in Set(names) {
            let n = Array(name.lowercased().utf8)
            var best = distance(q, n, cap: allowed + 1)
            if n.count > q.count {
                best = min(best, distance(q, Array(n.prefix(q.count)), cap: allowed + 1),
                           distance(q, Array(n.suffix(q.count)), cap: allowed + 1))
            }
            if best <= allowed { scored.append((best, name)) }
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
    }

    /// Levenshtein distance of two byte strings; any value above `cap` is returned as `cap`.
    static func distance(_ a: [UInt8], _ b: [UInt8], cap: Int) -> Int {
        if abs(a.count - b.count) >= cap { return cap }
        if a.isEmpty || b.isEmpty { return min(cap, max(a.count, b.count)) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMin = min(rowMin, current[j])
            }
            if rowMin >= cap { return cap }
            swap(&previous, &current)
        }
        return min(previous[b.count], cap)
    }
}

extension Discovery {
    /// The project folders under each base's `projects/` (symlinks followed), sorted and without repeats:
    /// the names `--project` accepts.
    public static func projectFolders(in bases: [String]) -> [String] {
        var names = Set<String>()
        for base in bases {
            let root = base + "/projects"
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root) else { continue }
            for name in entries where isDirectory(root + "/" + name) { names.insert(name) }
        }
        return names.sorted()
    }
}
