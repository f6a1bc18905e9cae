import CCUsageTestSupport
import Dispatch
import Foundation
import Testing
@testable import CCUsageKit
#if canImport(Glibc)
import Glibc
#endif

/// Faults in the bytes themselves — truncated, invalid UTF-8, NUL, BOM, CRLF, deep nesting, odd numbers,
/// duplicated keys — and sheer size; the suite and its helpers are in FaultInjectionTests.swift.
extension FaultInjectionTests {
    // MARK: Corrupt content

    @Test func lineTruncatedMidWayIsMalformedAndTheRestCounted() throws {
        let lines = Self.usageLines("t", 4)
        let cut = String(lines[1].prefix(lines[1].count / 2))
        // Mid-file (a crash, then writing resumed) and at the very end (no final newline).
        let text = lines[0] + "\n" + cut + "\n" + lines[2] + "\n" + lines[3] + "\n" + cut
        let root = try makeTree([:])
        defer { Self.remove(root) }
        try Self.writeFile(Array(text.utf8), to: root + "/projects/p/t.jsonl")
        let usage = try Self.load(root)
        #expect(usage.stats.lines == 5 && usage.stats.malformedLines == 2 && usage.stats.usageLines == 3)
        #expect(usage.records.map(\.record.dedupKey) == [0, 2, 3].map { DedupKey(messageID: "t-\($0)", requestID: "r-t-\($0)") })
        #expect(usage.problems.isEmpty)
    }

    @Test func invalidUTF8SkipsOnlyItsLine() throws {
        let good = Self.usageLines("u", 3)
        var bytes = Array((good[0] + "\n").utf8)
        // Invalid UTF-8 inside a usage line: a lone continuation byte, an overlong '/', a surrogate, > U+10FFFF.
        for bad: [UInt8] in [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC3]] {
            var l = Array(line(id: "bad", request: "bad").utf8)
            let at = l.firstRange(of: Array("assistant".utf8))!.upperBound
            l.insert(contentsOf: bad, at: at)
            bytes += l + [0x0A]
        }
        // Invalid UTF-8 in a line without usage is just a non-usage line.
        bytes += Array(#"{"type":"user","message":{"content":"caf"#.utf8) + [0xE9] + Array("\"}}\n".utf8)
        bytes += Array((good[1] + "\n" + good[2] + "\n").utf8)
        let root = try makeTree([:])
        defer { Self.remove(root) }
        try Self.writeFile(bytes, to: root + "/projects/p/u.jsonl")
        let usage = try Self.load(root)
        #expect(usage.stats.lines == 9 && usage.stats.malformedLines == 5 && usage.stats.usageLines == 3)
        #expect(usage.records.count == 3 && Self.totals(usage).input == Self.inputSum(3))
    }

    @Test func nulBytesSkipOnlyTheirLines() throws {
        let good = Self.usageLines("n", 3)
        var bytes = Array((good[0] + "\n").utf8)
        bytes += Array(line(id: "nul", request: "nul").utf8) + [0x00, 0x0A]   // a NUL after the object
        var inString = Array(line(id: "nul2", request: "nul2").utf8)
        inString.insert(0x00, at: inString.firstRange(of: Array("nul2".utf8))!.lowerBound)
        bytes += inString + [0x0A]
        bytes += [UInt8](repeating: 0, count: 4096) + [0x0A]          // a block of zeros (crash after preallocation)
        bytes += Array((good[1] + "\n").utf8)
        bytes += [UInt8](repeating: 0, count: 100)                    // trailing zeros, no newline
        bytes += [0x0A] + Array((good[2] + "\n").utf8)
        let root = try makeTree([:])
        defer { Self.remove(root) }
        try Self.writeFile(bytes, to: root + "/projects/p/n.jsonl")
        let usage = try Self.load(root)
        #expect(usage.stats.lines == 7 && usage.stats.malformedLines == 4 && usage.stats.usageLines == 3)
        #expect(usage.records.count == 3 && Self.totals(usage).input == Self.inputSum(3))
    }

    @Test func byteOrderMarkAtTheStartIsIgnoredElsewhereMalformed() throws {
        let good = Self.usageLines("b", 3)
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let root = try makeTree([:])
        defer { Self.remove(root) }
        try Self.writeFile(bom + Array((good[0] + "\n" + good[1] + "\n").utf8), to: root + "/projects/p/start.jsonl")
        // A BOM in front of a later line (two files concatenated) is not JSON whitespace, as in JSON.parse.
        try Self.writeFile(Array((good[2] + "\n").utf8) + bom + Array((line(id: "mid", request: "mid") + "\n").utf8),
                       to: root + "/projects/p/z-middle.jsonl")
        let usage = try Self.load(root)
        #expect(usage.stats.lines == 4 && usage.stats.usageLines == 3 && usage.stats.malformedLines == 1)
        #expect(usage.records.map(\.record.dedupKey) == (0..<3).map { DedupKey(messageID: "b-\($0)", requestID: "r-b-\($0)") })
    }

    @Test func crlfLineEndingsAreFine() throws {
        let good = Self.usageLines("c", 4)
        let root = try makeTree([:])
        defer { Self.remove(root) }
        try Self.writeFile(Array((good[0] + "\r\n" + good[1] + "\r\n\r\n" + good[2] + "\n" + good[3] + "\r").utf8),
                       to: root + "/projects/p/c.jsonl")
        let usage = try Self.load(root)
        #expect(usage.stats.lines == 5 && usage.stats.usageLines == 4 && usage.stats.malformedLines == 0)
        #expect(Self.totals(usage).input == Self.inputSum(4))
    }

    @Test func deeplyNestedJSONIsParsedWithoutRecursion() throws {
        let depth = 200_000
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        let usage = #""usage":{"input_tokens":5,"output_tokens":6}"#
        let ts = #""timestamp":"2025-07-20T10:00:00Z""#
        let cases: [(text: String, isUsage: Bool)] = [
            (#"{"message":{"content":\#(arrays),\#(usage)},\#(ts)}"#, true),
            (#"{"toolUseResult":\#(objects),"message":{\#(usage)},\#(ts)}"#, true),
            (#"{"data":{"message":{"message":{"content":\#(arrays),\#(usage)},\#(ts)}}}"#, true),
            // Unbalanced: one bracket short, three too many.
            (#"{"message":{"content":\#(arrays.dropLast()),\#(usage)},\#(ts)}"#, false),
            (#"{"message":{"content":\#(arrays)]]],\#(usage)},\#(ts)}"#, false),
        ]
        for (text, isUsage) in cases {
            let outcome = parseLine(text)
            if isUsage {
                guard case .usage(let r) = outcome else { Issue.record("not a usage line: \(outcome)"); continue }
                #expect(r.tokens == TokenCounts(input: 5, output: 6))
            } else {
                #expect(outcome == .malformed)
            }
        }
    }

    @Test("token fields must be non-negative integers that fit in 64 bits", arguments: [
        ("-1", false), ("-0", false), ("1.5", false), ("1.0", false), ("1e3", false), ("1E+3", false), ("0e0", false),
        ("9223372036854775808", false), ("18446744073709551616", false), ("340282366920938463463374607431768211456", false),
        // Int.max itself fits, but the line's total (input + output + cache) then overflows: invalid too.
        ("9223372036854775807", false),
        ("0", true), ("9223372036854775805", true),
    ])
    func tokenNumbers(_ value: String, _ valid: Bool) throws {
        let root = try makeTree(["p/t.jsonl": [
            line(id: "ok", request: "ok", input: 7, output: 3),
            #"{"message":{"id":"n","usage":{"input_tokens":\#(value),"output_tokens":1}},"timestamp":"2025-07-20T10:00:00Z"}"#,
            #"{"message":{"id":"m","usage":{"input_tokens":1,"output_tokens":\#(value)}},"timestamp":"2025-07-20T10:00:00Z"}"#,
            #"{"message":{"id":"c","usage":{"input_tokens":1,"output_tokens":1,"cache_read_input_tokens":\#(value)}},"timestamp":"2025-07-20T10:00:00Z"}"#,
        ]])
        defer { Self.remove(root) }
        let usage = try Self.load(root)
        if valid {
            #expect(usage.stats.usageLines == 4 && usage.stats.invalidLines == 0)
        } else {
            #expect(usage.stats.usageLines == 1 && usage.stats.invalidLines == 3 && usage.stats.malformedLines == 0)
            #expect(Self.totals(usage) == TokenCounts(input: 7, output: 3))
        }
    }

    /// Sums of counts that each fit in 64 bits saturate at Int.max instead of wrapping to negative totals.
    @Test func hugeTokenCountsSaturateInsteadOfWrapping() throws {
        let big = Int.max / 2 + 1   // 2^62: two of them overflow Int
        let root = try makeTree(["p/t.jsonl": [line(id: "a", request: "a", input: big, output: 0),
                                               line(id: "b", request: "b", input: big, output: 5)]])
        defer { Self.remove(root) }
        let usage = try Self.load(root)
        #expect(usage.records.count == 2 && usage.stats.invalidLines == 0)
        let total = Self.totals(usage)
        #expect(total == TokenCounts(input: Int.max, output: 5))
        #expect(total.total == Int.max)
    }

    /// `1e999` is valid JSON that overflows a double: the line still counts, and its cost counts as absent
    /// (an infinite cost would poison every total).
    @Test func costBeyondDoubleRangeCountsAsAbsent() throws {
        let huge = line(id: "b", request: "b").replacingOccurrences(of: #""type":"assistant""#,
                                                                    with: #""type":"assistant","costUSD":1e999"#)
        let negative = line(id: "c", request: "c").replacingOccurrences(of: #""type":"assistant""#,
                                                                        with: #""type":"assistant","costUSD":-1e999"#)
        let root = try makeTree(["p/t.jsonl": [line(id: "a", request: "a", cost: 0.5), huge, negative]])
        defer { Self.remove(root) }
        let usage = try UsageLoader.load(LoadOptions(mode: .display, singleThread: true), testEnvironment(configDir: root))
        #expect(usage.records.count == 3 && usage.stats.invalidLines == 0 && usage.stats.malformedLines == 0)
        #expect(usage.records.map(\.record.recordedCost) == [0.5, nil, nil])
        #expect(usage.records.map(\.cost) == [0.5, 0, 0])
    }

    /// Duplicated keys: the last one wins, as in `JSON.parse` (a repeated `message` replaces the whole object).
    @Test func duplicatedKeysLastOneWins() throws {
        let text = #"{"message":{"id":"first","usage":{"input_tokens":1,"output_tokens":2}},"timestamp":"2025-07-19T10:00:00Z","message":{"id":"m","model":"claude-opus-4-1-20250805","model":"claude-sonnet-4-20250514","usage":{"input_tokens":1,"output_tokens":2,"input_tokens":30,"cache_read_input_tokens":4,"cache_read_input_tokens":null}},"requestId":"r0","timestamp":"2025-07-20T10:00:00Z","requestId":"r"}"#
        let r = try #require(record(text))
        #expect(r.tokens == TokenCounts(input: 30, output: 2, cacheCreation: 0, cacheRead: 0))
        #expect(r.model == "claude-sonnet-4-20250514")
        #expect(r.time == Timestamp.parse("2025-07-20T10:00:00Z"))
        #expect(r.dedupKey == DedupKey(messageID: "m", requestID: "r"))
        // A usage object replaced by null: no usage.
        #expect(parseLine(#"{"message":{"usage":{"input_tokens":1,"output_tokens":2},"usage":null},"timestamp":"2025-07-20T10:00:00Z"}"#) == .other)
    }

    // MARK: Size

    @Test(.tags(.heavy)) func hundredMebibyteSingleLineIsCounted() throws {
        let root = try makeTree([:])
        defer { Self.remove(root) }
        let path = root + "/projects/p/huge.jsonl"
        try FileManager.default.createDirectory(atPath: root + "/projects/p", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data((Self.usageLines("before", 1)[0] + "\n").utf8))
        handle.write(Data(#"{"type":"assistant","message":{"id":"huge","model":"claude-sonnet-4-20250514","content":[{"type":"text","text":""#.utf8))
        let block = Data(repeating: 0x61, count: 1 << 20)
        for _ in 0..<100 { handle.write(block) }
        handle.write(Data(#""}],"usage":{"input_tokens":11,"output_tokens":22}},"requestId":"rh","timestamp":"2025-07-20T10:00:00.000Z"}"#.utf8 + [0x0A]))
        handle.write(Data((Self.usageLines("after", 1)[0] + "\n").utf8))
        try handle.close()
        let usage = try Self.load(root)
        #expect(usage.stats.bytes > 100 << 20)
        #expect(usage.stats.lines == 3 && usage.stats.usageLines == 3 && usage.stats.malformedLines == 0)
        #expect(usage.records.map(\.record.dedupKey) == [DedupKey(messageID: "before-0", requestID: "r-before-0"),
                                                          DedupKey(messageID: "huge", requestID: "rh"),
                                                          DedupKey(messageID: "after-0", requestID: "r-after-0")])
        #expect(Self.totals(usage) == TokenCounts(input: 13, output: 26))
    }

    /// 100,000 one-line files in 100 project folders. Creating a file on this machine's ext4 costs about
    /// 0.5 ms of kernel time (55 s for 100,000, measured, before ccusage reads anything), so the tree goes on
    /// tmpfs (`/dev/shm`): there the whole test takes about 10 s in a debug build. Without a writable
    /// `/dev/shm` it falls back to the temp directory with 20,000 files (~15 s).
    @Test(.tags(.heavy)) func hundredThousandTinyFiles() throws {
        let onTmpfs = access("/dev/shm", W_OK) == 0
        let base = onTmpfs ? "/dev/shm" : FileManager.default.temporaryDirectory.path
        let projects = 100, perProject = onTmpfs ? 1_000 : 200
        let root = base + "/ccusage-test-\(UUID().uuidString)"
        defer { Self.remove(root) }
        #expect(mkdir(root, 0o755) == 0 && mkdir(root + "/projects", 0o755) == 0)
        for p in 0..<projects {
            let dir = root + "/projects/p\(p)"
            #expect(mkdir(dir, 0o755) == 0)
            for f in 0..<perProject {
                let n = p * perProject + f
                let bytes = Array((line(id: "m\(n)", request: "r\(n)", input: 1, output: n % 7) + "\n").utf8)
                let fd = open(dir + "/s\(f).jsonl", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
            }
        }
        let count = projects * perProject
        let usage = try Self.load(root, singleThread: false)
        #expect(usage.files.count == count && usage.stats.files == count && usage.stats.usageLines == count)
        #expect(usage.records.count == count && usage.problems.isEmpty)
        #expect(Self.totals(usage) == TokenCounts(input: count, output: (0..<count).reduce(0) { $0 + $1 % 7 }))
    }
}
