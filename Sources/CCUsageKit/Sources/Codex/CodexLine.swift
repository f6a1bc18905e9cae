import CShims
import Foundation

/// How a Codex line is read (07-codex §4.1): by raw byte patterns first, so most lines are never parsed.
enum CodexLineKind { case session, headless, ignored }

enum CodexLine {
    /// A line (no `\n`) on its own: its markers found by the reader's one pass (`ccusage_codex_line`).
    static func classify(_ line: UnsafeBufferPointer<UInt8>) -> CodexLineKind {
        var markers: Int32 = 0
        if let base = line.baseAddress { _ = ccusage_codex_line(base, line.count, &markers) }
        return classify(line, markers: markers)
    }

    /// The same from the line's markers as `ccusage_codex_line` found them: without `CCUSAGE_SPACED_TYPE`, every
    /// `"type"` form in the line is compact, so the spaced search could only find what the markers show.
    static func classify(_ line: UnsafeBufferPointer<UInt8>, markers: Int32) -> CodexLineKind {
        let turnContext = markers & CCUSAGE_TURN_CONTEXT != 0
        let eventMsg = markers & CCUSAGE_EVENT_MSG != 0
        let tokenCount = markers & CCUSAGE_TOKEN_COUNT != 0
        // Any compact `"type":` (`"type":"` included).
        let anyType = markers & CCUSAGE_TYPE_KEY != 0
        if turnContext || (eventMsg && tokenCount) { return .session }
        if markers & CCUSAGE_SPACED_TYPE != 0, eventMsg || !anyType || (line.count + 1 < 65_536 && tokenCount) {
            if spacedTypesMakeSessionLine(line) { return .session }
        }
        if markers & (CCUSAGE_USAGE_KEY | CCUSAGE_TOKENS_KEY) != 0 { return .headless }
        return .ignored
    }

    /// The compact keys `"input_tokens":` or `"prompt_tokens":`, found through their shared `_tokens":` suffix.
    static func hasTokensKey(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return false }
        let suffix: StaticString = #"_tokens":"#
        var from = 0
        while from < line.count,
              let hit = ccusage_memmem(base + from, line.count - from, suffix.utf8Start, suffix.utf8CodeUnitCount) {
            let at = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            let before = UnsafeBufferPointer(rebasing: line[..<at])
            if before.reversed().starts(with: #""input"#.utf8.reversed())
                || before.reversed().starts(with: #""prompt"#.utf8.reversed()) { return true }
            from = at + 1
        }
        return false
    }

    /// Every `"type"` followed (after spaces, tabs, CR, LF) by `:` and a string: the line is a session line when a
    /// value is `turn_context`, or values `event_msg` and `token_count` both occur (values read literally).
    static func spacedTypesMakeSessionLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = line.count
        var sawEvent = false, sawTokenCount = false
        var i = 0
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
        let quotedType: StaticString = #""type""#
        guard let base = line.baseAddress else { return false }
        while i + 6 <= n {
            guard let hit = ccusage_memmem(base + i, n - i, quotedType.utf8Start, 6) else { break }
            i = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            var j = i + 6
            i += 6
            while j < n, isSpace(line[j]) { j += 1 }
            guard j < n, line[j] == UInt8(ascii: ":") else { continue }
            j += 1
            while j < n, isSpace(line[j]) { j += 1 }
            guard j < n, line[j] == 0x22 else { continue }
            let start = j + 1
            var end = start
            while end < n, line[end] != 0x22 { end += 1 }
            guard end < n else { continue }
            let value = UnsafeBufferPointer(rebasing: line[start..<end])
            if value.elementsEqual("turn_context".utf8) { return true }
            if value.elementsEqual("event_msg".utf8) { sawEvent = true }
            if value.elementsEqual("token_count".utf8) { sawTokenCount = true }
            if sawEvent && sawTokenCount { return true }
        }
        return false
    }
}

// MARK: - Field readers over a parsed line

extension JSONTree {
    /// A member when it is an object (lenient: anything else is absent).
    func object(_ parent: Int32, _ key: StaticString) -> Int32 {
        let m = member(parent, key)
        return m >= 0 && kind(m) == .object ? m : -1
    }

    /// A strictly typed string member: nil when absent or null; `.failure` when it has another type.
    func strictString(_ parent: Int32, _ key: StaticString) -> Result<String?, StrictTypeError> {
        let m = member(parent, key)
        guard m >= 0 else { return .success(nil) }
        switch kind(m) {
        case .null: return .success(nil)
        case .string: return .success(string(m))
        default: return .failure(StrictTypeError())
        }
    }

    /// The first of `model`, `model_name`, `metadata.model` that is a string with something left after trimming.
    func modelName(_ container: Int32, strict: Bool) -> Result<String?, StrictTypeError> {
        guard container >= 0 else { return .success(nil) }
        var found: String?
        for candidate in [member(container, "model"), member(container, "model_name"),
                          member(object(container, "metadata"), "model")] where candidate >= 0 {
            switch kind(candidate) {
            case .string:
                if found == nil, let text = string(candidate)?.unicodeTrimmed, !text.isEmpty { found = text }
            case .null: break
            default: if strict { return .failure(StrictTypeError()) }
            }
        }
        return .success(found)
    }

    /// A count (07-codex §5.3): an unsigned integer, or a string of an optional `+` and ASCII digits.
    func count(_ node: Int32) -> Int? {
        guard node >= 0 else { return nil }
        switch kind(node) {
        case .unsigned:
            return unsigned(node).map { Int(clamping: $0) }
        case .string:
            guard var text = string(node)?.unicodeTrimmed[...] else { return nil }
            if text.hasPrefix("+") { text = text.dropFirst() }
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            var value: UInt64 = 0
            for b in text.utf8 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(b - 48))
                if o1 || o2 { return nil }
                value = a
            }
            return Int(clamping: value)
        default:
            return nil
        }
    }

    /// A usage object with aliases and the total rule applied; nil when `node` is not an object.
    func usage(_ node: Int32) -> CodexTokens? {
        guard node >= 0, kind(node) == .object else { return nil }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.usageKeys.count) { last in
            // The last member of each alias (duplicate keys: the last wins), found in one walk of the members.
            last.initialize(repeating: -1)
            var child = nodes[Int(node)].firstChild
            while child >= 0 {
                if let index = Self.usageKeyIndex(key(child)) { last[index] = child }
                child = nodes[Int(child)].nextSibling
            }
            func first(_ aliases: Range<Int>) -> Int? {
                for index in aliases { if let v = count(last[index]) { return v } }
                return nil
            }
            var t = CodexTokens()
            t.input = first(0..<3) ?? 0
            t.cached = first(3..<6) ?? 0
            t.output = first(6..<9) ?? 0
            t.reasoning = first(9..<11) ?? 0
            let derived = saturatingAdd(saturatingAdd(t.input, t.output), t.reasoning)
            if let total = first(11..<12), total > 0 || derived == 0 {
                t.total = total
            } else {
                t.total = derived
            }
            return t
        }
    }

    /// The usage keys, each field's aliases in order of preference: input, cached, output, reasoning, total.
    private static let usageKeys: [StaticString] = [
        "input_tokens", "prompt_tokens", "input", "cached_input_tokens", "cache_read_input_tokens", "cached_tokens",
        "output_tokens", "completion_tokens", "output", "reasoning_output_tokens", "reasoning_tokens", "total_tokens",
    ]

    private static func usageKeyIndex(_ key: (raw: UnsafeBufferPointer<UInt8>?, decoded: String?)) -> Int? {
        for (index, name) in usageKeys.enumerated() {
            if let raw = key.raw, let base = raw.baseAddress {
                if raw.count == name.utf8CodeUnitCount, memcmp(base, name.utf8Start, raw.count) == 0 { return index }
            } else if key.decoded == name.description {
                return index
            }
        }
        return nil
    }
}

struct StrictTypeError: Error {}

extension String {
    /// Without leading and trailing Unicode white space (Rust's `str::trim`).
    var unicodeTrimmed: String {
        // Fast path: ASCII ends that are not white space (timestamps, model names).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
