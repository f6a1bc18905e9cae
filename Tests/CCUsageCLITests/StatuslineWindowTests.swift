import CCUsageTestSupport
import Foundation
import Testing

/// The status line reads only recent files, but its active block must equal the full `blocks` report,
/// even when usage ran without a break for longer than the first window.
@Suite(.serialized) struct StatuslineWindowTests {
    @Test func activeBlockMatchesAFullLoadAcrossOldFiles() throws {
        let root = try makeTemporaryDirectory("ccusage-window")
        defer { removeTemporary(root) }
        let project = root + "/projects/p"
        try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
        let now = Date()
        // One request every 2 hours for 6 days (no 5-hour silence), one file per day, each file's mtime
        // set to its last entry: the chain of blocks reaches back past any 2-day window.
        var sessionFile = ""
        for day in 0..<6 {
            var lines: [String] = []
            var last = now
            for k in 0..<12 {
                let at = now.addingTimeInterval(-Double((5 - day) * 24 * 3600 + (11 - k) * 2 * 3600 + 600))
                last = at
                let ts = StatuslineCLITests.iso(at)
                lines.append(#"{"type":"assistant","sessionId":"s\#(day)","requestId":"r\#(day)-\#(k)","timestamp":"\#(ts)","message":{"id":"m\#(day)-\#(k)","model":"claude-sonnet-4-20250514","usage":{"input_tokens":1000,"output_tokens":100}}}"#)
            }
            let path = project + "/s\(day).jsonl"
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: last], ofItemAtPath: path)
            sessionFile = path
        }
        let env = ["CLAUDE_CONFIG_DIR": root, "XDG_CACHE_HOME": root + "/cache", "TMPDIR": root]
        let blocks = try runCLI(["blocks", "--active", "--json", "--offline"], env: env)
        let json = try JSONSerialization.jsonObject(with: Data(blocks.out.utf8)) as? [String: Any]
        let active = (json?["blocks"] as? [[String: Any]])?.first
        let hook = #"{"session_id":"s5","transcript_path":"\#(sessionFile)","model":{"id":"claude-sonnet-4-20250514","display_name":"Sonnet 4"}}"#
        let line = try runCLI(["statusline", "--no-cache"], env: env, stdin: hook)
        #expect(line.code == 0)
        if let active, let cost = active["costUSD"] as? Double, let end = active["endTime"] as? String {
            let money = "$" + String(format: "%.2f", cost) + " block"
            #expect(line.out.contains(money), "statusline: \(line.out) expected \(money), block ending \(end)")
        } else {
            #expect(line.out.contains("No active block"))
        }
    }
}
