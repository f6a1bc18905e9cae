import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct StatuslineHookTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String, session: String, modelID: String, display: String, cost: Double, input: Int
        var testDescription: String { file }
    }

    @Test("every real hook payload parses into the typed struct", arguments: [
        Expected(file: "statusline-test-opus4.json", session: "test-session-opus4", modelID: "claude-opus-4-1-20250805",
                 display: "Opus 4.1", cost: 0.0892, input: 85000),
        Expected(file: "statusline-test-sonnet4.json", session: "test-session-sonnet4", modelID: "claude-sonnet-4-20250514",
                 display: "Sonnet 4", cost: 0.0245, input: 35000),
        Expected(file: "statusline-test-sonnet41.json", session: "test-session-sonnet41", modelID: "claude-sonnet-4-1-20250805",
                 display: "Sonnet 4.1", cost: 0.0356, input: 52000),
        Expected(file: "statusline-test.json", session: "73cc9f9a-2775-4418-beec-bc36b62a1c6f", modelID: "claude-sonnet-4-20250514",
                 display: "Sonnet 4", cost: 0.056266149999999994, input: 42500),
    ])
    func parsesFixture(_ e: Expected) throws {
        let h = try fixtureHook(e.file)
        #expect(h.sessionID == e.session)
        #expect(h.model == StatuslineHook.Model(id: e.modelID, displayName: e.display))
        #expect(h.cost?.totalCostUSD == e.cost)
        #expect(h.contextWindow?.totalInputTokens == e.input)
        #expect(h.contextWindow?.contextWindowSize == 200_000)
        #expect(h.version == "1.0.88")
        #expect(h.workspace?.currentDir == h.cwd)
        #expect(h.cost?.totalLinesAdded == 0)
        if e.file == "statusline-test.json" {
            #expect(h.transcriptPath.hasSuffix("/73cc9f9a-2775-4418-beec-bc36b62a1c6f.jsonl"))
            #expect(h.cost?.totalDurationMs == 164055)
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedStatuslineFixtures)))
    func embeddedFixturesMatchTheSharedFiles() throws {
        for (name, text) in statuslineFixtures {
            let shared = try String(contentsOfFile: sharedStatuslineFixtures + "/" + name, encoding: .utf8)
            #expect(shared == text, "\(name) differs from shared/fixtures/statusline")
        }
    }

    @Test func onlySessionTranscriptAndDisplayNameAreRequired() throws {
        let h = try StatuslineHook.parse(Array(#"{"session_id":"s","transcript_path":"/t.jsonl","model":{"display_name":"Opus"},"new_field":[1,{"x":null}],"cost":null}"#.utf8))
        #expect(h == StatuslineHook(sessionID: "s", transcriptPath: "/t.jsonl", model: .init(displayName: "Opus")))
    }

    @Test("empty and whitespace-only input is 'No input provided'", arguments: ["", " \n\t\r\n"])
    func emptyInput(_ text: String) {
        #expect(throws: StatuslineInputError.empty) { try StatuslineHook.parse(Array(text.utf8)) }
        #expect(StatuslineInputError.empty.description == "❌ No input provided")
    }

    @Test("bad input is 'Invalid input format' with the reason", arguments: [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (#"{"transcript_path":"t","model":{"display_name":"M"}}"#, "missing required field 'session_id'"),
        (#"{"session_id":"s","transcript_path":"t","model":{"id":"x"}}"#, "missing required field 'model.display_name'"),
        (#"{"session_id":"s","transcript_path":"t","model":{"display_name":null}}"#, "'model.display_name' must be a string, not null"),
        (#"{"session_id":42,"transcript_path":"t","model":{"display_name":"M"}}"#, "'session_id' must be a string"),
        (#"{"session_id":"s","transcript_path":"t","model":{"display_name":"M"},"cost":{"total_cost_usd":"1"}}"#,
         "'cost.total_cost_usd' must be a number"),
    ])
    func invalidInput(_ text: String, _ reason: String) {
        do {
            _ = try StatuslineHook.parse(Array(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.hasPrefix("❌ Invalid input format: "))
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }
}
