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
        // One request every 2 hours for 6 days (no 5-hour silence), on the hour, the last one at the start of
        // this hour H, one file per 12 requests, each file's mtime set to its last entry: the chain of blocks
        // reaches back past any 2-day window. Blocks then start every 6 hours (a block ends 5 h after its start,
        // the next request comes an hour later), from H - 142 h: the last one starts at H - 4 h and ends at
        // H + 1 h, after now, so there is always an active block.
        let hour = (Date().timeIntervalSince1970 / 3600).rounded(.down) * 3600
        var sessionFile = ""
        for day in 0..<6 {
            var lines: [String] = []
            var last = Date(timeIntervalSince1970: hour)
            for k in 0..<12 {
                let steps = (5 - day) * 12 + (11 - k)   // 2-hour steps before H
                let at = Date(timeIntervalSince1970: hour - Double(steps * 2 * 3600))
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
        // "No active block" is a failure here (see above).
        let active = try #require((json?["blocks"] as? [[String: Any]])?.first, "no active block: \(blocks.out)")
        let cost = try #require(active["costUSD"] as? Double)
        #expect(cost > 0)
        let hook = #"{"session_id":"s5","transcript_path":"\#(sessionFile)","model":{"id":"claude-sonnet-4-20250514","display_name":"Sonnet 4"}}"#
        let line = try runCLI(["statusline", "--no-cache"], env: env, stdin: hook)
        #expect(line.code == 0)
        let money = "$" + String(format: "%.2f", cost) + " block"
        #expect(line.out.contains(money), "statusline: \(line.out) expected \(money)")
        #expect(!line.out.contains("No active block"))
    }
}
