import CShims
import Foundation

/// A strict JSON parser for one line, into a flat node array that is reused line after line (no allocation per
/// node). It accepts what a strict parser accepts (serde_json): no BOM, no `NaN`, valid UTF-8 strings, numbers
/// that fit a double, nesting up to 128 levels. Strings and keys stay byte ranges until a caller asks for them.
struct JSONTree {
    enum Kind: UInt8 { case null, bool, unsigned, number, string, array, object }

    struct Node {
        var kind: Kind
        /// Value bytes: the string's contents without quotes, the number's text, the container's extent.
        var start: Int32, end: Int32
        /// For members of an object: the key's contents without quotes.
        var keyStart: Int32 = 0, keyEnd: Int32 = 0
        var keyEscaped = false, escaped = false
        var boolValue = false
        var unsigned: UInt64 = 0
        /// First child and next sibling (indices into `nodes`; -1 = none).
        var firstChild: Int32 = -1, nextSibling: Int32 = -1
    }

    private(set) var nodes: [Node] = []
    /// The line being parsed (a placeholder until the first `parse`; never read before it).
    private var p: UnsafePointer<UInt8> = JSONTree.placeholder
    private var n = 0
    private var i = 0
    private var depth = 0

    init() { nodes.reserveCapacity(256) }

    nonisolated(unsafe) private static let placeholderStorage: UnsafeMutablePointer<UInt8> = {
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        storage.initialize(to: 0)
        return storage
    }()
    private static var placeholder: UnsafePointer<UInt8> { UnsafePointer(placeholderStorage) }

    /// Parses `line`; false when it is not one valid JSON value (surrounded by whitespace only).
    /// The buffer must stay alive while nodes are read.
    mutating func parse(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        nodes.removeAll(keepingCapacity: true)
        guard let base = line.baseAddress else { return false }
        p = base; n = line.count; i = 0; depth = 0
        skipWS()
        guard value() >= 0 else { return false }
        skipWS()
        return i == n
    }

    var root: Int32 { nodes.isEmpty ? -1 : 0 }

    func kind(_ node: Int32) -> Kind { nodes[Int(node)].kind }

    /// The members of an object (or elements of an array), in order.
    func children(_ node: Int32) -> ChildSequence { ChildSequence(tree: self, first: nodes[Int(node)].firstChild) }

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: JSONTree
        var current: Int32
        init(tree: JSONTree, first: Int32) { self.tree = tree; current = first }
        mutating func next() -> Int32? {
            guard current >= 0 else { return nil }
            defer { current = tree.nodes[Int(current)].nextSibling }
            return current
        }
    }

    /// True when the member's key equals `key` (keys with escapes are decoded first).
    func keyEquals(_ node: Int32, _ key: StaticString) -> Bool {
        let m = nodes[Int(node)]
        if m.keyEscaped { return decode(Int(m.keyStart), Int(m.keyEnd)) == key.description }
        let length = Int(m.keyEnd - m.keyStart)
        guard length == key.utf8CodeUnitCount else { return false }
        return memcmp(p + Int(m.keyStart), key.utf8Start, length) == 0
    }

    /// The last member named `key` of an object (duplicate keys: the last wins), or -1.
    func member(_ object: Int32, _ key: StaticString) -> Int32 {
        var found: Int32 = -1
        forEachMember(object, key) { found = $0 }
        return found
    }

    /// How many members of an object are named `key`.
    func count(_ object: Int32, _ key: StaticString) -> Int {
        var total = 0
        forEachMember(object, key) { _ in total += 1 }
        return total
    }

    /// Each member of an object named `key`, in order (a walk over the node storage, without copying the tree).
    @inline(__always)
    private func forEachMember(_ object: Int32, _ key: StaticString, _ body: (Int32) -> Void) {
        nodes.withUnsafeBufferPointer { nodes in
            guard object >= 0, nodes[Int(object)].kind == .object else { return }
            let length = key.utf8CodeUnitCount
            var child = nodes[Int(object)].firstChild
            while child >= 0 {
                let m = nodes[Int(child)]
                if m.keyEscaped {
                    if decode(Int(m.keyStart), Int(m.keyEnd)) == key.description { body(child) }
                } else if Int(m.keyEnd - m.keyStart) == length, memcmp(p + Int(m.keyStart), key.utf8Start, length) == 0 {
                    body(child)
                }
                child = m.nextSibling
            }
        }
    }

    /// A string node's decoded value.
    func string(_ node: Int32) -> String? {
        guard node >= 0 else { return nil }
        let v = nodes[Int(node)]
        guard v.kind == .string else { return nil }
        if v.escaped { return decode(Int(v.start), Int(v.end)) }
        return String(decoding: UnsafeBufferPointer(start: p + Int(v.start), count: Int(v.end - v.start)), as: UTF8.self)
    }

    func unsigned(_ node: Int32) -> UInt64? {
        guard node >= 0, nodes[Int(node)].kind == .unsigned else { return nil }
        return nodes[Int(node)].unsigned
    }

    /// A member's key: its raw bytes, or its decoded text when it has escapes.
    @inline(__always)
    func key(_ member: Int32) -> (raw: UnsafeBufferPointer<UInt8>?, decoded: String?) {
        let m = nodes[Int(member)]
        if m.keyEscaped { return (nil, decode(Int(m.keyStart), Int(m.keyEnd)) ?? "") }
        return (UnsafeBufferPointer(start: p + Int(m.keyStart), count: Int(m.keyEnd - m.keyStart)), nil)
    }

    /// A key's text from its byte range (decoded when it has escapes).
    func keyText(_ start: Int, _ end: Int, escaped: Bool) -> String {
        if escaped { return decode(start, end) ?? "" }
        return String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
    }

    /// A number node's value (integers and other numbers alike).
    func double(_ node: Int32) -> Double? {
        guard node >= 0 else { return nil }
        let v = nodes[Int(node)]
        if v.kind == .unsigned { return Double(v.unsigned) }
        guard v.kind == .number else { return nil }
        return Double(String(decoding: UnsafeBufferPointer(start: p + Int(v.start), count: Int(v.end - v.start)),
                             as: UTF8.self))
    }

    // MARK: - Parsing

    @inline(__always) private mutating func skipWS() {
        while i < n, p[i] == 0x20 || p[i] == 0x0A || p[i] == 0x0D || p[i] == 0x09 { i += 1 }
    }

    /// Parses one value at `i`, appends its node and returns its index (-1 on error).
    private mutating func value() -> Int32 {
        guard i < n else { return -1 }
        let index = Int32(nodes.count)
        switch p[i] {
        case UInt8(ascii: "{"):
            depth += 1
            guard depth <= 128 else { return -1 }
            nodes.append(Node(kind: .object, start: Int32(i), end: 0))
            i += 1; skipWS()
            var last: Int32 = -1
            if i < n, p[i] == UInt8(ascii: "}") { i += 1 } else {
                while true {
                    guard i < n, p[i] == UInt8(ascii: "\"") else { return -1 }
                    guard let (ks, ke, kesc) = scanString() else { return -1 }
                    skipWS()
                    guard i < n, p[i] == UInt8(ascii: ":") else { return -1 }
                    i += 1; skipWS()
                    let child = value()
                    guard child >= 0 else { return -1 }
                    nodes[Int(child)].keyStart = Int32(ks); nodes[Int(child)].keyEnd = Int32(ke)
                    nodes[Int(child)].keyEscaped = kesc
                    if last < 0 { nodes[Int(index)].firstChild = child } else { nodes[Int(last)].nextSibling = child }
                    last = child
                    skipWS()
                    guard i < n else { return -1 }
                    if p[i] == UInt8(ascii: ",") { i += 1; skipWS(); continue }
                    guard p[i] == UInt8(ascii: "}") else { return -1 }
                    i += 1
                    break
                }
            }
            depth -= 1
            nodes[Int(index)].end = Int32(i)
        case UInt8(ascii: "["):
            depth += 1
            guard depth <= 128 else { return -1 }
            nodes.append(Node(kind: .array, start: Int32(i), end: 0))
            i += 1; skipWS()
            var last: Int32 = -1
            if i < n, p[i] == UInt8(ascii: "]") { i += 1 } else {
                while true {
                    let child = value()
                    guard child >= 0 else { return -1 }
                    if last < 0 { nodes[Int(index)].firstChild = child } else { nodes[Int(last)].nextSibling = child }
                    last = child
                    skipWS()
                    guard i < n else { return -1 }
                    if p[i] == UInt8(ascii: ",") { i += 1; skipWS(); continue }
                    guard p[i] == UInt8(ascii: "]") else { return -1 }
                    i += 1
                    break
                }
            }
            depth -= 1
            nodes[Int(index)].end = Int32(i)
        case UInt8(ascii: "\""):
            guard let (s, e, esc) = scanString() else { return -1 }
            var node = Node(kind: .string, start: Int32(s), end: Int32(e))
            node.escaped = esc
            nodes.append(node)
        case UInt8(ascii: "t"):
            guard literal("true") else { return -1 }
            var node = Node(kind: .bool, start: Int32(i - 4), end: Int32(i))
            node.boolValue = true
            nodes.append(node)
        case UInt8(ascii: "f"):
            guard literal("false") else { return -1 }
            nodes.append(Node(kind: .bool, start: Int32(i - 5), end: Int32(i)))
        case UInt8(ascii: "n"):
            guard literal("null") else { return -1 }
            nodes.append(Node(kind: .null, start: Int32(i - 4), end: Int32(i)))
        default:
            guard let node = number() else { return -1 }
            nodes.append(node)
        }
        return index
    }

    private mutating func literal(_ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard i + length <= n, memcmp(p + i, text.utf8Start, length) == 0 else { return false }
        i += length
        return true
    }

    /// JSON number grammar; an integer without sign, fraction or exponent that fits 64 bits is `.unsigned`.
    private mutating func number() -> Node? {
        let start = i
        // A plain integer (most numbers of a rollout line), value and grammar in one loop.
        if i < n, p[i] >= 0x31, p[i] <= 0x39 {
            var value: UInt64 = 0
            var overflow = false
            while i < n, p[i] >= 0x30, p[i] <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(p[i] - 0x30))
                overflow = overflow || o1 || o2
                value = a
                i += 1
            }
            if !overflow, i == n || (p[i] != UInt8(ascii: ".") && p[i] != UInt8(ascii: "e") && p[i] != UInt8(ascii: "E")) {
                var node = Node(kind: .unsigned, start: Int32(start), end: Int32(i))
                node.unsigned = value
                return node
            }
            i = start   // a fraction, an exponent or past 64 bits: the general grammar below
        }
        var plainInteger = true
        if i < n, p[i] == UInt8(ascii: "-") { i += 1; plainInteger = false }
        guard i < n, p[i] >= 0x30, p[i] <= 0x39 else { return nil }
        if p[i] == 0x30 { i += 1 } else { while i < n, p[i] >= 0x30, p[i] <= 0x39 { i += 1 } }
        if i < n, p[i] == UInt8(ascii: ".") {
            plainInteger = false
            i += 1
            guard i < n, p[i] >= 0x30, p[i] <= 0x39 else { return nil }
            while i < n, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
        }
        var exponent = false
        if i < n, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            plainInteger = false
            exponent = true
            i += 1
            if i < n, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
            guard i < n, p[i] >= 0x30, p[i] <= 0x39 else { return nil }
            while i < n, p[i] >= 0x30, p[i] <= 0x39 { i += 1 }
        }
        var node = Node(kind: .number, start: Int32(start), end: Int32(i))
        if plainInteger {
            var value: UInt64 = 0
            var overflow = false
            for k in start..<i {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(p[k] - 0x30))
                if o1 || o2 { overflow = true; break }
                value = a
            }
            if !overflow { node.kind = .unsigned; node.unsigned = value; return node }
        }
        // Any other number must fit a double: without an exponent, fewer than 309 digits always do.
        if !exponent, i - start < 300 { return node }
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: i - start), as: UTF8.self)
        guard let d = Double(text), d.isFinite else { return nil }
        return node
    }

    /// Scans a string at `i` (on its opening quote): its content range and whether it has escapes.
    /// Rejects control characters, bad escapes and invalid UTF-8.
    private mutating func scanString() -> (Int, Int, Bool)? {
        i += 1
        let start = i
        var escaped = false, unicodeEscape = false
        while i < n {
            // Plain ASCII content 16 bytes at a time, and well-formed UTF-8 sequences.
            i += ccusage_json_string_run(p + i, n - i)
            guard i < n else { break }
            let b = p[i]
            if b == UInt8(ascii: "\"") {
                let end = i
                i += 1
                // Only `\u` escapes can fail to decode (lone surrogates); the others were checked above.
                if unicodeEscape, decode(start, end) == nil { return nil }
                return (start, end, escaped)
            }
            // A control byte, or a byte that does not begin a well-formed UTF-8 sequence.
            if b < 0x20 || b >= 0x80 { return nil }
            if b == UInt8(ascii: "\\") {
                escaped = true
                i += 1
                guard i < n else { return nil }
                switch p[i] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): break
                case UInt8(ascii: "u"):
                    unicodeEscape = true
                    guard i + 4 < n else { return nil }
                    for k in 1...4 where hex(p[i + k]) == nil { return nil }
                    i += 4
                default: return nil
                }
            }
            i += 1
        }
        return nil
    }

    private func hex(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: UInt32(b - 0x30)
        case 0x41...0x46: UInt32(b - 0x41 + 10)
        case 0x61...0x66: UInt32(b - 0x61 + 10)
        default: nil
        }
    }

    /// Decodes the escapes of a string's contents; nil for a lone surrogate (a strict parser rejects it).
    private func decode(_ start: Int, _ end: Int) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var k = start
        func hex4(_ at: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 << 4 | (hex(p[at + $1]) ?? 0) }
        }
        while k < end {
            let b = p[k]
            guard b == UInt8(ascii: "\\") else { out.append(b); k += 1; continue }
            let e = p[k + 1]
            k += 2
            switch e {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(k)
                k += 4
                if (0xD800...0xDBFF).contains(scalar) {
                    guard k + 6 <= end, p[k] == UInt8(ascii: "\\"), p[k + 1] == UInt8(ascii: "u") else { return nil }
                    let low = hex4(k + 2)
                    guard (0xDC00...0xDFFF).contains(low) else { return nil }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    k += 6
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    return nil
                }
                guard let u = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default: out.append(e)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
