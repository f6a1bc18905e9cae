import CCUsageKit
import Foundation
import Testing
@testable import CCUsageTeam

@Suite("Team database") struct TeamTests {
    @Test func urlsGiveTargetsWithoutShowingThePassword() throws {
        let target = try TeamTarget.resolve(url: "postgres://sync%40x:p%3Ass@db.example:6543/usage?sslmode=verify-full",
                                            env: [:], home: "/nonexistent")
        #expect(target.user == "sync@x")
        #expect(target.password == "p:ss")
        #expect(target.host == "db.example" && target.port == 6543 && target.database == "usage")
        #expect(target.sslMode == "verify-full")
        #expect(!target.label.contains("p:ss"))
        let defaults = try TeamTarget.resolve(url: "postgres://", env: ["PGHOST": "h", "PGPORT": "7", "PGUSER": "u",
                                                                       "PGPASSWORD": "pw", "PGSSLMODE": "require"],
                                              home: "/nonexistent")
        #expect(defaults.host == "h" && defaults.port == 7 && defaults.user == "u" && defaults.database == "u")
        #expect(defaults.password == "pw" && defaults.sslMode == "require")
        #expect(throws: TeamError.self) { try TeamTarget.resolve(url: "mysql://x", env: [:], home: "/") }
        #expect(throws: TeamError.self) { try TeamTarget.resolve(url: "postgres://h/d?sslmode=maybe", env: [:], home: "/") }
    }

    @Test func pgpassMatchesLikeLibpqAndIgnoresAnOpenFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("pgpass").path
        try "# comment\nother:5432:*:*:nope\ndb.example:*:usage:sync:se\\:cret\n".write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o600)
        let target = try TeamTarget.resolve(url: "postgres://sync@db.example/usage", env: ["PGPASSFILE": path], home: "/")
        #expect(target.password == "se:cret")
        chmod(path, 0o644)
        let open = try TeamTarget.resolve(url: "postgres://sync@db.example/usage", env: ["PGPASSFILE": path], home: "/")
        #expect(open.password == nil)
    }

    @Test func aBetterCopyWinsInsideOneSync() {
        func event(_ output: Int, sidechain: Bool = false) -> TeamEvent {
            TeamEvent(source: "claude", key: "k", time: 0, sessionID: "s", project: "p", projectPath: "p", model: "m",
                      fast: false, sidechain: sidechain, version: nil, tokens: .init(input: 1, output: output),
                      costAuto: 0, costCalculate: 0, costDisplay: 0)
        }
        #expect(TeamSync.bestCopies([event(5), event(50), event(20)]).map(\.tokens.output) == [50])
        #expect(TeamSync.bestCopies([event(50, sidechain: true), event(5)]).map(\.tokens.output) == [5])
    }

    /// The slot runs a team report groups rollup rows by give every 15-minute slot the day the CLI gives its
    /// instants, in half-hour and 45-minute zones, across DST changes (also half-hour ones and one at midnight).
    @Test(arguments: ["UTC", "Asia/Kolkata", "Asia/Kathmandu", "America/Los_Angeles", "Australia/Lord_Howe",
                      "America/Santiago", "Asia/Tokyo", "Pacific/Chatham"])
    func slotRunsFollowTheReportZone(_ name: String) throws {
        let zone = try #require(ReportZone(identifier: name))
        // 2024-12-30 to 2026-01-02 in slots, starting and ending mid-day.
        let first: Int64 = 20_087 * 96 + 37, last: Int64 = 20_455 * 96 + 50
        let days = SlotDays(zone: zone, slots: first...last)
        #expect(days.starts.first == Int32(first))
        #expect(days.starts == days.starts.sorted())
        var run = 0
        for slot in first...last {
            while run + 1 < days.starts.count, Int64(days.starts[run + 1]) <= slot { run += 1 }
            let expected = zone.day(ofMillis: slot * 900_000)
            #expect(days.day(ofBucket: Int32(run + 1)) == expected, "\(name) slot \(slot)")
            // The last instant of the slot is on the same day (no zone changes inside a slot).
            #expect(zone.day(ofMillis: slot * 900_000 + 899_999) == expected, "\(name) slot \(slot) end")
            if days.day(ofBucket: Int32(run + 1)) != expected { return }
        }
        #expect(days.day(ofBucket: 0) == nil)
        // About one run a day: a day is never split into two runs.
        #expect(Set(days.days).count == days.days.count)
    }

    /// Tests/team/team_check.py against a throwaway PostgreSQL server (Scripts/install-deps installs it):
    /// two machines with overlapping transcripts synced, team reports equal to the local union, a second
    /// sync changes nothing, a server killed mid-sync and the sync resumed, wrong password and schema messages,
    /// the README's least-privilege roles.
    @Test func syncAndTeamReportsOnARealServer() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("team/team_check.py").path
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let server = versions.contains { FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }
        let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].contains { FileManager.default.isExecutableFile(atPath: $0) }
        guard server, psql else {
            Issue.record("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb or no psql): run Scripts/install-deps, which installs Debian's postgresql and postgresql-client.")
            return
        }
        try expectScriptAgrees(script)
    }
}
