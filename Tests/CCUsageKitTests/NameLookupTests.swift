import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct NameLookupTests {
    let projects = ["-Users-dev-code-api", "-Users-dev-code-web", "-Users-ann-work-web", "C--src-tool"]

    @Test("a project by its folder name or the name --instances shows", arguments: [
        ("-Users-dev-code-api", Lookup.found("-Users-dev-code-api")),
        ("api", .found("-Users-dev-code-api")),
        ("API", .found("-Users-dev-code-api")),
        ("-users-dev-code-api", .found("-Users-dev-code-api")),
        ("src-tool", .found("C--src-tool")),   // a Windows folder name
        ("web", .ambiguous(["-Users-ann-work-web", "-Users-dev-code-web"])),
        ("-Users-dev-code-web", .found("-Users-dev-code-web")),
    ])
    func projects(_ query: String, _ expected: Lookup) {
        #expect(NameLookup.project(query, among: projects) == expected)
    }

    @Test func aProjectAliasIsAName() {
        #expect(NameLookup.project("Backend", among: projects, aliases: ["-Users-dev-code-api": "Backend"])
                == .found("-Users-dev-code-api"))
        #expect(NameLookup.project("nothing", among: projects) == .notFound(close: []))
        #expect(NameLookup.project("-Users-dev-code-apj", among: projects) == .notFound(close: ["-Users-dev-code-api", "-Users-dev-code-web"]))
    }

    let sessions = ["806dbd23-6cff-4530-9713-b1d18013beb8", "806dbd23-0000-4530-9713-aaaaaaaaaaaa",
                    "cca73d48-a7db-4851-a4eb-f72f379cdb2d"]

    @Test("a session by its id, or a unique prefix or suffix of it", arguments: [
        ("806dbd23-6cff-4530-9713-b1d18013beb8", Lookup.found("806dbd23-6cff-4530-9713-b1d18013beb8")),
        ("9713-b1d18013beb8", .found("806dbd23-6cff-4530-9713-b1d18013beb8")),   // what the table shows
        ("B1D18013BEB8", .found("806dbd23-6cff-4530-9713-b1d18013beb8")),
        ("cca73d48", .found("cca73d48-a7db-4851-a4eb-f72f379cdb2d")),
        ("806dbd23", .ambiguous(["806dbd23-0000-4530-9713-aaaaaaaaaaaa", "806dbd23-6cff-4530-9713-b1d18013beb8"])),
        ("9713-b1d18013bXb8", .notFound(close: ["806dbd23-6cff-4530-9713-b1d18013beb8"])),
        ("zzzz", .notFound(close: [])),
        ("", .notFound(close: [])),
    ])
    func sessions(_ query: String, _ expected: Lookup) {
        #expect(NameLookup.session(query, among: sessions) == expected)
    }

    @Test func editDistance() {
        func d(_ a: String, _ b: String, cap: Int = 10) -> Int { NameLookup.distance(Array(a.utf8), Array(b.utf8), cap: cap) }
        #expect(d("kitten", "sitting") == 3)
        #expect(d("", "abc") == 3 && d("abc", "") == 3 && d("same", "same") == 0)
        #expect(d("kitten", "sitting", cap: 2) == 2)
    }

    @Test func sessionIDsAreTheFileSessionsAndTheRecordedOnes() throws {
        let line = #"{"type":"assistant","sessionId":"recorded-id","timestamp":"2025-07-20T10:00:00Z","message":{"id":"m1","model":"claude-sonnet-4-20250514","usage":{"input_tokens":1,"output_tokens":1}}}"#
        let root = try makeDataTree(["p/file-id.jsonl": Array((line + "\n").utf8)], prefix: "ccusage-ids")
        defer { removeTemporary(root) }
        let usage = try UsageLoader.load(LoadOptions(), testEnvironment(configDir: root))
        #expect(SessionDetail.ids(in: usage) == ["file-id", "recorded-id"])
        #expect(Discovery.projectFolders(in: [root]) == ["p"])
    }
}
