import CCUsageTestSupport
import Testing
@testable import CCUsageKit

@Suite struct LineParsingTests {
    @Test func readsTheFieldsOfAnAssistantLine() throws {
        let r = try #require(record(line(cacheCreate: 30, cacheRead: 40, cost: 0.25)))
        #expect(r.tokens == TokenCounts(input: 10, output: 20, cacheCreation: 30, cacheRead: 40))
        #expect(r.model == "claude-sonnet-4-20250514")
        #expect(r.recordedCost == 0.25)
        #expect(r.time == Timestamp.parse("2025-07-20T10:00:00.000Z"))
        #expect(r.dedupKey == DedupKey(messageID: "msg_1", requestID: "req_1"))
    }

    @Test func whitespaceInsideTheJSONDoesNotMatter() throws {
        let text = #"{ "message" : { "usage" : { "input_tokens" : 5 , "output_tokens" : 6 } } , "timestamp" : "2025-07-20T10:00:00Z" }"#
        let r = try #require(record(text))
        #expect(r.tokens.input == 5 && r.tokens.output == 6)
    }

    @Test("token counts must be non-negative integers",
          arguments: ["-1", "1.5", "1e3", "1.0", "\"12\"", "99999999999999999999", "true"])
    func rejectsBadTokenCounts(_ value: String) {
        let text = #"{"message":{"usage":{"input_tokens":"# + value + #","output_tokens":1}},"timestamp":"2025-07-20T10:00:00Z"}"#
        #expect(parseLine(text) == .invalid)
    }

    @Test func missingOutputTokensIsInvalid() {
        #expect(parseLine(#"{"message":{"usage":{"input_tokens":1}},"timestamp":"2025-07-20T10:00:00Z"}"#) == .invalid)
    }

    @Test("timestamps", arguments: [
        ("2025-07-20T10:00:00Z", "2025-07-20T10:00:00.000Z"),
        ("2025-07-20T10:00:00.1Z", "2025-07-20T10:00:00.100Z"),
        ("2025-07-20T10:00:00.123456789Z", "2025-07-20T10:00:00.123Z"),
        ("2025-07-20T19:00:00+09:00", "2025-07-20T10:00:00.000Z"),
        ("2025-07-20T05:15:00.500-04:45", "2025-07-20T10:00:00.500Z"),
        ("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"),
    ])
    func acceptsTimestamps(_ text: String, _ iso: String) throws {
        let millis = try #require(Timestamp.parse(text))
        #expect(Timestamp.iso(millis) == iso)
    }

    @Test("bad timestamps make the line invalid", arguments: [
        "2025-07-20 10:00:00Z", "2025-07-20T10:00:00", "2025-02-29T00:00:00Z", "2025-07-20T24:00:00Z",
        "2025-07-20T10:00:00.Z", "2025-07-20T10:00:00.1234567890Z", "2025-13-01T00:00:00Z", "2025-07-20T10:00:00+0900",
    ])
    func rejectsTimestamps(_ text: String) {
        #expect(Timestamp.parse(text) == nil)
        #expect(parseLine(line(time: text)) == .invalid)
    }

    @Test func nullMeansAbsent() throws {
        let text = #"{"message":{"id":null,"model":null,"usage":{"input_tokens":1,"output_tokens":2,"cache_read_input_tokens":null,"speed":null}},"requestId":null,"costUSD":null,"version":null,"sessionId":null,"timestamp":"2025-07-20T10:00:00Z"}"#
        let r = try #require(record(text))
        #expect(r.model == nil && r.dedupKey == nil && r.recordedCost == nil && r.tokens.cacheRead == 0)
    }

    @Test("empty ids, models and bad versions are not counted", arguments: [
        #""message":{"id":"","usage":{"input_tokens":1,"output_tokens":1}}"#,
        #""message":{"model":"","usage":{"input_tokens":1,"output_tokens":1}}"#,
        #""requestId":"","message":{"usage":{"input_tokens":1,"output_tokens":1}}"#,
        #""sessionId":"","message":{"usage":{"input_tokens":1,"output_tokens":1}}"#,
        #""version":"1.0","message":{"usage":{"input_tokens":1,"output_tokens":1}}"#,
        #""version":"v1.0.0","message":{"usage":{"input_tokens":1,"output_tokens":1}}"#,
    ])
    func rejectsEmptyStrings(_ fields: String) {
        #expect(parseLine("{" + fields + #","timestamp":"2025-07-20T10:00:00Z"}"#) == .invalid)
    }

    @Test func versionNeedsOnlyASemverPrefix() throws {
        let r = try #require(record(#"{"version":"1.0.33-beta","message":{"usage":{"input_tokens":1,"output_tokens":1}},"timestamp":"2025-07-20T10:00:00Z"}"#))
        #expect(r.version == "1.0.33-beta")
    }

    @Test("corrupt JSON is malformed", arguments: [
        #"{"message":{"usage":{"input_tokens":1,"output_tokens":1}},"timestamp":"2025-07-20T10:00:00Z""#,
        #"{"message":{"usage":{"input_tokens":1,"output_tokens":1}},"timestamp":"2025-07-20T10:00:00Z"}x"#,
        #"{"message":{"usage":{"input_tokens":1,"output_tokens":1}},"timestamp":"bad\q"}"#,
        #"{"message":{"usage":{"input_tokens":01,"output_tokens":1}},"timestamp":"2025-07-20T10:00:00Z"}"#,
        #"{"message":{"usage":{"input_tokens":1,"output_tokens":1,}},"timestamp":"2025-07-20T10:00:00Z"}"#,
        #"["usage"]"#,
    ])
    func malformed(_ text: String) {
        #expect(parseLine(text) == .malformed)
    }

    @Test func invalidUTF8IsMalformed() {
        var bytes = Array(line().utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "c"))!   // inside "claude-…"
        bytes[at] = 0xFF
        var parser = LineParser()
        #expect(bytes.withUnsafeBufferPointer { parser.parse($0) } == .malformed)
    }

    @Test func nonASCIIContentIsFine() throws {
        let text = #"{"message":{"content":[{"type":"text","text":"héllo 日本語 🚀 \u00e9 \"q\""}],"usage":{"input_tokens":1,"output_tokens":1}},"timestamp":"2025-07-20T10:00:00Z"}"#
        #expect(record(text) != nil)
    }

    @Test func deeplyNestedValuesAreSkippedWithoutRecursion() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let text = #"{"toolUseResult":"# + deep + #","message":{"usage":{"input_tokens":1,"output_tokens":1}},"timestamp":"2025-07-20T10:00:00Z"}"#
        #expect(record(text) != nil)
    }

    @Test func duplicateKeysLastWins() throws {
        let r = try #require(record(#"{"message":{"usage":{"input_tokens":1,"output_tokens":1,"input_tokens":7}},"timestamp":"2025-07-20T10:00:00Z"}"#))
        #expect(r.tokens.input == 7)
    }

    @Test func cacheCreationObjectReplacesTheFlatField() throws {
        let r = try #require(record(line(cacheCreate: 999, extraUsage: #","cache_creation":{"ephemeral_5m_input_tokens":100,"ephemeral_1h_input_tokens":50}"#)))
        #expect(r.tokens.cacheCreation == 150 && r.cacheCreation1h == 50)
        let empty = try #require(record(line(cacheCreate: 999, extraUsage: #","cache_creation":{}"#)))
        #expect(empty.tokens.cacheCreation == 0)
    }

    @Test func fastSpeedAndUnknownSpeed() throws {
        #expect(try #require(record(line(speed: "fast"))).isFast)
        let other = try #require(record(line(speed: "turbo")))
        #expect(!other.isFast && other.hasSpeed)
    }

    @Test func progressLinesCarryTheNestedResponse() throws {
        let text = #"{"type":"progress","data":{"message":{"type":"assistant","timestamp":"2025-08-01T12:05:00.000Z","requestId":"req_P1","isSidechain":true,"message":{"id":"msg_P1","model":"claude-haiku-4-5-20251001","usage":{"input_tokens":100,"output_tokens":10}}}},"sessionId":"abc","timestamp":"2025-08-01T12:05:01.000Z"}"#
        let r = try #require(record(text))
        #expect(r.tokens.input == 100 && r.model == "claude-haiku-4-5-20251001" && r.isSidechain)
        #expect(r.time == Timestamp.parse("2025-08-01T12:05:00.000Z"))
        #expect(r.dedupKey == DedupKey(messageID: "msg_P1", requestID: "req_P1"))
        #expect(r.sessionField == "abc")   // the outer sessionId
    }

    @Test func linesWithoutUsageAreOther() {
        #expect(parseLine(#"{"type":"user","message":{"role":"user","content":"what is \"usage\"?"}}"#) == .other)
        #expect(parseLine(#"{"type":"summary","usage":"none"}"#) == .other)
    }

    @Test func usageLimitResetTimeFromAPIErrorLines() throws {
        let text = #"{"isApiErrorMessage":true,"message":{"content":[{"type":"text","text":"Claude AI usage limit reached|1753027200"}],"usage":{"input_tokens":0,"output_tokens":0}},"timestamp":"2025-07-20T10:00:00Z"}"#
        #expect(try #require(record(text)).usageLimitReset == 1_753_027_200_000)
    }
}

@Suite struct FileScannerTests {
    @Test func handlesBOMCRLFAndAMissingFinalNewline() throws {
        let root = try makeTree([:])
        defer { removeTemporary(root) }
        let path = root + "/t.jsonl"
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data((line(id: "a") + "\r\n" + line(id: "b") + "\r\n\r\n" + line(id: "c")).utf8))
        try data.write(to: URL(fileURLWithPath: path))
        let scan = FileScanner.scan(path: path, fileIndex: 0)
        #expect(scan.records.count == 3)
        #expect(scan.stats.malformedLines == 0)
        #expect(scan.error == nil)
    }

    @Test func linesLongerThanTheBufferAreRead() throws {
        let root = try makeTree([:])
        defer { removeTemporary(root) }
        let path = root + "/long.jsonl"
        let big = String(repeating: "x", count: 3 * FileScanner.chunkSize)
        let text = #"{"message":{"content":""# + big + #"","usage":{"input_tokens":4,"output_tokens":5}},"timestamp":"2025-07-20T10:00:00Z"}"#
        try (line(id: "a") + "\n" + text + "\n" + line(id: "b") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let scan = FileScanner.scan(path: path, fileIndex: 0)
        #expect(scan.records.map(\.tokens.input) == [10, 4, 10])
    }

    @Test func aMissingFileIsAnErrorNotACrash() {
        let scan = FileScanner.scan(path: "/nonexistent/x.jsonl", fileIndex: 0)
        #expect(scan.error != nil && scan.records.isEmpty)
    }
}

import Foundation
