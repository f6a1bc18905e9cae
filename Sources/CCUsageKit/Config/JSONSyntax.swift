/// Finds where a JSON text stops being valid (RFC 8259), so a bad configuration file can be reported with
/// its line and column; Foundation's parser gives neither on Linux.
public struct JSONSyntaxError: Sendable, Equatable, CustomStringConvertible {
    /// 1-based line and column (columns count characters) of the first byte that cannot be right.
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "line \(line), column \(column): \(message)" }
}

public enum JSONSyntax {
    /// The first syntax error in `bytes`, or nil when they are one valid JSON value (with surrounding
    /// white space and an optional UTF-8 byte-order mark).
    public static func firstError(in bytes: [UInt8]) -> JSONSyntaxError? {
        var checker = Checker(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { checker.at = 3 }
        guard let (offset, message) = checker.document() else { return nil }
        return locate(offset, in: bytes, message: message)
    }

    /// Line and column of a byte offset: lines end at `\n`; a column counts the characters before it, plus one.
    static func locate(_ offset: Int, in bytes: [UInt8], message: String) -> JSONSyntaxError {
        let end = min(offset, bytes.count)
        var line = 1, lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    /// A recursive-descent validator; each step returns the offset and message of an error, or nil.
    struct Checker {
        let bytes: [UInt8]
        var at = 0
        var depth = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { at < bytes.count ? bytes[at] : nil }

        /// `found '<c>'` for the byte at `at`.
        func found() -> String {
            guard let byte = current else { return "found the end of the file" }
            if byte >= 0x20, byte < 0x7F { return "found '\(Character(Unicode.Scalar(byte)))'" }
            return "found the byte 0x" + String(byte, radix: 16, uppercase: true)
        }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { at += 1 }
        }

        mutating func document() -> (Int, String)? {
            skipSpace()
            if current == nil { return (at, "the file is empty") }
            if let error = value() { return error }
            skipSpace()
            if current != nil { return (at, "more text after the JSON value: " + found()) }
            return nil
        }

        mutating func value() -> (Int, String)? {
            guard let byte = current else { return (at, "expected a value, " + found()) }
            switch byte {
            case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), keyed: true)
            case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), keyed: false)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            default: return (at, "expected a value, " + found())
            }
        }

        mutating func container(close: UInt8, keyed: Bool) -> (Int, String)? {
            depth += 1
            defer { depth -= 1 }
            if depth > 512 { return (at, "nested too deeply") }
            at += 1
            skipSpace()
            if current == close { at += 1; return nil }
            let closer = String(Character(Unicode.Scalar(close)))
            while true {
                if keyed {
                    guard current == UInt8(ascii: "\"") else {
                        return (at, "expected a key in double quotes, " + found())
                    }
                    if let error = string() { return error }
                    skipSpace()
                    guard current == UInt8(ascii: ":") else { return (at, "expected ':' after the key, " + found()) }
                    at += 1
                    skipSpace()
                }
                if let error = value() { return error }
                skipSpace()
                if current == UInt8(ascii: ",") {
                    at += 1
                    skipSpace()
                    if current == close { return (at, "a trailing ',' before '\(closer)'") }
                    continue
                }
                if current == close { at += 1; return nil }
                return (at, "expected ',' or '\(closer)', " + found())
            }
        }

        mutating func string() -> (Int, String)? {
            let start = at
            at += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    at += 1
                    return nil
                case UInt8(ascii: "\\"):
                    at += 1
                    guard let escaped = current else { return (start, "a string is not closed") }
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            at += 1
                            guard let hex = current, (hex | 0x20) >= UInt8(ascii: "a") && (hex | 0x20) <= UInt8(ascii: "f")
                                    || hex >= UInt8(ascii: "0") && hex <= UInt8(ascii: "9") else {
                                return (at, "a \\u escape needs four hexadecimal digits")
                            }
                        }
                    } else if !"\"\\/bfnrt".utf8.contains(escaped) {
                        return (at - 1, "unknown escape '\\\(Character(Unicode.Scalar(escaped)))' in a string")
                    }
                    at += 1
                case 0..<0x20:
                    return (at, byte == 0x0A ? "a string is not closed before the end of the line"
                                             : "a control character inside a string (escape it)")
                default:
                    at += 1
                }
            }
            return (start, "a string is not closed")
        }

        mutating func literal(_ word: String) -> (Int, String)? {
            for expected in word.utf8 {
                guard current == expected else { return (at, "expected '\(word)', " + found()) }
                at += 1
            }
            return nil
        }

        mutating func number() -> (Int, String)? {
            func digits() -> Bool {
                let start = at
                while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { at += 1 }
                return at > start
            }
            if current == UInt8(ascii: "-") { at += 1 }
            if current == UInt8(ascii: "0") {
                at += 1
                if let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    return (at - 1, "a number cannot start with 0")
                }
            } else if !digits() {
                return (at, "expected a digit, " + found())
            }
            if current == UInt8(ascii: ".") {
                at += 1
                guard digits() else { return (at, "expected a digit after '.', " + found()) }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                at += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { at += 1 }
                guard digits() else { return (at, "expected a digit in the exponent, " + found()) }
            }
            return nil
        }
    }
}
