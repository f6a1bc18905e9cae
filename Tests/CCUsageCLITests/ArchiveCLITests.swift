import CCUsageTestSupport
import FixtureKit
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `ccusage` with its archive: reports keep deleted transcripts' usage, `--no-archive` does not, and
/// `ccusage archive` shows, exports, imports and prunes it.
@Suite(.serialized) final class ArchiveCLITests {
    let root: String
    let env: [String: String]

    init() throws {
        root = try makeTemporaryDirectory("ccusage-archive-cli")
        env = ["CLAUDE_CONFIG_DIR": root, "XDG_CACHE_HOME": root + "/cache", "CCUSAGE_NO_ARCHIVE": "",
               "CCUSAGE_ARCHIVE": root + "/archive.sqlite", "COLUMNS": "160"]
        try FileManager.default.copyItem(atPath: fixtures + "/basic/projects", toPath: root + "/projects")
    }

    deinit { removeTemporary(root) }

    func transcripts() throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: root + "/projects").filter { $0.hasSuffix(".jsonl") }.sorted()
            .map { root + "/projects/" + $0 }
    }

    func run(_ args: [String], _ extra: [String: String] = [:]) throws -> (code: Int32, out: String, err: String) {
        try runCLI(args, env: env.merging(extra) { $1 })
    }

    @Test("a report after transcripts are deleted equals the one before; --no-archive reads only what is left")
    func deletedTranscripts() throws {
        let reports = [["daily", "--json"], ["session", "--json"], ["monthly"], ["blocks", "--json"]]
        let before = try reports.map { try run($0 + ["--offline"]) }
        #expect(before.allSatisfy { $0.code == 0 && !$0.err.contains("archive") })
        let files = try transcripts()
        #expect(files.count >= 2)
        for (k, path) in files.enumerated() where k % 2 == 0 { try FileManager.default.removeItem(atPath: path) }
        for (report, first) in zip(reports, before) {
            #expect(try run(report + ["--offline"]).out == first.out)
            #expect(try run(report + ["--offline", "--no-cache"]).out == first.out)
        }
        let bare = try run(["daily", "--json", "--offline", "--no-archive"])
        #expect(bare.out != before[0].out)
        #expect(try run(["daily", "--json", "--offline"], ["CCUSAGE_NO_ARCHIVE": "1"]).out == bare.out)

        let status = try run(["archive", "status"])
        #expect(status.code == 0)
        #expect(status.out.contains("Archive: \(root)/archive.sqlite"))
        #expect(status.out.contains("Only in the archive (transcript gone):"))
        #expect(!status.out.contains("Only in the archive (transcript gone): 0 events"))
    }

    @Test("export, import on a fresh machine (no transcripts), and importing twice")
    func exportImport() throws {
        let report = try run(["daily", "--json", "--offline"])
        let export = try run(["archive", "export"])
        #expect(export.code == 0)
        let lines = export.out.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("{\"source\":\"claude\"") })
        let csv = try run(["archive", "export", "--format", "csv", "--since", "20250101"])
        #expect(csv.out.split(separator: "\n").count == lines.count + 1)
        let file = root + "/export.jsonl"
        try export.out.write(toFile: file, atomically: true, encoding: .utf8)

        let fresh = ["CLAUDE_CONFIG_DIR": root + "/nowhere", "CCUSAGE_ARCHIVE": root + "/fresh.sqlite",
                     "XDG_CACHE_HOME": root + "/fresh-cache"]
        let first = try run(["archive", "import", file], fresh)
        #expect(first.code == 0 && first.out.contains("\(lines.count) added or improved"))
        let again = try run(["archive", "import", file], fresh)
        #expect(again.out.contains("0 added or improved"))
        #expect(try run(["daily", "--json", "--offline"], fresh).out == report.out)
    }

    @Test("a damaged archive is one warning line; the report still comes from the transcripts")
    func damagedArchive() throws {
        let bare = try run(["daily", "--json", "--offline", "--no-archive"])
        let path = root + "/damaged.sqlite"
        let junk = String(repeating: "not a database ", count: 300)
        try junk.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["daily", "--json", "--offline"], ["CCUSAGE_ARCHIVE": path])
        #expect(result.code == 0)
        #expect(result.out == bare.out)
        #expect(result.err.split(separator: "\n").filter { $0.contains("archive") }.count == 1)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == junk)
        let status = try run(["archive", "status"], ["CCUSAGE_ARCHIVE": path])
        #expect(status.code == 1 && status.err.contains("left untouched"))
    }

    #if os(Linux)
    @Test("a first archive that cannot be written (in the background) is one warning after the report, and no report is cached")
    func firstArchiveFails() throws {
        let bare = try run(["daily", "--json", "--offline", "--no-archive"])
        let path = "/proc/ccusage-no-such-folder/archive.sqlite"   // no folder can be made there
        for _ in 0..<2 {
            let result = try run(["daily", "--json", "--offline"], ["CCUSAGE_ARCHIVE": path])
            #expect(result.code == 0)
            #expect(result.out == bare.out)
            #expect(result.err.split(separator: "\n").filter { $0.hasPrefix("warning: archive \(path): ") }.count == 1)
        }
        #expect(try run(["daily", "--json", "--offline"], ["CCUSAGE_ARCHIVE": path, "LOG_LEVEL": "0"]).err.isEmpty)
    }
    #endif

    @Test("prune removes what is before the day and says so")
    func prune() throws {
        _ = try run(["daily", "--offline"])
        let result = try run(["archive", "prune", "--before", "20990101"])
        #expect(result.code == 0)
        #expect(result.out.hasPrefix("Removed ") && !result.out.hasPrefix("Removed 0 events"))
        #expect(try run(["archive", "export"]).out.isEmpty)
        let missing = try run(["archive", "prune"])
        #expect(missing.code != 0)
    }

    @Test("runs killed with SIGKILL at moments spread over the archive write leave a sound archive; the next run completes it")
    func killedRuns() throws {
        let tree = root + "/generated"
        _ = try FixtureGenerator.generate(into: tree, spec: FixtureSpec(seed: 5, targetBytes: 12_000_000))
        let local = ["CLAUDE_CONFIG_DIR": tree, "XDG_CACHE_HOME": root + "/kill-cache"]
        let expected = try run(["daily", "--json", "--offline", "--no-archive", "--no-cache"], local)
        let whole = local.merging(["CCUSAGE_ARCHIVE": root + "/whole.sqlite"]) { $1 }
        _ = try run(["daily", "--json", "--offline", "--no-cache"], whole)
        let reference = try run(["archive", "export"], whole).out
        #expect(!reference.isEmpty)
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var path = binary.appendingPathComponent("ccusage").path
        if !FileManager.default.fileExists(atPath: path) {
            path = binary.deletingLastPathComponent().appendingPathComponent("ccusage").path
        }
        for (k, delay) in [0, 2_000, 5_000, 10_000, 20_000, 40_000].enumerated() {
            let archive = root + "/killed-\(k).sqlite"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["daily", "--json", "--offline", "--no-cache"]
            process.environment = ["HOME": "/nonexistent-home", "TZ": "UTC", "CCUSAGE_ARCHIVE": archive]
                .merging(local) { $1 }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // A first archive is built in a side file named after the process, then linked into place.
            let side = archive + ".new-\(process.processIdentifier)"
            while process.isRunning, access(archive, F_OK) != 0, access(side, F_OK) != 0 { usleep(200) }
            usleep(useconds_t(delay))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let placed = access(archive, F_OK) == 0
            if placed {
                let check = Process()
                check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                check.arguments = ["sqlite3", archive, "pragma integrity_check"]
                let out = Pipe()
                check.standardOutput = out
                try check.run()
                let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                check.waitUntilExit()
                #expect(text == "ok\n", "after a kill \(delay) µs into the write")
            }
            let next = try run(["daily", "--json", "--offline", "--no-cache"], local.merging(["CCUSAGE_ARCHIVE": archive]) { $1 })
            #expect(next.out == expected.out && !next.err.contains("archive"))
            // Killed before its archive was in place: the next run built one and removed the side file.
            #expect(placed || access(side, F_OK) != 0)
            // Every event is stored now: the same export as an archive written in one go.
            let events = try run(["archive", "export"], local.merging(["CCUSAGE_ARCHIVE": archive]) { $1 }).out
            #expect(events == reference)
        }
    }
}
