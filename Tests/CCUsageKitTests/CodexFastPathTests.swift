import Foundation
import Testing
@testable import CCUsageKit

/// The strict parser's string rule (07-codex §4: a line with ill-formed UTF-8 is malformed), checked against
/// Swift's own UTF-8 validation on every lead and second byte and a sample of the bytes after them.
@Suite struct CodexJSONTreeTests {
    func parses(_ content: [UInt8]) -> Bool {
        let line = Array(#"{"a":""#.utf8) + content + Array(#""}"#.utf8)
        var tree = JSONTree()
        return line.withUnsafeBufferPointer { tree.parse($0) }
    }

    func expected(_ content: [UInt8]) -> Bool {
        guard !content.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
        return String(validating: content, as: UTF8.self) != nil
    }

    @Test("string contents: well-formed UTF-8 only, whatever the bytes around it")
    func utf8Validity() {
        var mismatches: [[UInt8]] = []
        let tails: [[UInt8]] = [[], [0x41], [0x80], [0xBF], [0x80, 0x80], [0x9F, 0xBF], [0xA0, 0x80, 0x41],
                                [0xC0], [0x22]]
        for b0 in UInt8(0x80)...0xFF {
            for b1 in UInt8(0x00)...0xFF where b1 != 0x22 && b1 != 0x5C {
                for tail in tails {
                    // Plain ASCII before the sequence, so the 16-byte fast path hands over mid-string.
                    for prefix in [[], Array("0123456789abcdefg".utf8)] {
                        let content = prefix + [b0, b1] + tail
                        if parses(content) != expected(content) { mismatches.append(content) }
                    }
                }
            }
        }
        #expect(mismatches.prefix(5).map { $0.map { String($0, radix: 16) } } == [])
    }

    @Test("multi-byte text, escapes and plain runs together")
    func mixedStrings() {
        for text in ["résumé 日本語 🎉 → naïve", "a\\u00e9b \\\"q\\\" 設定", String(repeating: "größe ", count: 40)] {
            #expect(parses(Array(text.utf8)), "\(text)")
        }
        #expect(!parses(Array("ok".utf8) + [0xED, 0xA0, 0x80]))   // a surrogate
        #expect(!parses(Array("ok".utf8) + [0xF4, 0x90, 0x80, 0x80]))   // past U+10FFFF
        #expect(!parses(Array("ok".utf8) + [0xE2, 0x86]))   // cut short by the closing quote
        #expect(!parses([0x61, 0x0A]))   // a control byte
    }
}

/// The strict timestamp grammar (07-codex §11.2), read in place.
@Suite struct CodexTimeTests {
    @Test("the four accepted lengths, and near misses", arguments: [
        ("2026-01-02T03:04:05Z", Int64?(1_767_323_045_000)),
        ("2026-01-02T03:04:05.678Z", 1_767_323_045_678),
        ("2026-01-02T03:04:05+01:00", 1_767_319_445_000),
        ("2026-01-02T03:04:05.678-01:30", 1_767_328_445_678),
        ("2026-01-02T03:04:05.", nil),       // 20 bytes ending in the fraction's dot
        ("2026-01-02T03:04:05.67Z", nil),
        ("2026-02-30T03:04:05Z", nil),
        ("2026-01-02T24:04:05Z", nil),
        ("2026-01-02 03:04:05Z", nil),
        ("2026-01-02T03:04:05.678+0100", nil),
        ("", nil),
    ] as [(String, Int64?)])
    func grammar(_ text: String, _ millis: Int64?) {
        #expect(CodexTime.parse(text) == millis)
    }
}
