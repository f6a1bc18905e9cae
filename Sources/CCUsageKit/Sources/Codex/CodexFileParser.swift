/// The per-file state a read leaves behind (07-codex §4.3, §8): what a later read of the grown file resumes with.
struct CodexParseState: Sendable, Equatable {
    /// Cumulative usage last seen (`total_token_usage`), for files that log totals only.
    var previousTotals: CodexTokens?
    var currentModel: String?
    var currentIsFallback = false
    /// The spawn second of a sub-agent file whose replayed parent events are skipped; nil when none.
    var replaySecond: [UInt8]?
}

/// How far a read got: the offset past its last line and the state there. `resumable` is false when reading
/// on from `consumed` could give other events than reading the grown file whole: a partial last line, an exec
/// line dated by the file's modification time, or a sub-agent test (§8) not yet settled by the bytes read.
struct CodexScanPoint: Sendable, Equatable {
    var consumed: Int64 = 0
    var state = CodexParseState()
    var resumable = false
}

/// Reads one Codex file into usage events (07-codex §4–§8): rollout `token_count` events with the per-file model
/// state, saved `codex exec --json` lines, and a sub-agent's replayed parent history skipped.
struct CodexFileParser {
    static let headBytes = 16_384
    private var state = CodexParseState()
    /// The file's modification time (`YYYY-MM-DDTHH:MM:SS.mmmZ`), for exec lines without a usable timestamp.
    private let modified: String
    private var usedModified = false
    private var tree = JSONTree()
    private var result = CodexFileEvents()

    private init(modified: String) { self.modified = modified }

    /// Every event of the file at `path`, in line order. `modifiedMillis` dates exec lines without timestamps.
    static func parse(path: String, modifiedMillis: Int64) -> CodexFileEvents {
        scan(path: path, modifiedMillis: modifiedMillis).events
    }

    /// The events of the file from `resume`'s offset on (the whole file when nil), read with its state, and where
    /// the read ended. Offsets of malformed lines are file offsets either way.
    static func scan(path: String, modifiedMillis: Int64, resume: CodexScanPoint? = nil)
        -> (events: CodexFileEvents, point: CodexScanPoint) {
        var parser = CodexFileParser(modified: Timestamp.iso(modifiedMillis))
        let start = resume?.consumed ?? 0
        var settled = true
        if let resume {
            parser.state = resume.state
        } else {
            let head = LineReader.prefix(path: path, count: headBytes)
            if head.withUnsafeBufferPointer({ lineContains($0, "thread_spawn") }) {
                let found = replaySecond(path: path)
                parser.state.replaySecond = found.second
                settled = found.settled
            } else {
                settled = head.count >= headBytes   // a shorter file could still gain the bytes
            }
        }
        var lastLineEnd: Int64 = -1
        let (bytes, error) = LineReader.forEachCodexLine(path: path, from: start) { line, offset, markers in
            parser.read(line, offset: offset, markers: markers)
            lastLineEnd = offset + Int64(line.count)
            return true
        }
        parser.result.bytes = bytes
        parser.result.error = error
        let end = start + bytes
        let partialTail = bytes > 0 && lastLineEnd == end
        let point = CodexScanPoint(consumed: end, state: parser.state,
                                   resumable: error == nil && settled && !partialTail && !parser.usedModified)
        return (parser.result, point)
    }

    /// The second (`YYYY-MM-DDTHH:MM:SS`) shared by the file's first two `token_count` events with usage, if
    /// they share one: a sub-agent's replay of its parent's history (07-codex §8). `settled` when two such events
    /// were found (more bytes cannot change the answer).
    static func replaySecond(path: String) -> (second: [UInt8]?, settled: Bool) {
        var stamps: [[UInt8]] = []
        var tree = JSONTree()
        _ = LineReader.forEachCodexLine(path: path) { line, _, markers in
            guard CodexLine.classify(line, markers: markers) == .session, tree.parse(line),
                  let top = SessionLine(tree), top.type == "event_msg", let stamp = top.timestamp else { return true }
            guard case .success(let payloadType) = tree.strictString(top.payload, "type"), payloadType == "token_count"
            else { return true }
            let info = tree.object(top.payload, "info")
            guard tree.object(info, "last_token_usage") >= 0 || tree.object(info, "total_token_usage") >= 0 else {
                return true
            }
            stamps.append(Array(stamp.utf8))
            return stamps.count < 2
        }
        guard stamps.count == 2 else { return (nil, false) }
        guard stamps[0].count >= 19, stamps[1].count >= 19,
              stamps[0].prefix(19).elementsEqual(stamps[1].prefix(19)) else { return (nil, true) }
        return (Array(stamps[0].prefix(19)), true)
    }

    private mutating func read(_ line: UnsafeBufferPointer<UInt8>, offset: Int64, markers: Int32) {
        result.lines += 1
        switch CodexLine.classify(line, markers: markers) {
        case .ignored: return
        case .session:
            if !tree.parse(line) || !readSessionLine() { malformed(at: offset) }
        case .headless:
            if !tree.parse(line) { malformed(at: offset); return }
            readExecLine()
        }
    }

    private mutating func malformed(at offset: Int64) {
        result.malformedLines += 1
        if result.malformedOffsets.count < 3 { result.malformedOffsets.append(offset) }
    }

    /// A rollout line (§5); false when it breaks the strict field types.
    private mutating func readSessionLine() -> Bool {
        guard let top = SessionLine(tree) else { return false }
        let payload = top.payload
        // The strictly typed strings, checked whatever the record type.
        guard case .success(let payloadType) = tree.strictString(payload, "type"),
              case .success(let payloadModel) = tree.modelName(payload, strict: true) else { return false }
        let info = tree.object(payload, "info")
        guard case .success(let infoModel) = tree.modelName(info, strict: true) else { return false }
        switch top.type {
        case "turn_context":
            if let payloadModel { state.currentModel = payloadModel; state.currentIsFallback = false }
        case "event_msg":
            guard let timestamp = top.timestamp, payloadType == "token_count" else { return true }
            let total = tree.usage(tree.object(info, "total_token_usage"))
            if let second = state.replaySecond {
                if timestamp.utf8.count >= 19, timestamp.utf8.prefix(19).elementsEqual(second) {
                    if let total { state.previousTotals = total }
                    return true
                }
                state.replaySecond = nil   // the first event after the replay ends the skip phase for good
            }
            let usage: CodexTokens?
            if let last = tree.usage(tree.object(info, "last_token_usage")) {
                usage = last
            } else if let total {
                usage = total.subtracting(state.previousTotals ?? CodexTokens())
            } else {
                usage = nil
            }
            if let total { state.previousTotals = total }
            guard let usage, !usage.isZeroUsage else { return true }
            emit(usage, parsedModel: payloadModel ?? infoModel, timestamp: timestamp, dateTimestamp: timestamp)
        default:
            break
        }
        return true
    }

    /// A saved `codex exec --json` line (§7), read leniently.
    private mutating func readExecLine() {
        let root = tree.root
        guard root >= 0, tree.kind(root) == .object else { return }
        let containers = [root, tree.object(root, "data"), tree.object(root, "result"), tree.object(root, "response")]
            .filter { $0 >= 0 }
        var usageNode: Int32 = -1
        for container in containers where usageNode < 0 { usageNode = tree.object(container, "usage") }
        guard let usage = tree.usage(usageNode), usage != CodexTokens() else { return }
        var model: String?
        for container in containers {
            if case .success(let name?) = tree.modelName(container, strict: false) { model = name; break }
        }
        var timestamp: String?, dateTimestamp: String?
        for container in containers {
            for key: StaticString in ["timestamp", "created_at", "createdAt"] {
                let node = tree.member(container, key)
                guard node >= 0 else { continue }
                if let value = tree.unsigned(node) {
                    let text = CodexTime.normalise(epoch: value)
                    if timestamp == nil { timestamp = text }
                    if dateTimestamp == nil { dateTimestamp = text }
                } else if let raw = tree.string(node) {
                    let text = raw.unicodeTrimmed
                    if timestamp == nil, let millis = CodexTime.parse(text) { timestamp = Timestamp.iso(millis) }
                    if dateTimestamp == nil {
                        if CodexTime.realDate(prefixOf: raw) != nil {
                            dateTimestamp = raw
                        } else if let millis = CodexTime.parse(text) {
                            dateTimestamp = Timestamp.iso(millis)
                        }
                    }
                }
            }
        }
        if timestamp == nil || dateTimestamp == nil { usedModified = true }
        emit(usage, parsedModel: model, timestamp: timestamp ?? modified, dateTimestamp: dateTimestamp ?? modified)
    }

    /// Model resolution (§6) and the event, with cached input clamped to the input.
    private mutating func emit(_ usage: CodexTokens, parsedModel: String?, timestamp: String, dateTimestamp: String) {
        if let parsedModel { state.currentModel = parsedModel; state.currentIsFallback = false }
        var fallback = false
        let model: String
        if let name = parsedModel ?? state.currentModel {
            model = name
        } else {
            model = "gpt-5"
            state.currentModel = model
            state.currentIsFallback = true
        }
        if state.currentIsFallback { fallback = true }
        var priced = model
        if model == "codex-auto-review" {
            priced = CodexTime.autoReviewModel(dateOf: dateTimestamp)
            fallback = true
        }
        var tokens = usage
        tokens.cached = min(tokens.cached, tokens.input)
        result.events.append(CodexEvent(timestamp: timestamp, model: priced, tokens: tokens, isFallback: fallback))
    }
}

/// The strictly typed top level of a rollout line: `type`, `timestamp`, `payload`.
struct SessionLine {
    var type: String?
    /// Trimmed (an empty string is none), or a numeric timestamp normalised.
    var timestamp: String?
    var payload: Int32

    /// Nil when the line is not an object, repeats one of the three keys, or gives one a wrong type.
    init?(_ tree: JSONTree) {
        let root = tree.root
        guard root >= 0, tree.kind(root) == .object, tree.count(root, "type") <= 1, tree.count(root, "timestamp") <= 1,
              tree.count(root, "payload") <= 1 else { return nil }
        guard case .success(let type) = tree.strictString(root, "type") else { return nil }
        self.type = type
        let stamp = tree.member(root, "timestamp")
        if stamp >= 0 {
            switch tree.kind(stamp) {
            case .null: timestamp = nil
            case .string:
                let text = tree.string(stamp)?.unicodeTrimmed ?? ""
                timestamp = text.isEmpty ? nil : text
            case .unsigned: timestamp = tree.unsigned(stamp).map(CodexTime.normalise(epoch:))
            default: return nil
            }
        }
        payload = tree.object(root, "payload")
    }
}
