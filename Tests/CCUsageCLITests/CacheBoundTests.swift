import CCUsageTestSupport
import CCUsageKit
import Foundation
import Testing

/// The cache directory stays bounded however many sessions the status line serves (issue 13: one merged
/// cache per session once filled gigabytes).
@Suite(.serialized) struct CacheBoundTests {
    @Test func statusLinesForHundredsOfSessionsShareOneMergedCache() throws {
        let root = try makeTemporaryDirectory("ccusage-cache-bound")
        defer { removeTemporary(root) }
        let project = root + "/projects/-Users-me-code-app"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        let cache = root + "/cache/ccusage"
        let env = ["CLAUDE_CONFIG_DIR": root, "XDG_CACHE_HOME": root + "/cache", "TMPDIR": root]
        // Leftovers of older builds are removed on the first write.
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        for old in ["merged-v5-1a2b.bin", "merged-v4-3c.bin", "report-v1-9.bin"] {
            FileManager.default.createFile(atPath: cache + "/" + old, contents: Data(count: 4096))
        }
        let now = Date()
        let sessions = 240
        for i in 0..<sessions {
            let session = String(format: "%08x-0000-4000-8000-%012x", i, i)
            let path = project + "/" + session + ".jsonl"
            let at = StatuslineCLITests.iso(now.addingTimeInterval(-Double(sessions - i) * 20))
            let line = #"{"type":"assistant","sessionId":"\#(session)","requestId":"req_\#(i)","timestamp":"\#(at)","message":{"id":"msg_\#(i)","model":"claude-opus-5","usage":{"input_tokens":10,"output_tokens":100,"cache_read_input_tokens":1000}}}"#
            try (line + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            let hook = #"{"session_id":"\#(session)","transcript_path":"\#(path)","model":{"id":"claude-opus-5","display_name":"Opus 5"}}"#
            let r = try runCLI(["statusline"], env: env, stdin: hook)
            #expect(r.code == 0 && r.out.contains("Opus 5"), "\(r.out) \(r.err)")
            if i % 60 == 0 { _ = try runCLI(["daily", "--offline", "--since", "2020010\(i / 60 + 1)"], env: env) }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: cache)
        let merged = names.filter { $0.hasPrefix("merged-") }, reports = names.filter { $0.hasPrefix("report-") }
        var bytes: Int64 = 0
        for name in names {
            let size = try FileManager.default.attributesOfItem(atPath: cache + "/" + name)[.size] as? NSNumber
            bytes += size?.int64Value ?? 0
        }
        // The status line's window and the daily reports' merge; each daily run its own report.
        #expect(merged.count <= 2 && merged.allSatisfy { $0.hasPrefix("merged-v6-") }, "\(merged)")
        #expect(reports.count == 4 && reports.allSatisfy { $0.hasPrefix("report-v2-") }, "\(reports)")
        #expect(names.count <= 10, "\(names.sorted())")
        #expect(bytes < CacheBudget.bytes && bytes < 4 << 20, "\(bytes) bytes in \(names.sorted())")
    }
}
