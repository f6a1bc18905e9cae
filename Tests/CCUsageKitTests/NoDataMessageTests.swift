import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct NoDataMessageTests {
    let usage: LoadedUsage

    init() throws {
        let lines = ["2025-10-01T10:00:00Z", "2025-12-30T23:30:00Z"].enumerated().map { i, time in
            #"{"type":"assistant","sessionId":"s","timestamp":"\#(time)","message":{"id":"m\#(i)","model":"claude-sonnet-4-20250514","usage":{"input_tokens":1,"output_tokens":1}}}"#
        }
        let root = try makeDataTree(["p/s.jsonl": Array((lines.joined(separator: "\n") + "\n").utf8)], prefix: "ccusage-empty")
        defer { removeTemporary(root) }
        usage = try UsageLoader.load(LoadOptions(), testEnvironment(configDir: root))
    }

    func day(_ text: String) -> CalendarDay? { CalendarDay(text) }

    @Test func namesTheFilterAndWhereTheDataIs() throws {
        let utc = try #require(ReportZone(identifier: "UTC"))
        let range = DateRange(since: day("2026-01-01"), until: day("2026-01-31"))
        #expect(NoDataMessage(range: range).text(usage, zone: utc)
                == "No Claude usage data between 2026-01-01 and 2026-01-31 (data exists from 2025-10-01 to 2025-12-30).\n")
        #expect(NoDataMessage(range: DateRange(until: day("2025-09-01")), project: "api").text(usage, zone: utc)
                == "No Claude usage data for project api until 2025-09-01 (data exists from 2025-10-01 to 2025-12-30).\n")
        #expect(NoDataMessage(subject: .sessions, range: DateRange(since: day("2026-02-01"))).text(usage, zone: utc)
                == "No session last active since 2026-02-01 (data exists from 2025-10-01 to 2025-12-30).\n")
        #expect(NoDataMessage(subject: .blocks, recentDays: 3).text(usage, zone: utc)
                == "No billing block in the last 3 days (data exists from 2025-10-01 to 2025-12-30).\n")
        // The dates are report days: in Tokyo the last entry falls on 2025-12-31.
        let tokyo = try #require(ReportZone(identifier: "Asia/Tokyo"))
        #expect(NoDataMessage(range: DateRange(since: day("2026-01-01"), until: day("2026-01-01"))).text(usage, zone: tokyo)
                == "No Claude usage data on 2026-01-01 (data exists from 2025-10-01 to 2025-12-31).\n")
    }

    @Test func withoutAFilterOrWithoutDataItSaysNoneWasFound() throws {
        let utc = try #require(ReportZone(identifier: "UTC"))
        #expect(NoDataMessage().text(usage, zone: utc) == "No Claude usage data found.\n")
        #expect(NoDataMessage(range: DateRange(since: day("2030-01-01"))).text(LoadedUsage(), zone: utc)
                == "No Claude usage data found.\n")
        #expect(NoDataMessage(project: "api").text(LoadedUsage(), zone: utc) == "No Claude usage data found for project api.\n")
    }
}
