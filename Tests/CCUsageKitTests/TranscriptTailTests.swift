import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite final class TranscriptTailTests {
    /// This test's directory for its transcripts, removed when the test ends.
    let dir: String

    init() throws { dir = try makeTemporaryDirectory("ccusage-tail") }
    deinit { removeTemporary(dir) }

    func write(_ text: String) throws -> String {
        let path = dir + "/tail-\(UUID().uuidString).jsonl"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func assistant(_ input: Any, create: Int = 0, read: Int = 0) -> String {
        #"{"type":"assistant","message":{"model":"m","usage":{"input_tokens":\#(input),"cache_creation_input_tokens":\#(create),"cache_read_input_tokens":\#(read),"output_tokens":5}}}"#
    }

    @Test("the last assistant line with usage, whatever the chunk size", arguments: [7, 64, 1 << 16])
    func lastAssistantLine(chunk: Int) throws {
        let text = [
            assistant(1, create: 2, read: 3),
            assistant(1000, create: 500, read: 20_000),
            #"{"type":"user","message":{"content":"a \"usage\" and \"assistant\" mention"}}"#,
            #"{"type":"assistant","message":{"usage":{"input_tokens":"12"}}}"#,
            #"{"type":"progress","data":{"type":"assistant","message":{"usage":{"input_tokens":9}}}}"#,
            "not json at all",
            "",
        ].joined(separator: "\n")
        let path = try write(text)
        #expect(TranscriptTail.lastContextTokens(path: path, chunkSize: chunk) == 21_500)
    }

    @Test func aFinalLineWithoutNewlineAndCRLF() throws {
        #expect(TranscriptTail.lastContextTokens(path: try write(assistant(1) + "\r\n" + assistant(40, read: 2))) == 42)
        #expect(TranscriptTail.lastContextTokens(path: try write(assistant(5) + "\r\n"), chunkSize: 3) == 5)
    }

    @Test func overlongLinesAreSkippedNotBuffered() throws {
        let huge = #"{"type":"assistant","message":{"usage":{"input_tokens":999}},"pad":""# + String(repeating: "x", count: 5000) + "\"}"
        let path = try write(assistant(3, read: 4) + "\n" + huge + "\n")
        #expect(TranscriptTail.lastContextTokens(path: path, chunkSize: 256, maxLineBytes: 1024) == 7)
        #expect(TranscriptTail.lastContextTokens(path: path, chunkSize: 256, maxLineBytes: 1 << 20) == 999)
    }

    @Test func missingOrEmptyFiles() throws {
        #expect(TranscriptTail.lastContextTokens(path: "/nonexistent/file.jsonl") == nil)
        #expect(TranscriptTail.lastContextTokens(path: try write("")) == nil)
        #expect(TranscriptTail.lastContextTokens(path: NSTemporaryDirectory()) == nil)
    }
}
