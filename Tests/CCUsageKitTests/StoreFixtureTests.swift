import CCUsageTestSupport
import FixtureKit
import Foundation
import Testing
@testable import CCUsageKit

/// Each store agent reads exactly what the generator says it wrote, and leaves the generated home unchanged.
@Suite struct StoreFixtureTests {
    @Test(arguments: StoreFixtures.agents)
    func generatedHomeReadsBackExactly(agent: String) throws {
        let root = try makeTemporaryDirectory("store-fixture"); defer { removeTemporary(root) }
        let expected = try StoreFixtures.generate(agent: agent, into: root, bytes: 300_000, seed: 7)
        let again = try makeTemporaryDirectory("store-fixture"); defer { removeTemporary(again) }
        #expect(try StoreFixtures.generate(agent: agent, into: again, bytes: 300_000, seed: 7).totalTokens == expected.totalTokens)
        let source = try #require(AgentSources.named(agent))
        let home = StoreHome(existing: root)
        let before = home.snapshot()
        let load = source.load(AgentLoadRequest(env: home.env([expected.variable: expected.path]), mode: .display, prices: nil))
        #expect(home.snapshot() == before)
        #expect(load.issues.isEmpty)
        var sums = TokenCounts(), extra = 0
        for entry in load.entries { sums += entry.tokens; extra += entry.extra }
        #expect(load.entries.count == expected.entries)
        #expect(sums == TokenCounts(input: expected.inputTokens, output: expected.outputTokens,
                                    cacheCreation: expected.cacheCreationTokens, cacheRead: expected.cacheReadTokens))
        #expect(extra == expected.extraTokens)
    }
}
