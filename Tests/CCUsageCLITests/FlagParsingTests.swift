import ArgumentParser
import CCUsageKit
import Foundation
import Testing
@testable import CCUsageCLI

/// Flags are parsed in-process: what each command hands to `RequestResolver`, its titled help sections, and
/// the values the parser refuses (with the message the user sees).
@Suite struct FlagParsingTests {
    @Test func everySharedOptionReachesTheRequestFlags() throws {
        let daily = try Daily.parse([
            "-s", "20250701", "-u", "2025-07-31", "-z", "Asia/Tokyo", "-o", "desc", "-j", "-q", ".totals", "-b",
            "--compact", "--no-cost", "--no-color", "-m", "calculate", "--no-offline", "--no-cache", "--no-archive",
            "-d", "--debug-samples", "7", "--single-thread", "--config", "c.json", "-i", "-p", "api",
        ])
        var expected = RequestFlags()
        expected.since = CalendarDay("20250701"); expected.until = CalendarDay("20250731")
        expected.timezone = "Asia/Tokyo"; expected.order = .desc
        expected.json = true; expected.jq = ".totals"; expected.breakdown = true; expected.compact = true
        expected.noCost = true; expected.color = false; expected.mode = .calculate; expected.offline = false
        expected.noCache = true; expected.noArchive = true; expected.debug = true; expected.debugSamples = 7
        expected.singleThread = true; expected.config = "c.json"
        #expect(daily.flags.request == expected)
        #expect(daily.projects.instances && daily.projects.project == "api")
        #expect(try Daily.parse([]).flags.request == RequestFlags())
    }

    @Test("each report command takes the same groups", arguments: ["daily", "weekly", "monthly", "session", "blocks"])
    func titledHelpSections(_ command: String) throws {
        let types: [String: ParsableCommand.Type] = ["daily": Daily.self, "weekly": Weekly.self, "monthly": Monthly.self,
                                                     "session": Session.self, "blocks": Blocks.self]
        let help = CCUsageCommand.helpMessage(for: try #require(types[command]), columns: 200)
        for title in ["FILTERS:", "OUTPUT:", "PRICING:", "CACHING:", "DIAGNOSTICS:"] {
            #expect(help.contains(title), "\(command) --help lacks \(title)")
        }
        // Each option is listed once.
        let declared = help.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("-") }.map { $0.split(separator: " ").prefix(2).map { $0.trimmingCharacters(in: [","]) } }
        for flag in ["--since", "--json", "--offline/--no-offline", "--no-cache", "--debug", "--config"] {
            #expect(declared.filter { $0.contains(flag) }.count == 1, "\(flag) in \(command) --help: \(declared)")
        }
        #expect(help.contains("PROJECTS:") == ["daily", "weekly", "monthly"].contains(command))
    }

    @Test func commandFlagsReachTheirCommands() throws {
        #expect(try Weekly.parse(["-w", "friday"]).startOfWeek == .friday)
        #expect(try Session.parse(["--id", "abc"]).id == "abc")
        let blocks = try Blocks.parse(["-a", "-r", "-t", "max", "-n", "2.5"])
        #expect(blocks.active && blocks.recent && blocks.tokenLimit == "max" && blocks.sessionLength == 2.5)
        #expect(try Daily.parse(["--project-aliases", "a=A"]).projectAliases == "a=A")
    }

    @Test("values the parser refuses", arguments: [
        (["daily", "--since", "2025-13-01"], "Date must be in YYYYMMDD format (or YYYY-MM-DD), got '2025-13-01'."),
        (["daily", "--mode", "cheap"], "The value 'cheap' is invalid for '--mode <mode>'"),
        (["daily", "--since", "20250802", "--until", "20250801"], "--since 2025-08-02 is after --until 2025-08-01."),
        (["monthly", "--debug-samples=-1"], "--debug-samples must be 0 or more."),
        (["blocks", "--token-limit", "lots"], "--token-limit must be a whole number or 'max', got 'lots'."),
        (["blocks", "--session-length", "0"], "Session length must be a positive number."),
        (["weekly", "--start-of-week", "funday"], "The value 'funday' is invalid for '--start-of-week <start-of-week>'"),
    ])
    func refused(_ args: [String], _ message: String) {
        do {
            _ = try CCUsageCommand.parseAsRoot(args)
            Issue.record("\(args) parsed")
        } catch {
            let text = CCUsageCommand.fullMessage(for: error)
            #expect(text.contains(message), "\(text)")
            #expect(CCUsageCommand.exitCode(for: error) != .success)
        }
    }
}
