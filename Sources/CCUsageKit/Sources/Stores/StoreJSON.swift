import Foundation

/// Read access to one parsed JSON document (a store row's `data`, a settings or chat file), valid only
/// inside `StoreJSON.parse`'s closure, where its bytes are alive.
struct StoreJSON {
    let tree: JSONTree
    let base: UnsafePointer<UInt8>

    /// Parses `bytes` with a reused tree and hands the document to `body`; nil when it is not valid JSON.
    static func parse<T>(_ bytes: UnsafeBufferPointer<UInt8>, tree: inout JSONTree, _ body: (StoreJSON) -> T) -> T? {
        guard let base = bytes.baseAddress, tree.parse(bytes) else { return nil }
        return body(StoreJSON(tree: tree, base: base))
    }

    /// Reads a whole file and parses it; `.unreadable` when it cannot be read, `.invalid` when not JSON.
    static func parseFile<T>(_ path: String, tree: inout JSONTree, _ body: (StoreJSON) -> T) -> FileResult<T> {
        guard let data = FileManager.default.contents(atPath: path) else { return .unreadable }
        let result: T? = data.withUnsafeBytes { raw in
            parse(raw.bindMemory(to: UInt8.self), tree: &tree, body)
        }
        return result.map(FileResult.parsed) ?? .invalid
    }

    enum FileResult<T> { case parsed(T), invalid, unreadable }

    var root: Int32 { tree.root }

    /// The member at a path of keys (-1 when any step is missing or not an object).
    func at(_ node: Int32, _ keys: StaticString...) -> Int32 {
        var current = node
        for key in keys {
            current = tree.member(current, key)
            if current < 0 { return -1 }
        }
        return current
    }

    func isObject(_ node: Int32) -> Bool { node >= 0 && tree.kind(node) == .object }
    func isArray(_ node: Int32) -> Bool { node >= 0 && tree.kind(node) == .array }
    func children(_ node: Int32) -> JSONTree.ChildSequence { tree.children(node) }

    func string(_ node: Int32) -> String? { tree.string(node) }

    /// An object member's key, decoded.
    func keyText(_ member: Int32) -> String? {
        let n = tree.nodes[Int(member)]
        let raw = UnsafeBufferPointer(start: base + Int(n.keyStart), count: Int(n.keyEnd - n.keyStart))
        guard n.keyEscaped else { return String(decoding: raw, as: UTF8.self) }
        return try? JSONDecoder().decode(String.self, from: Data([0x22] + Array(raw) + [0x22]))
    }

    /// A non-empty string after trimming whitespace.
    func trimmed(_ node: Int32) -> String? {
        guard let s = tree.string(node)?.trimmingCharacters(in: .whitespacesAndNewlines), !s.isEmpty else { return nil }
        return s
    }

    /// A non-negative JSON integer (floats, strings and negatives read as 0).
    func count(_ node: Int32) -> Int {
        guard let value = tree.unsigned(node) else { return 0 }
        return value > UInt64(Int.max) ? Int.max : Int(value)
    }

    /// An integer (negative allowed), nil for anything else.
    func integer(_ node: Int32) -> Int64? {
        if let value = tree.unsigned(node) { return value > UInt64(Int64.max) ? nil : Int64(value) }
        guard node >= 0, tree.kind(node) == .number, let text = numberText(node) else { return nil }
        return Int64(text)
    }

    /// Any JSON number as a double.
    func number(_ node: Int32) -> Double? {
        if let value = tree.unsigned(node) { return Double(value) }
        guard node >= 0, tree.kind(node) == .number, let text = numberText(node) else { return nil }
        return Double(text)
    }

    private func numberText(_ node: Int32) -> String? {
        let n = tree.nodes[Int(node)]
        return String(decoding: UnsafeBufferPointer(start: base + Int(n.start), count: Int(n.end - n.start)),
                      as: UTF8.self)
    }
}

/// Token arithmetic the store agents share.
enum StoreTokens {
    /// The total-token fallback (10 §1.2): a recorded total above the known buckets fills `output` when it
    /// is 0, else adds to `extra`.
    static func applyTotal(_ total: Int, tokens: inout TokenCounts, extra: inout Int) {
        let known = TokenCounts.saturatingAdd(tokens.total, extra)
        let missing = total > known ? total - known : 0
        guard missing > 0 else { return }
        if tokens.output == 0 { tokens.output = missing } else { extra = TokenCounts.saturatingAdd(extra, missing) }
    }

    /// The tokens billed when `extra` is priced as output.
    static func billed(_ tokens: TokenCounts, extra: Int) -> TokenCounts {
        var billed = tokens
        billed.output = TokenCounts.saturatingAdd(billed.output, extra)
        return billed
    }
}

/// Candidate-name pricing as the store agents use it (08-unified §10.3, decision 21).
struct StorePricing {
    let table: PriceTable?

    /// The first candidate whose computed cost is > 0 (each searched through the tables), then the exact-key
    /// whole-list tier of decision 21 in candidate order. `found` tells whether any candidate resolved.
    func firstPositive(_ candidates: [String], _ tokens: TokenCounts) -> (cost: Double, found: Bool) {
        guard let table else { return (0, false) }
        var tables = table
        tables.searchesWholeList = false
        var found = false
        for name in candidates {
            guard let (_, price) = tables.price(candidates: [name]) else { continue }
            found = true
            let cost = price.cost(tokens)
            if cost > 0, cost.isFinite { return (cost, true) }
        }
        guard !found, let (_, price) = table.price(candidates: candidates) else { return (0, found) }
        let cost = price.cost(tokens)
        return (cost.isFinite ? cost : 0, true)
    }

    /// The first candidate that resolves at all (then the whole-list tier), priced.
    func firstFound(_ candidates: [String], _ tokens: TokenCounts) -> (cost: Double, found: Bool) {
        guard let table, let (_, price) = table.price(candidates: candidates) else { return (0, false) }
        let cost = price.cost(tokens)
        return (cost.isFinite ? cost : 0, true)
    }

    /// Ordered candidates with duplicates removed.
    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
