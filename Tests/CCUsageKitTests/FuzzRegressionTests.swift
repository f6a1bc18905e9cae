import Foundation
import Testing
@testable import CCUsageKit

/// Inputs found by the libFuzzer targets under `Fuzz/` (`Scripts/fuzz line-parser 600`), each minimized
/// with `-minimize_crash=1`. Every one crashed or broke an invariant before its fix; each stays here so the
/// fix cannot regress.
@Suite struct FuzzRegressionTests {
    private func outcome(_ bytes: [UInt8]) -> LineOutcome {
        var parser = LineParser()
        return bytes.withUnsafeBufferPointer { parser.parse($0) }
    }

    /// `crash-04d0614707a078d6edab7f02d35a5dc78edd7fc7`, minimized to 18 bytes: `{"\u006<0x13>":"usage"}`.
    /// The `\u` escape check case-folded each byte with `| 0x20` before comparing it with '0'…'9', so the
    /// control bytes 0x10–0x19 passed as hex digits; decoding the escaped key then trapped with an
    /// arithmetic overflow (`0x13 - 0x30` in UInt8) and took the whole process down.
    @Test func controlByteInsideUnicodeEscapeIsMalformedNotATrap() {
        let minimized: [UInt8] = [0x7B, 0x22, 0x5C, 0x75, 0x30, 0x30, 0x36, 0x13, 0x22, 0x3A,
                                  0x22, 0x75, 0x73, 0x61, 0x67, 0x65, 0x22, 0x7D]
        #expect(outcome(minimized) == .malformed)
    }

    @Test("every byte 0x10–0x19 in any position of a \\u escape, in a key or a value, is malformed",
          arguments: Array(UInt8(0x10)...UInt8(0x19)))
    func controlBytesAreNotHexDigits(_ byte: UInt8) {
        let good = Array(line().utf8)
        for position in 0..<4 {
            var escape: [UInt8] = Array("\\u0041".utf8)
            escape[2 + position] = byte
            // In a key (decoded by the key matcher) and in a value the parser decodes (the message id).
            let key = Array("{\"".utf8) + escape + Array("\":1,".utf8) + good.dropFirst()
            let value = Array(line(id: "msg_X").utf8)
            let idStart = value.firstRange(of: Array("msg_X".utf8))!.lowerBound
            let inValue = Array(value[..<idStart]) + escape + Array(value[(idStart + 5)...])
            #expect(outcome(key) == .malformed)
            #expect(outcome(inValue) == .malformed)
        }
    }

    @Test func realHexEscapesStillDecode() throws {
        // Upper- and lower-case hex digits, in keys and in values.
        let text = #"{"t\u0079pe":"assistant","message":{"id":"msg_\u004A\u004b","usage":{"input_tokens":1,"output_tokens":2}},"timestamp":"2025-07-20T10:00:00Z"}"#
        let r = try #require(record(text))
        #expect(r.dedupKey == DedupKey(messageID: "msg_JK", requestID: nil))
    }

    /// The same line inside a file: it is counted as malformed and the lines around it are still read.
    @Test func controlByteEscapeInAFileSkipsOnlyThatLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ccusage-fuzzreg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("t.jsonl").path
        var bytes = Array((line(id: "a", request: "a") + "\n").utf8)
        bytes += [0x7B, 0x22, 0x5C, 0x75, 0x30, 0x30, 0x36, 0x13, 0x22, 0x3A, 0x22, 0x75, 0x73, 0x61, 0x67, 0x65, 0x22, 0x7D, 0x0A]
        bytes += Array((line(id: "b", request: "b") + "\n").utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let scan = FileScanner.scan(path: path, fileIndex: 0)
        #expect(scan.error == nil)
        #expect(scan.stats.lines == 3 && scan.stats.usageLines == 2 && scan.stats.malformedLines == 1)
        #expect(scan.records.map(\.dedupKey) == [DedupKey(messageID: "a", requestID: "a"), DedupKey(messageID: "b", requestID: "b")])
    }
}
