import CCUsageTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension Tag {
    /// Generates hundreds of MiB at test time (still part of `swift test`).
    @Tag static var heavy: Self
}

/// The built `ccusage` binary meeting broken data: the exit code, the warnings on stderr and the exact
/// JSON totals (every readable entry counted). Runs without the scan cache, so each run reads everything.
@Suite(.serialized) struct FaultInjectionCLITests {
    // MARK: Helpers

    static func binary() -> String {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let path = dir.appendingPathComponent("ccusage").path
        return FileManager.default.fileExists(atPath: path) ? path : dir.deletingLastPathComponent().appendingPathComponent("ccusage").path
    }

    static func tree(_ files: [String: [UInt8]]) throws -> String {
        try makeDataTree(files, prefix: "ccusage-cli-fault")
    }

    static func entry(_ id: String, input: Int, output: Int, day: Int = 20, extra: String = "") -> String {
        #"{"type":"assistant","message":{"id":"\#(id)","model":"claude-sonnet-4-20250514","usage":{"input_tokens":\#(input),"output_tokens":\#(output)}},"requestId":"r-\#(id)","timestamp":"2025-07-\#(day)T10:00:00.000Z"\#(extra)}"#
    }

    static func lines(_ lines: [String]) -> [UInt8] { Array((lines.joined(separator: "\n") + "\n").utf8) }

    static let env = ["CCUSAGE_NO_CACHE": "1"]

    /// `totals` of `daily --json`.
    static func totals(_ out: String) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        return try #require(object["totals"] as? [String: Any])
    }

    static func tokens(_ out: String) throws -> (input: Int, output: Int) {
        let t = try totals(out)
        return (try #require(t["inputTokens"] as? Int), try #require(t["outputTokens"] as? Int))
    }

    /// Runs an executable with exactly `env`, stdout/stderr to files; returns its exit code, its output and
    /// the peak resident set size of the program itself: `VmHWM` from `/proc/<pid>/status`, polled every
    /// millisecond until the child exits (it only grows, so the last reading is the peak up to a millisecond
    /// before exit). Not `wait4`'s `ru_maxrss`: posix_spawn's vfork-style child shares this (large) test
    /// process's memory until it execs, and Linux carries that high-water mark over into the child's rusage.
    static func spawn(_ executable: String, _ args: [String], env: [String: String], in dir: String) throws
        -> (code: Int32, out: String, err: String, peakRSSKiB: Int) {
        let outPath = dir + "/stdout", errPath = dir + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + args).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, envp)   // returns once the child has exec'd
        #expect(rc == 0, "posix_spawn \(executable): \(String(cString: strerror(rc)))")
        guard rc == 0 else { return (-1, "", "", 0) }
        var status: Int32 = 0
        var peak = 0
        while true {
            if let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kib = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).dropLast(3)) {
                peak = max(peak, kib)
            }
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { break }
            usleep(1000)
        }
        let code: Int32 = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (code, out, err, peak)
    }

    // MARK: Tests

    /// As root, permission bits do not stop a read, so a copy of the binary runs as `nobody` through
    /// `setpriv`; the test first checks that `nobody` really cannot read the file.
    @Test func unreadableFileWarnsAndTheRestIsCounted() throws {
        let root = try Self.tree(["p/a.jsonl": Self.lines([Self.entry("a", input: 10, output: 1)]),
                                  "p/secret.jsonl": Self.lines([Self.entry("s", input: 1000, output: 1000)]),
                                  "q/b.jsonl": Self.lines([Self.entry("b", input: 20, output: 2)])])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let secret = root + "/projects/p/secret.jsonl"
        #expect(chmod(secret, 0) == 0)
        var command = [Self.binary()]
        if getuid() == 0 {
            // A copy nobody can reach whatever the clone's location (its libraries are the toolchain's).
            let copy = root + "/ccusage"
            try FileManager.default.copyItem(atPath: command[0], toPath: copy)
            #expect(chmod(copy, 0o755) == 0)
            command = [copy]
            let candidates: [String] = ["/usr/bin/setpriv", "/bin/setpriv"]
            let setpriv = try #require(candidates.first { (path: String) in access(path, X_OK) == 0 },
                                       "running as root needs setpriv to drop privileges")
            command = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"] + command
            let probe = try Self.spawn(setpriv, Array(command[1..<5]) + ["/usr/bin/test", "-r", secret], env: [:], in: root)
            #expect(probe.code == 1, "nobody must not be able to read the file")
        }
        let r = try Self.spawn(command[0], Array(command.dropFirst()) + ["daily", "--json", "--offline"],
                               env: Self.env.merging(["CLAUDE_CONFIG_DIR": root, "HOME": "/nonexistent-home", "TZ": "UTC",
                                                      "PATH": "/usr/bin:/bin"]) { $1 }, in: root)
        #expect(r.code == 0)
        #expect(r.err.contains("warning: could not read \(secret): Permission denied"))
        #expect(try Self.tokens(r.out) == (30, 3))
    }

    @Test func missingConfigDirEntryWarnsAndTheOtherIsRead() throws {
        let root = try Self.tree(["p/a.jsonl": Self.lines([Self.entry("a", input: 10, output: 1)])])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let missing = "/nonexistent-ccusage-\(UUID().uuidString)"
        let r = try runCLI(["daily", "--json"], env: Self.env.merging(["CLAUDE_CONFIG_DIR": "\(missing),\(root)"]) { $1 })
        #expect(r.code == 0)
        #expect(r.err.contains("warning: skipped \(missing): CLAUDE_CONFIG_DIR entry: not a directory"))
        #expect(try Self.tokens(r.out) == (10, 1))
        let none = try runCLI(["daily", "--json"], env: Self.env.merging(["CLAUDE_CONFIG_DIR": missing]) { $1 })
        #expect(none.code == 1 && none.err.contains("No valid Claude data directories found in CLAUDE_CONFIG_DIR"))
        #expect(none.out.isEmpty)
    }

    @Test func symlinkLoopAndFifoDoNotHangOrDoubleCount() throws {
        let root = try Self.tree(["p/a.jsonl": Self.lines([Self.entry("a", input: 10, output: 1)]),
                                  "p/sub/b.jsonl": Self.lines([Self.entry("b", input: 20, output: 2)])])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(symlink("../..", root + "/projects/p/sub/loop") == 0)
        #expect(mkfifo(root + "/projects/p/pipe.jsonl", 0o644) == 0)
        let r = try runCLI(["daily", "--json"], env: Self.env.merging(["CLAUDE_CONFIG_DIR": root]) { $1 })
        #expect(r.code == 0)
        #expect(r.err.contains("warning: skipped \(root)/projects/p/sub/loop: directory already visited (symlink loop)"))
        #expect(try Self.tokens(r.out) == (30, 3))
    }

    /// One file holding every kind of broken line next to good ones: the run succeeds, one summary warning
    /// counts what was skipped, and the good entries are all in the totals.
    @Test func corruptLinesAreSkippedWithOneWarning() throws {
        let good = (0..<6).map { Self.entry("g\($0)", input: 100 + $0, output: 1) }
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((good[0] + "\r\n").utf8)           // BOM, CRLF
        bytes += Array((String(good[1].prefix(70)) + "\n").utf8)                             // truncated (malformed)
        bytes += Array((good[1] + "\n").utf8)
        bytes += Array((good[2] + "\n").utf8)
        bytes += Array(Self.entry("z", input: 9999, output: 9999).utf8) + [0x00, 0x0A]      // NUL after it (malformed)
        bytes += [UInt8](repeating: 0, count: 512) + [0x0A]                                  // zeros (malformed)
        bytes += Array(Self.entry("u", input: 5, output: 5, extra: #","x":"caf"#).utf8).dropLast() + [0xE9, 0x22, 0x7D, 0x0A] // bad UTF-8 (malformed)
        bytes += [0x7B, 0x22, 0x5C, 0x75, 0x30, 0x30, 0x36, 0x13, 0x22, 0x3A, 0x22, 0x75, 0x73, 0x61, 0x67, 0x65, 0x22, 0x7D, 0x0A] // the fuzz crash (malformed)
        for bad in ["-1", "1.5", "1e3", "18446744073709551616"] {                           // invalid
            bytes += Array((Self.entry("n\(bad)", input: 1, output: 1).replacingOccurrences(of: #""input_tokens":1"#, with: #""input_tokens":\#(bad)"#) + "\n").utf8)
        }
        bytes += Array((Self.entry("d", input: 1, output: 2).replacingOccurrences(of: #""output_tokens":2"#, with: #""output_tokens":2,"output_tokens":7"#) + "\n").utf8) // last key wins
        let deep = String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
        bytes += Array((good[3].replacingOccurrences(of: #""type":"assistant""#, with: #""type":"assistant","nest":\#(deep)"#) + "\n").utf8)
        bytes += Array((good[4] + "\n" + String(good[5].prefix(40))).utf8)                  // truncated at the end (malformed)
        let root = try Self.tree(["p/s.jsonl": bytes])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let r = try runCLI(["daily", "--json"], env: Self.env.merging(["CLAUDE_CONFIG_DIR": root]) { $1 })
        #expect(r.code == 0)
        #expect(!r.err.contains("Fatal error"))
        #expect(r.err.contains("warning: skipped 6 malformed and 4 invalid usage line(s)"))
        #expect(try Self.tokens(r.out) == (100 + 101 + 102 + 103 + 104 + 1, 5 + 7))
    }

    /// `costUSD: 1e999` overflows a double: the run succeeds, prints valid JSON, and the cost counts as absent
    /// (display mode: 0; auto mode: computed from the tokens).
    @Test func costBeyondDoubleRangeStillGivesValidJSON() throws {
        let root = try Self.tree(["p/s.jsonl": Self.lines([Self.entry("a", input: 1000, output: 1000, extra: #","costUSD":1e999"#)])])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let display = try runCLI(["daily", "--json", "--mode", "display"], env: Self.env.merging(["CLAUDE_CONFIG_DIR": root]) { $1 })
        #expect(display.code == 0)
        let t = try Self.totals(display.out)
        #expect(t["totalCost"] as? Double == 0 && t["inputTokens"] as? Int == 1000)
        let auto = try runCLI(["daily", "--json"], env: Self.env.merging(["CLAUDE_CONFIG_DIR": root]) { $1 })
        let cost = try #require(try Self.totals(auto.out)["totalCost"] as? Double)
        #expect(auto.code == 0 && abs(cost - 0.018) < 1e-12)   // sonnet-4: 1000 × $3/M + 1000 × $15/M
    }

    /// A 600 MiB transcript (tool results of 60 KiB, each answer streamed three times) is read in bounded
    /// memory: the peak RSS of the `ccusage` child stays far below the file's size, and the totals are exact.
    @Test(.tags(.heavy)) func sixHundredMebibyteTranscriptInBoundedMemory() throws {
        let root = try Self.tree([:])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/projects/p/big.jsonl"
        try FileManager.default.createDirectory(atPath: root + "/projects/p", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let result = Data((#"{"type":"user","message":{"role":"user","content":[{"type":"tool_result","content":""#
            + String(repeating: "0123456789abcdef", count: 60 * 64) + #""}]},"timestamp":"2025-07-20T09:00:00.000Z"}"# + "\n").utf8)
        var written = 0, turns = 0, input = 0, output = 0
        while written < 600 << 20 {
            var chunk = result
            let day = 10 + turns % 19
            for copy in 1...3 {   // streamed copies: growing output, one request
                chunk.append(Data((Self.entry("t\(turns)", input: turns % 1000, output: copy * (turns % 50), day: day) + "\n").utf8))
            }
            input += turns % 1000; output += 3 * (turns % 50)
            handle.write(chunk)
            written += chunk.count; turns += 1
        }
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size >= 600 << 20)
        let r = try Self.spawn(Self.binary(), ["daily", "--json", "--offline"],
                               env: Self.env.merging(["CLAUDE_CONFIG_DIR": root, "HOME": "/nonexistent-home", "TZ": "UTC"]) { $1 },
                               in: root)
        #expect(r.code == 0)
        #expect(try Self.tokens(r.out) == (input, output))
        let peakMiB = r.peakRSSKiB / 1024
        // Under Scripts/sanitize the binary carries ASan's shadow memory and quarantine (or TSan's), so only
        // "below the file's size" is asserted there; 44 MiB was measured for the plain debug build.
        let bound = ProcessInfo.processInfo.environment["CCUSAGE_TEST_SANITIZER"] == nil ? 128 : 512
        #expect(peakMiB > 0 && peakMiB < bound, "peak RSS \(peakMiB) MiB for a \(size >> 20) MiB transcript")
    }
}
