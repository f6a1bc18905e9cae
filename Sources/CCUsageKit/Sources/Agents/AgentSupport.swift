import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rules shared by the file-based agents (09-agents-jsonl §0).
public enum AgentRules {
    /// 09 §0.2: `YYYY-MM-DDTHH:MM:SS`, optionally `.mmm` (exactly three digits), then `Z` or `±HH:MM`
    /// (lengths 20, 24, 25 or 29), fields range-checked; nil otherwise.
    public static func strictTimestamp(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard [20, 24, 25, 29].contains(bytes.count) else { return nil }
        let hasFraction = bytes.count == 24 || bytes.count == 29
        if hasFraction {
            guard bytes[19] == UInt8(ascii: ".") else { return nil }
            for i in 20..<23 where !(0x30...0x39).contains(bytes[i]) { return nil }
        }
        let zoneAt = hasFraction ? 23 : 19
        let zoneLength = bytes.count - zoneAt
        if zoneLength == 1 { guard bytes[zoneAt] == UInt8(ascii: "Z") else { return nil } }
        else { guard zoneLength == 6, bytes[zoneAt] == UInt8(ascii: "+") || bytes[zoneAt] == UInt8(ascii: "-") else { return nil } }
        return Timestamp.parse(text)
    }

    /// 09 §0.3 / 10 §1.2: the part of `total` the columns and `extra` do not explain becomes output when output
    /// is 0, else extra.
    public static func applyTotal(_ total: Int, tokens: inout TokenCounts, extra: inout Int) {
        let known = TokenCounts.saturatingAdd(tokens.total, extra)
        guard total > known else { return }
        let missing = total - known
        if tokens.output == 0 { tokens.output = missing } else { extra = TokenCounts.saturatingAdd(extra, missing) }
    }

    /// The cost of an entry priced by the first resolving candidate (08 §10.3–§10.7): `extraAsOutput` bills extra
    /// tokens at the output rate. Returns the cost and whether the model is flagged as unpriced (a price table is
    /// loaded, there are tokens and no candidate resolves).
    public static func computedCost(candidates: [String], tokens: TokenCounts, extra: Int, extraAsOutput: Bool,
                                    prices: PriceTable?, cache: AgentPriceCache? = nil) -> (cost: Double, missing: Bool) {
        guard let prices else { return (0, false) }
        let found = cache.map { $0.price(candidates, in: prices) } ?? prices.price(candidates: candidates)?.price
        guard let price = found else {
            return (0, TokenCounts.saturatingAdd(tokens.total, extra) > 0)
        }
        var billed = tokens
        if extraAsOutput { billed.output = TokenCounts.saturatingAdd(billed.output, extra) }
        return (price.cost(billed), false)
    }

    /// Cost under a mode for agents without a logged cost (09 §0.5, 08 §10.6): display → 0.
    public static func cost(mode: CostMode, candidates: [String], tokens: TokenCounts, extra: Int, extraAsOutput: Bool,
                            prices: PriceTable?, cache: AgentPriceCache? = nil) -> (cost: Double, missing: Bool) {
        mode == .display ? (0, false)
            : computedCost(candidates: candidates, tokens: tokens, extra: extra, extraAsOutput: extraAsOutput, prices: prices,
                           cache: cache)
    }

    /// Cost for agents that log one (pi, openclaw): auto → logged if present else computed; calculate → computed;
    /// display → logged or 0.
    public static func cost(mode: CostMode, logged: Double?, candidates: [String], tokens: TokenCounts, extra: Int,
                            prices: PriceTable?, cache: AgentPriceCache? = nil) -> (cost: Double, missing: Bool) {
        switch mode {
        case .display: return (logged ?? 0, false)
        case .auto:
            if let logged { return (logged, false) }
            return computedCost(candidates: candidates, tokens: tokens, extra: extra, extraAsOutput: false, prices: prices,
                                cache: cache)
        case .calculate:
            return computedCost(candidates: candidates, tokens: tokens, extra: extra, extraAsOutput: false, prices: prices,
                                cache: cache)
        }
    }
}

/// Data locations and file listings of the file-based agents (09 §1.1 and the like).
public enum AgentPaths {
    /// A comma-separated list (trimmed, empty entries dropped), existing directories only, duplicates removed.
    public static func directories(_ list: String) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            let path = part.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty, isDirectory(path), seen.insert(path).inserted else { continue }
            out.append(path)
        }
        return out
    }

    /// The variable's directories when it is set (even when none remain); else the existing defaults.
    public static func roots(variable: String, env: Environment, defaults: [String]) -> [String] {
        if let value = env.variables[variable] { return directories(value) }
        return directories(defaults.joined(separator: ","))
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Modification time in ms (0 when unknown).
    public static func modifiedMillis(_ path: String) -> Int64 {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        #if canImport(Darwin)
        return Int64(info.st_mtimespec.tv_sec) * 1000 + Int64(info.st_mtimespec.tv_nsec) / 1_000_000
        #else
        return Int64(info.st_mtim.tv_sec) * 1000 + Int64(info.st_mtim.tv_nsec) / 1_000_000
        #endif
    }

    public static func size(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// Regular files below `root` (recursive, symbolic links neither followed nor listed) whose name `accept`s,
    /// sorted; directories that cannot be read are reported through `unreadable`.
    public static func walk(_ root: String, unreadable: inout [String], accept: (String) -> Bool) -> [String] {
        var out: [String] = []
        var stack = [root]
        while let dir = stack.popLast() {
            guard let handle = opendir(dir) else { unreadable.append(dir); continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let path = dir + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: stack.append(path)
                case S_IFREG: if accept(name) { out.append(path) }
                default: continue
                }
            }
        }
        return out.sorted()
    }

    /// Immediate children of a directory (names, sorted); empty when unreadable.
    public static func children(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    /// A whole file's bytes, or nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    /// The file name without its last extension.
    public static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    public static func name(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }
}

/// Per-file results of an agent's parallel read, kept in file order.
public struct AgentFileResult: Sendable {
    public var entries: [AgentEntry] = []
    public var issues: [AgentIssue] = []
    public var bytes: Int64 = 0
    public init() {}
}

extension AgentFileResult {
    /// Parses every file (in parallel unless `singleThread`), results in file order.
    public static func map(_ files: [String], singleThread: Bool,
                           _ parse: @escaping @Sendable (String) -> AgentFileResult) -> [AgentFileResult] {
        let slots = ScanSlots<AgentFileResult>(count: files.count, empty: AgentFileResult())
        let work: @Sendable (Int) -> Void = { slots.store(parse(files[$0]), at: $0) }
        if singleThread || files.count < 2 {
            for i in files.indices { work(i) }
        } else {
            let order = files.indices.sorted { AgentPaths.size(files[$0]) > AgentPaths.size(files[$1]) }
            DispatchQueue.concurrentPerform(iterations: order.count) { work(order[$0]) }
        }
        return slots.take()
    }
}

extension AgentLoad {
    /// Entries of every file (stable-sorted by timestamp), issues and byte counts.
    public init(files: [String], results: [AgentFileResult], found: Bool, extraIssues: [AgentIssue] = [],
                dedup: ((AgentEntry) -> String)? = nil) {
        var entries: [AgentEntry] = []
        var issues = extraIssues
        var bytes: Int64 = 0
        var seen = Set<String>()
        for result in results {
            bytes += result.bytes
            issues += result.issues
            if let dedup {
                for entry in result.entries where seen.insert(dedup(entry)).inserted { entries.append(entry) }
            } else {
                entries += result.entries
            }
        }
        entries = entries.enumerated().sorted {
            $0.element.timestamp != $1.element.timestamp ? $0.element.timestamp < $1.element.timestamp : $0.offset < $1.offset
        }.map(\.element)
        self.init(entries: entries, issues: issues, filesRead: files.count, bytes: bytes, found: found)
    }
}

/// Reads a file line by line (09 parsers): returns false from `body` to stop. Bytes read and an error message.
public func agentForEachLine(_ path: String, _ body: (UnsafeBufferPointer<UInt8>, Int64) -> Bool) -> (bytes: Int64, error: String?) {
    LineReader.forEachLine(path: path, body)
}

/// Price lookups of one load, memoised by candidate list (a fuzzy lookup scans every key; a home has few models).
public final class AgentPriceCache: @unchecked Sendable {
    private var prices: [String: ModelPrice?] = [:]
    private let lock = NSLockLite()

    public init() {}

    func price(_ candidates: [String], in table: PriceTable) -> ModelPrice? {
        let key = candidates.joined(separator: "\u{0}")
        if let hit = lock.withLock({ prices[key] }) { return hit }
        let found = table.price(candidates: candidates)?.price
        lock.withLock { prices[key] = .some(found) }
        return found
    }
}
