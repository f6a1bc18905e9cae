import CShims
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The context size of a conversation, read from the end of its transcript: only the last few lines are
/// read, however large the file is.
public enum TranscriptTail {
    /// `input + cache_creation + cache_read` tokens of the last line with `"type": "assistant"` and a numeric
    /// `message.usage.input_tokens`; nil when the file cannot be read or has no such line.
    /// Lines longer than `maxLineBytes` are skipped, so memory stays bounded.
    public static func lastContextTokens(path: String, chunkSize: Int = 64 << 10,
                                         maxLineBytes: Int = 32 << 20) -> Int? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        var end = Int64(st.st_size)
        // Pieces (last piece first) of a line whose end is known but whose start lies further back.
        var carry: [[UInt8]] = []
        var carryBytes = 0
        var skipping = false
        var chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
        func line(prefix: ArraySlice<UInt8>) -> [UInt8] {
            var bytes = Array(prefix)
            bytes.reserveCapacity(bytes.count + carryBytes)
            for piece in carry.reversed() { bytes += piece }
            return bytes
        }
        while end > 0 {
            let start = max(0, end - Int64(chunk.count))
            let length = Int(end - start)
            var got = 0
            while got < length {
                let n = chunk.withUnsafeMutableBytes {
                    pread(fd, $0.baseAddress! + got, length - got, off_t(start) + off_t(got))
                }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return nil }
                got += n
            }
            end = start
            // Walk this chunk's lines from the back; the piece before its first newline continues `carry`.
            var lineEnd = length
            var index = length - 1
            while index >= 0 {
                if chunk[index] == 0x0A {
                    if skipping {
                        skipping = false
                    } else if let tokens = contextTokens(line(prefix: chunk[(index + 1)..<lineEnd])) {
                        return tokens
                    }
                    carry.removeAll(keepingCapacity: true)
                    carryBytes = 0
                    lineEnd = index
                }
                index -= 1
            }
            if !skipping, lineEnd > 0 {
                carry.append(Array(chunk[0..<lineEnd]))
                carryBytes += lineEnd
                if carryBytes > maxLineBytes {
                    carry.removeAll()
                    carryBytes = 0
                    skipping = true
                }
            }
        }
        if !skipping, carryBytes > 0 { return contextTokens(line(prefix: [])) }
        return nil
    }

    private static let assistantMarker = Array("\"assistant\"".utf8)
    private static let usageMarker = Array("\"usage\"".utf8)

    /// The context tokens of one line, when it is an assistant message with usage.
    static func contextTokens(_ line: [UInt8]) -> Int? {
        guard contains(line, assistantMarker), contains(line, usageMarker) else { return nil }
        guard let decoded = try? JSONDecoder().decode(Line.self, from: Data(line)), decoded.type == "assistant",
              let usage = decoded.message?.usage, let input = usage.input else { return nil }
        return input + (usage.cacheCreation ?? 0) + (usage.cacheRead ?? 0)
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBytes { h in
            needle.withUnsafeBytes { n in
                ccusage_memmem(h.baseAddress, h.count, n.baseAddress, n.count) != nil
            }
        }
    }

    private struct Line: Decodable {
        struct Message: Decodable {
            let usage: Usage?
            init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                usage = try? c.decodeIfPresent(Usage.self, forKey: .usage)
            }
            enum CodingKeys: String, CodingKey { case usage }
        }
        struct Usage: Decodable {
            let input: Int?, cacheCreation: Int?, cacheRead: Int?
            init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                func count(_ key: CodingKeys) -> Int? {
                    guard let value = try? c.decodeIfPresent(Double.self, forKey: key), value.isFinite,
                          value >= 0, value < 9e15 else { return nil }
                    return Int(value)
                }
                input = count(.input_tokens)
                cacheCreation = count(.cache_creation_input_tokens)
                cacheRead = count(.cache_read_input_tokens)
            }
            enum CodingKeys: String, CodingKey { case input_tokens, cache_creation_input_tokens, cache_read_input_tokens }
        }
        let type: String?
        let message: Message?
        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            type = try? c.decodeIfPresent(String.self, forKey: .type)
            message = try? c.decodeIfPresent(Message.self, forKey: .message)
        }
        enum CodingKeys: String, CodingKey { case type, message }
    }
}
