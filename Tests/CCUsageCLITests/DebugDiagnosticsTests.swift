import CCUsageTestSupport
import Foundation
import Testing

/// `--debug` reads every file itself, whatever the caches hold, and `--debug-samples` bounds its lists.
@Suite(.serialized) final class DebugDiagnosticsTests {
    let root: String
    let cache: String
    /// Each file: one good line, then bad lines; the byte offsets of the bad lines per file.
    var offsets: [String: [Int]] = [:]
    var totalBytes = 0

    init() throws {
        cache = try makeTemporaryDirectory("ccusage-debug-cache")
        var files: [String: [UInt8]] = [:]
        for (n, name) in ["p/a.jsonl", "p/b.jsonl", "q/c.jsonl"].enumerated() {
            let good = #"{"type":"assistant","sessionId":"s\#(n)","timestamp":"2025-07-20T10:00:00Z","message":{"id":"m\#(n)","model":"claude-sonnet-4-20250514","usage":{"input_tokens":1,"output_tokens":1}}}"#
            let lines = [good, #"{"message":{"usage":{"input_tokens": oops"#, #"{"usage":"#, #"not json, "usage" somewhere"#]
            var text = "", starts: [Int] = []
            for (i, line) in lines.enumerated() {
                if i > 0 { starts.append(text.utf8.count) }
                text += line + "\n"
            }
            files[name] = Array(text.utf8)
            offsets[name] = starts
            totalBytes += text.utf8.count
        }
        root = try makeDataTree(files, prefix: "ccusage-debug")
    }

    deinit {
        removeTemporary(root)
        removeTemporary(cache)
    }

    var env: [String: String] { ["CLAUDE_CONFIG_DIR": root, "XDG_CACHE_HOME": cache] }

    @Test func aWarmCacheChangesNothingInTheDiagnostics() throws {
        let cold = try runCLI(["daily", "-O", "--debug"], env: env)
        for _ in 0..<2 { _ = try runCLI(["daily", "-O", "--json"], env: env) }   // caches written, then used
        #expect(FileManager.default.fileExists(atPath: cache + "/ccusage"))
        let warm = try runCLI(["daily", "-O", "--debug"], env: env)
        #expect(warm.code == 0 && warm.out == cold.out)
        #expect(warm.err.contains("[debug] files: 3, bytes: \(totalBytes), lines: 12"))
        for (name, starts) in offsets {
            let at = starts.map(String.init).joined(separator: ", ")
            #expect(warm.err.contains("\(root)/projects/\(name): 3 malformed, 0 invalid (at byte \(at))"), "\(warm.err)")
        }
        #expect(debugLines(warm.err) == debugLines(cold.err))
    }

    @Test func debugSamplesBoundsEveryList() throws {
        let r = try runCLI(["daily", "-O", "--debug", "--debug-samples", "1"], env: env)
        #expect(r.code == 0)
        let skipped = r.err.split(separator: "\n").filter { $0.contains("skipped lines in") }
        #expect(skipped.count == 1)
        #expect(skipped.first.map { $0.hasSuffix("(at byte \(offsets["p/a.jsonl"]![0]), …)") } == true)
        #expect(r.err.contains("[debug] … and 2 more files with skipped lines (--debug-samples 1)"))
        let none = try runCLI(["daily", "-O", "--debug", "--debug-samples", "0"], env: env)
        #expect(!none.err.contains("skipped lines in") && none.err.contains("… and 3 more files with skipped lines"))
    }

    /// The `[debug]` lines without the config search (the same in both runs anyway).
    func debugLines(_ err: String) -> [Substring] {
        err.split(separator: "\n").filter { $0.hasPrefix("[debug]") && !$0.contains("Checking:") }
    }
}
