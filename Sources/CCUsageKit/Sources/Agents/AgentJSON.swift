/// An owned JSON value for the agents' parsers (built from the strict `JSONTree`): objects keep the last of
/// duplicate keys; a plain non-negative integer literal stays an integer, every other number is a double.
public indirect enum AgentJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(UInt64)
    case number(Double)
    case string(String)
    case array([AgentJSON])
    case object([String: AgentJSON])

    /// Parses one JSON text (a line or a whole file); nil when it is not valid JSON.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> AgentJSON? {
        var tree = JSONTree()
        guard tree.parse(bytes), tree.root >= 0 else { return nil }
        return convert(tree, tree.root)
    }

    public static func parse(_ text: String) -> AgentJSON? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// Parses with a reusable tree (hot loops).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, using tree: inout JSONTree) -> AgentJSON? {
        guard tree.parse(bytes), tree.root >= 0 else { return nil }
        return convert(tree, tree.root)
    }

    private static func convert(_ tree: JSONTree, _ node: Int32) -> AgentJSON {
        switch tree.kind(node) {
        case .null: return .null
        case .bool: return .bool(tree.nodes[Int(node)].boolValue)
        case .unsigned: return .integer(tree.nodes[Int(node)].unsigned)
        case .number: return .number(tree.double(node) ?? 0)
        case .string: return .string(tree.string(node) ?? "")
        case .array: return .array(tree.children(node).map { convert(tree, $0) })
        case .object:
            var members: [String: AgentJSON] = [:]
            for child in tree.children(node) { members[tree.key(child)] = convert(tree, child) }
            return .object(members)
        }
    }

    public subscript(_ key: String) -> AgentJSON? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    public var object: [String: AgentJSON]? { if case .object(let m) = self { return m }; return nil }
    public var array: [AgentJSON]? { if case .array(let a) = self { return a }; return nil }
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    /// A non-empty string.
    public var nonEmptyString: String? { if case .string(let s) = self, !s.isEmpty { return s }; return nil }
    public var isObject: Bool { if case .object = self { return true }; return false }

    /// 09 §0.4: a JSON non-negative integer, else 0 (floats, negatives, strings, absent).
    public static func count(_ value: AgentJSON?) -> Int {
        if case .integer(let u)? = value { return u > UInt64(Int.max) ? Int.max : Int(u) }
        return 0
    }

    /// Any JSON number as a double.
    public var double: Double? {
        switch self {
        case .integer(let u): Double(u)
        case .number(let d): d
        default: nil
        }
    }

    /// An integer literal as Int64 (epoch values); nil for fractions and other kinds.
    public var int64: Int64? {
        if case .integer(let u) = self, u <= UInt64(Int64.max) { return Int64(u) }
        if case .number(let d) = self, d == d.rounded(), abs(d) < 9.2e18, d < 0 { return Int64(d) }
        return nil
    }
}

extension JSONTree {
    /// A member's key, decoded.
    func key(_ node: Int32) -> String {
        let m = nodes[Int(node)]
        return keyText(Int(m.keyStart), Int(m.keyEnd), escaped: m.keyEscaped)
    }
}
