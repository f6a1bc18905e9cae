import Foundation

/// OpenAI Codex CLI as a usage source: roots from the environment (`CODEX_HOME`), discovery, a per-file parser
/// and its de-duplication policy (in `CodexReport`). Shaped to become a `UsageSource`.
public enum CodexSource {
    public static let id = "codex"
    public static let displayName = "Codex"
    public static let reports: [CodexReportKind] = [.daily, .monthly, .session]

    /// Reads every file of every home (in parallel unless `singleThread`), keeping file order.
    public static func load(_ env: Environment, singleThread: Bool = false) -> CodexLoad {
        // (The CLI discovers once and calls `load(files:homes:)`, so a cached report costs only the listing.)
        let homes = CodexDiscovery.homes(env)
        return load(files: CodexDiscovery.files(homes: homes), homes: homes, singleThread: singleThread)
    }

    public static func load(files: [CodexFile], homes: [String], singleThread: Bool = false) -> CodexLoad {
        let slots = ScanSlots<CodexFileEvents>(count: files.count, empty: CodexFileEvents())
        let work: @Sendable (Int) -> Void = { index in
            slots.store(CodexFileParser.parse(path: files[index].path, modifiedMillis: files[index].modifiedMillis),
                        at: index)
        }
        if singleThread || files.count < 2 {
            for index in files.indices { work(index) }
        } else {
            // Largest files first keeps every core busy to the end.
            let order = files.indices.sorted { files[$0].size > files[$1].size }
            DispatchQueue.concurrentPerform(iterations: order.count) { work(order[$0]) }
        }
        return CodexLoad(homes: homes, files: files, results: slots.take())
    }
}

extension CodexSource {
    /// Every input of a Codex report's numbers: each file's path, size and modification time (in processing
    /// order), and the prices. A report cached under another signature is never reused.
    public static func signature(files: [CodexFile], prices: PriceTable) -> UInt64 {
        var text = ""
        text.reserveCapacity(files.count * 96)
        for file in files { text += "\(file.path)\u{0}\(file.size)\u{0}\(file.modifiedMillis)\n" }
        var h = text.withUTF8 { Hashing.pair($0).0 }
        h = (h ^ prices.digest) &* 0xff51_afd7_ed55_8ccd
        return h ^ (h >> 31)
    }
}

/// What a Codex load found: the files in processing order and each file's events.
public struct CodexLoad: Sendable {
    public var homes: [String]
    public var files: [CodexFile]
    public var results: [CodexFileEvents]

    /// Each file's session id and events, in processing order.
    public var sessions: [(id: String, events: [CodexEvent])] {
        zip(files, results).map { ($0.sessionID, $1.events) }
    }

    public var eventCount: Int { results.reduce(0) { $0 + $1.events.count } }
    public var malformedLines: Int { results.reduce(0) { $0 + $1.malformedLines } }
    public var lines: Int { results.reduce(0) { $0 + $1.lines } }
    public var bytes: Int64 { results.reduce(0) { $0 + $1.bytes } }

    /// `path: reason` for files that could not be read.
    public var unreadable: [String] {
        zip(files, results).compactMap { file, result in result.error.map { "\(file.path): \($0)" } }
    }

    /// Files with malformed lines and the byte offsets of the first few.
    public var malformedFiles: [(path: String, count: Int, offsets: [Int64])] {
        zip(files, results).filter { $1.malformedLines > 0 }.map { ($0.path, $1.malformedLines, $1.malformedOffsets) }
    }

    public func report(_ kind: CodexReportKind, options: CodexReportOptions, pricing: CodexPricing) -> CodexReport {
        CodexReport(sessions: sessions, kind: kind, options: options, pricing: pricing)
    }
}
