import CCUsageTestSupport
import Foundation
import Testing

private let tmuxPath: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// `ccusage blocks --live` in a real terminal: a detached tmux session on a private server socket.
@Suite(.serialized, .enabled(if: tmuxPath != nil, "needs tmux (Scripts/install-deps installs it)"))
final class LiveMonitorTests {

    static var binary: String { ccusageBinary.path }

    let socket = "ccusage-live-\(UUID().uuidString.prefix(8))"
    let root: String
    let transcript: String

    static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    static func entry(_ id: String, at date: Date, output: Int) -> String {
        #"{"type":"assistant","sessionId":"s1","requestId":"req_\#(id)","timestamp":"\#(iso(date))","message":{"id":"msg_\#(id)","model":"claude-sonnet-4-20250514","usage":{"input_tokens":1000,"output_tokens":\#(output),"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}}"#
    }

    init() throws {
        root = try makeTemporaryDirectory("ccusage-live")
        transcript = root + "/projects/p/s1.jsonl"
        // Every stored property is set: from here on a throw still runs `deinit`, which removes `root`.
        try FileManager.default.createDirectory(atPath: root + "/projects/p", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/cache", withIntermediateDirectories: true)
    }

    /// Runs when the test ends (after its `defer { stop() }`), passed or failed.
    deinit { removeTemporary(root) }

    func write(_ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: transcript, atomically: true, encoding: .utf8)
    }

    /// Runs one tmux command on this test's private server and returns its output. Spawned directly, with
    /// every inherited descriptor closed: the tmux server daemon would otherwise hold pipes (Foundation's
    /// `Process` exit tracking, other tests' pipes) open forever.
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        let path = try #require(tmuxPath)
        let output = root + "/tmux-\(UUID().uuidString).out"
        defer { unlink(output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, args.first == "new-session" ? "/dev/null" : output,
                                         O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // bash closes every other inherited descriptor, then becomes tmux.
        let closeAll = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$@""#
        let argv = (["/bin/bash", "-c", closeAll, "bash", path, "-L", socket] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // A worker thread blocks most signals, and a spawned process inherits that mask: reset it (and the
        // dispositions), or the tmux server ignores kill-server's SIGTERM and its panes ignore SIGHUP.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD, SIGWINCH] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, &attributes, argv, environ)
        try #require(spawned == 0, "posix_spawn tmux: \(spawned)")
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    /// Starts `ccusage <args>` in a detached 120×40 session; the shell reports the exit code afterwards.
    func start(_ args: [String], width: Int = 120) throws {
        let command = "env -u TMUX CLAUDE_CONFIG_DIR='\(root)' HOME=/nonexistent-home TZ=UTC XDG_CACHE_HOME='\(root)/cache' "
            + "'\(Self.binary)' " + args.joined(separator: " ") + "; echo EXITED:$?; sleep 30"
        try tmux(["new-session", "-d", "-x", String(width), "-y", "40", "-s", "live", command])
    }

    /// The pane's text, wrapped lines joined, trailing spaces removed.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-t", "live"]).split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }

    /// Polls the pane until `condition` holds or `seconds` pass; returns the last capture.
    func waitFor(_ seconds: Double, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var text = try screen()
        while !condition(text), Date() < deadline {
            usleep(100_000)
            text = try screen()
        }
        return text
    }

    /// Ends this test's tmux server and removes its socket file.
    func stop() {
        let socketPath = (try? tmux(["display-message", "-p", "#{socket_path}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        _ = try? tmux(["kill-server"])
        if socketPath.hasSuffix("/" + socket) { unlink(socketPath) }
    }

    static func tokens(_ screen: String) -> String? {
        guard let range = screen.range(of: #"Tokens: [0-9,]+"#, options: .regularExpression) else { return nil }
        return String(screen[range].dropFirst("Tokens: ".count))
    }

    @Test(.timeLimit(.minutes(3)))
    func dashboardUpdatesOnAppendAndStopsOnCtrlC() throws {
        defer { stop() }
        let now = Date()
        try write([Self.entry("1", at: now.addingTimeInterval(-1800), output: 500),
                   Self.entry("2", at: now.addingTimeInterval(-600), output: 1500)])
        try start(["blocks", "--live", "--refresh-interval", "1"])
        // Waits are generous and wait for the whole frame: on a loaded CI machine the first frame can take
        // seconds, and a capture may land mid-redraw.
        let first = try waitFor(30) {
            $0.contains("CLAUDE CODE - LIVE TOKEN USAGE MONITOR") && $0.contains("Cost: $") && $0.contains("Refreshing every")
                && Self.tokens($0) == "4,000"
        }
        #expect(first.contains("CLAUDE CODE - LIVE TOKEN USAGE MONITOR"), "\(first)")
        #expect(first.contains("⏱️ SESSION") && first.contains("🔥 USAGE") && first.contains("Models: sonnet-4"))
        #expect(first.contains("↻ Refreshing every 1s"))
        #expect(Self.tokens(first) == "4,000")

        // A new response is appended to the transcript: the next refresh shows it.
        let handle = try #require(FileHandle(forWritingAtPath: transcript))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((Self.entry("3", at: Date(), output: 2345) + "\n").utf8))
        try handle.close()
        let updated = try waitFor(30) { Self.tokens($0) == "7,345" }
        #expect(Self.tokens(updated) == "7,345", "\(updated)")

        try tmux(["send-keys", "-t", "live", "C-c"])
        let after = try waitFor(30) { $0.contains("EXITED:") }
        #expect(after.contains("Live monitoring stopped.\nEXITED:0"), "\(after)")
        #expect(!after.contains("CLAUDE CODE - LIVE"))   // the alternate screen is gone
    }

    /// Where tmux itself puts the end of each of the pane's first `rows` lines (copy mode's end-of-line
    /// column): measured by the terminal, not by our width function.
    func lineEnds(rows: Int) throws -> [Int] {
        try tmux(["copy-mode", "-t", "live"])
        try tmux(["send-keys", "-t", "live", "-X", "top-line"])
        var ends: [Int] = []
        for _ in 0..<rows {
            try tmux(["send-keys", "-t", "live", "-X", "end-of-line"])
            let x = try tmux(["display-message", "-p", "-t", "live", "#{copy_cursor_x}"])
            ends.append(Int(x.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
            try tmux(["send-keys", "-t", "live", "-X", "cursor-down"])
        }
        try tmux(["send-keys", "-t", "live", "-X", "cancel"])
        return ends
    }

    @Test(.timeLimit(.minutes(3)), arguments: [100, 130])
    func bordersStayStraightAroundEmojiRows(width: Int) throws {
        defer { stop() }
        let now = Date()
        try write([Self.entry("1", at: now.addingTimeInterval(-1800), output: 500),
                   Self.entry("2", at: now.addingTimeInterval(-600), output: 1500)])
        // Claude's own limits as a status line would have remembered them for this data directory.
        let reset = Int(now.timeIntervalSince1970) + 7200
        try FileManager.default.createDirectory(atPath: root + "/cache/ccusage", withIntermediateDirectories: true)
        try #"{"entries":[{"configDir":"\#(root)","seenAt":\#(Int(now.timeIntervalSince1970 * 1000) - 120_000),"fiveHour":{"usedPercentage":42.4,"resetsAt":\#(reset)}}]}"#
            .write(toFile: root + "/cache/ccusage/rate-limits-v1.json", atomically: true, encoding: .utf8)
        try start(["blocks", "--live", "--refresh-interval", "1", "--token-limit", "100000"], width: width)
        let frame = try waitFor(30) {
            $0.contains("Models: sonnet-4") && $0.contains("Refreshing every") && $0.contains("🔥 USAGE") && $0.contains("ago")
        }
        #expect(frame.contains("Claude 5h limit: 42% used") || frame.contains("Claude 5h: 42% used"), "\(frame)")
        #expect(frame.contains("2m ago"), "\(frame)")
        let lines = try tmux(["capture-pane", "-p", "-t", "live"]).split(separator: "\n", omittingEmptySubsequences: false)
        // The rows with variation-selector emoji are there: the ones that used to end a column early or late.
        #expect(frame.contains("⏱️ SESSION") && frame.contains("⚙️  Models: sonnet-4") && frame.contains("🔥 USAGE"), "\(frame)")
        let boxRows = lines.indices.filter { lines[$0].contains("│") || lines[$0].contains("┌") || lines[$0].contains("└") }
        #expect(boxRows.count > 15, "\(frame)")
        let ends = try lineEnds(rows: (boxRows.last ?? 0) + 1)
        let top = try #require(boxRows.first)
        let box = min(120, width - 2), margin = (width - box) / 2
        // Every row of the box ends where its ASCII top border does, one column past the right edge.
        for row in boxRows {
            #expect(ends[row] == ends[top], "row \(row) ends at \(ends[row]), the top border at \(ends[top]): \(lines[row])")
        }
        #expect(ends[top] == margin + box, "\(ends[top])")
        try tmux(["send-keys", "-t", "live", "C-c"])
        _ = try waitFor(30) { $0.contains("EXITED:") }
    }

    @Test(.timeLimit(.minutes(3)))
    func waitingStateNarrowTerminalAndSIGTERM() throws {
        defer { stop() }
        // The last entry is two days old: no active block.
        try write([Self.entry("1", at: Date().addingTimeInterval(-2 * 86_400), output: 10)])
        try start(["blocks", "--live", "--refresh-interval", "0"], width: 50)
        let waiting = try waitFor(30) { $0.contains("Waiting...") }
        #expect(waiting.contains("No active session block found. Waiting..."), "\(waiting)")

        // Activity starts: the compact (< 60 columns) view appears without a restart.
        let handle = try #require(FileHandle(forWritingAtPath: transcript))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((Self.entry("2", at: Date().addingTimeInterval(-60), output: 100) + "\n"
            + Self.entry("3", at: Date(), output: 200) + "\n").utf8))
        try handle.close()
        let compact = try waitFor(30) { $0.contains("LIVE MONITOR") && $0.contains("Ctrl+C: stop") && Self.tokens($0) != nil }
        #expect(compact.contains("LIVE MONITOR") && !compact.contains("┌"), "\(compact)")
        #expect(compact.contains("Tokens: 2,300"))
        #expect(compact.contains("Refresh: 1s | Ctrl+C: stop"))

        let panePID = try tmux(["display-message", "-p", "-t", "live", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let children = Process()
        children.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
        children.arguments = ["-P", panePID]
        let out = Pipe()
        children.standardOutput = out
        try children.run()
        let pids = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        children.waitUntilExit()
        let pid = try #require(pids.split(separator: "\n").first.flatMap { Int32($0) })
        kill(pid, SIGTERM)
        let after = try waitFor(30) { $0.contains("EXITED:") }
        #expect(after.contains("Refresh interval adjusted to 1 seconds (valid range: 1-60)"), "\(after)")
        #expect(after.contains("Live monitoring stopped.\nEXITED:0"), "\(after)")
    }
}
