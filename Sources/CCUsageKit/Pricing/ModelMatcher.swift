/// Boundary-aware model-name matching (02-cost §3.2, 08-unified §10.2).
public enum ModelMatcher {
    public static func normalize(_ s: String) -> String {
        guard s.contains(".") || s.contains("@") else { return s }
        return String(s.map { $0 == "." || $0 == "@" ? "-" : $0 })
    }

    /// The most specific key of `keys` for the model (00-decisions 26, without the exact step).
    public static func bestKey(for model: String, among keys: [String]) -> String? {
        let table = Dictionary(keys.map { ($0, ()) }, uniquingKeysWith: { a, _ in a })
        return KeyIndex(table).bestKey(for: model, in: table)
    }

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80
    }

    /// `needle` occurs in `value` with non-alphanumeric neighbours; a needle ending in a digit may be
    /// followed by `-`/`.` and digits only when those are exactly an 8-digit date.
    static func contains(_ value: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let last = needle.last, needle.count <= value.count else { return false }
        let endsWithDigit = last >= 0x30 && last <= 0x39
        var start = 0
        while start + needle.count <= value.count {
            defer { start += 1 }
            guard value[start] == needle[0], value[start..<(start + needle.count)].elementsEqual(needle) else {
                continue
            }
            if start > 0, isAlnum(value[start - 1]) { continue }
            let after = start + needle.count
            if after == value.count { return true }
            if isAlnum(value[after]) { continue }
            if endsWithDigit, value[after] == 0x2D || value[after] == 0x2E {
                var j = after + 1
                while j < value.count, value[j] >= 0x30, value[j] <= 0x39 { j += 1 }
                let digits = j - after - 1
                if digits > 0, !(digits == 8 && (j == value.count || !isAlnum(value[j]))) { continue }
            }
            return true
        }
        return false
    }

    /// A key with a provider or region prefix: `…/…`, or lowercase letters and a dot (`us.anthropic.…`).
    static func isPrefixed(_ key: [UInt8]) -> Bool {
        if key.contains(UInt8(ascii: "/")) { return true }
        guard let dot = key.firstIndex(of: UInt8(ascii: ".")), dot > 0 else { return false }
        return key[..<dot].allSatisfy { $0 >= 0x61 && $0 <= 0x7A }
    }
}

/// One table's keys, prepared for the lookup of 00-decisions 26.
struct KeyIndex: Sendable {
    private struct Key: Sendable {
        let name: String
        let bytes: [UInt8]
        /// The bytes with `.` and `@` read as `-`.
        let normalized: [UInt8]
        let prefixed: Bool
    }
    /// In byte order.
    private let keys: [Key]
    /// Normalised key → the keys that normalise to it.
    private let byNormalized: [String: [Int]]

    init<Value>(_ table: [String: Value]) {
        keys = table.keys.sorted().map { name in
            let bytes = Array(name.utf8)
            let normalized = bytes.map { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "@") ? UInt8(ascii: "-") : $0 }
            return Key(name: name, bytes: bytes, normalized: normalized, prefixed: ModelMatcher.isPrefixed(bytes))
        }
        var index: [String: [Int]] = [:]
        for (i, key) in keys.enumerated() { index[String(decoding: key.normalized, as: UTF8.self), default: []].append(i) }
        byNormalized = index
    }

    /// Unprefixed first, then shorter, then byte order.
    private func preferred(_ a: Int, _ b: Int) -> Bool {
        let x = keys[a], y = keys[b]
        if x.prefixed != y.prefixed { return !x.prefixed }
        if x.bytes.count != y.bytes.count { return x.bytes.count < y.bytes.count }
        return a < b
    }

    /// Step 1: the exact key, also after replacing `.` and `@` with `-` on both sides.
    func exactKey<Value>(for model: String, in table: [String: Value]) -> String? {
        if table[model] != nil { return model }
        guard let matches = byNormalized[ModelMatcher.normalize(model)] else { return nil }
        return matches.min(by: preferred).map { keys[$0].name }
    }

    /// Steps 1–3: the exact key; else the longest key inside the name at a boundary (ties in byte order);
    /// else the shortest key containing the name, unprefixed keys first (ties in byte order).
    func bestKey<Value>(for model: String, in table: [String: Value]) -> String? {
        if let exact = exactKey(for: model, in: table) { return exact }
        let m = Array(model.utf8)
        let nm = m.map { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "@") ? UInt8(ascii: "-") : $0 }
        var inside: Int?, containing: Int?
        for (i, key) in keys.enumerated() {
            if ModelMatcher.contains(m, key.bytes) || ModelMatcher.contains(nm, key.normalized) {
                if let best = inside, keys[best].bytes.count >= key.bytes.count { continue }
                inside = i
            } else if inside == nil, ModelMatcher.contains(key.bytes, m) || ModelMatcher.contains(key.normalized, nm) {
                if let best = containing, !preferred(i, best) { continue }
                containing = i
            }
        }
        return (inside ?? containing).map { keys[$0].name }
    }
}
