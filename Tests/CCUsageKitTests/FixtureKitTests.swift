import Foundation
import Testing
@testable import FixtureKit

/// A fresh directory under the system temp dir, removed when `body` returns.
private func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("fixturekit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
}

/// Relative path → contents of every file under `root`, sorted by path.
private func treeContents(_ root: String) throws -> [(String, Data)] {
    let fm = FileManager.default
    guard let walker = fm.enumerator(atPath: root) else { return [] }
    var paths: [String] = []
    while let path = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
            paths.append(path)
        }
    }
    return try paths.sorted().map { ($0, try Data(contentsOf: URL(fileURLWithPath: root + "/" + $0))) }
}

private func jsonlFiles(_ root: String) throws -> [(String, Data)] {
    try treeContents(root).filter { $0.0.hasSuffix(".jsonl") }
}

private func lines(of data: Data) -> [Data] {
    data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast().map { Data($0) }
}

@Suite("FixtureKit")
struct FixtureKitTests {
    let small = FixtureSpec(seed: 7, targetBytes: 400_000, days: 10)

    @Test("the same seed writes byte-identical trees")
    func sameSeedSameBytes() throws {
        let (a, b) = try withTemporaryDirectory { root in
            _ = try FixtureGenerator.generate(into: root + "/a", spec: small)
            _ = try FixtureGenerator.generate(into: root + "/b", spec: small)
            return (try treeContents(root + "/a"), try treeContents(root + "/b"))
        }
        #expect(a.count > 1)
        #expect(a.map(\.0) == b.map(\.0))
        #expect(a.map(\.1) == b.map(\.1))
    }

    @Test("different seeds write different trees")
    func differentSeedsDiffer() throws {
        var other = small
        other.seed = 8
        let (a, b) = try withTemporaryDirectory { root in
            _ = try FixtureGenerator.generate(into: root + "/a", spec: small)
            _ = try FixtureGenerator.generate(into: root + "/b", spec: other)
            return (try jsonlFiles(root + "/a"), try jsonlFiles(root + "/b"))
        }
        #expect(a.map(\.0) != b.map(\.0))
        #expect(a.map(\.1) != b.map(\.1))
    }

    @Test("the summary matches the files on disk and expected.json")
    func summaryMatchesDisk() throws {
        try withTemporaryDirectory { root in
            let summary = try FixtureGenerator.generate(into: root, spec: small)
            let files = try jsonlFiles(root)
            #expect(summary.files == files.count)
            #expect(summary.bytes == files.reduce(Int64(0)) { $0 + Int64($1.1.count) })
            #expect(summary.bytes >= small.targetBytes)
            #expect(summary.lines == files.reduce(0) { $0 + lines(of: $1.1).count })
            #expect(files.allSatisfy { $0.0.hasPrefix("projects/-Users-dev-code-") })
            let stored = try JSONDecoder().decode(FixtureSummary.self,
                                                  from: Data(contentsOf: URL(fileURLWithPath: root + "/expected.json")))
            #expect(stored == summary)
        }
    }

    @Test("sessions get sub-agent transcripts")
    func hasSubagentFiles() throws {
        try withTemporaryDirectory { root in
            let summary = try FixtureGenerator.generate(into: root, spec: FixtureSpec(seed: 3, targetBytes: 1_500_000))
            let subagents = try jsonlFiles(root).filter { $0.0.contains("/subagents/agent-") }
            #expect(summary.subagentFiles > 0)
            #expect(subagents.count == summary.subagentFiles)
            for (_, data) in subagents {
                #expect(String(decoding: data, as: UTF8.self).contains("\"isSidechain\":true"))
            }
        }
    }

    @Test("expected totals are positive")
    func expectedTotalsArePositive() throws {
        try withTemporaryDirectory { root in
            let s = try FixtureGenerator.generate(into: root, spec: small)
            #expect(s.expected.inputTokens > 0)
            #expect(s.expected.outputTokens > 0)
            #expect(s.expected.cacheCreationTokens > 0)
            #expect(s.expected.cacheReadTokens > 0)
            #expect(s.uniqueRequests > 0)
            #expect(s.usageLines > s.uniqueRequests)   // streaming lines and copies repeat requests
            #expect(s.byModel.reduce(0) { $0 + $1.requests } == s.uniqueRequests)
        }
    }

    @Test("a high malformed rate writes truncated lines, and only those fail to parse")
    func malformedLines() throws {
        var spec = small
        spec.malformedRate = 0.2
        try withTemporaryDirectory { root in
            let summary = try FixtureGenerator.generate(into: root, spec: spec)
            #expect(summary.malformedLines > 0)
            var invalid = 0
            for (_, data) in try jsonlFiles(root) {
                for line in lines(of: data) where (try? JSONSerialization.jsonObject(with: line)) == nil { invalid += 1 }
            }
            #expect(invalid == summary.malformedLines)
        }
    }

    /// An independent, slow reference: parse every line, dedupe on (message.id, requestId) keeping the
    /// largest total, and compare with `expected`.
    @Test("expected equals a reference deduplication of the written lines")
    func expectedMatchesReference() throws {
        var spec = FixtureSpec(seed: 11, targetBytes: 1_200_000, malformedRate: 0.01)
        spec.days = 5
        try withTemporaryDirectory { root in
            let summary = try FixtureGenerator.generate(into: root, spec: spec)
            var best: [String: [Int]] = [:]
            var usageLines = 0, requestless = 0
            // A copy without requestId stands for its message's first copy with one (00-decisions 22).
            var firstRequest: [String: String] = [:]
            var parsed: [(id: String, request: String?, tokens: [Int])] = []
            for (_, data) in try jsonlFiles(root) {
                for line in lines(of: data) {
                    guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
                    var message = object["message"] as? [String: Any]
                    var requestID = object["requestId"] as? String
                    if message?["usage"] == nil,
                       let wrapper = (object["data"] as? [String: Any])?["message"] as? [String: Any] {
                        message = wrapper["message"] as? [String: Any]
                        requestID = wrapper["requestId"] as? String
                    }
                    guard let message, let usage = message["usage"] as? [String: Any],
                          let id = message["id"] as? String else { continue }
                    usageLines += 1
                    let tokens = ["input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"]
                        .map { usage[$0] as? Int ?? 0 }
                    if let requestID, firstRequest[id] == nil { firstRequest[id] = requestID }
                    parsed.append((id, requestID, tokens))
                }
            }
            for (id, requestID, tokens) in parsed {
                if requestID == nil, firstRequest[id] != nil { requestless += 1 }
                let key = id + "|" + (requestID ?? firstRequest[id] ?? "-")
                if let old = best[key], old.reduce(0, +) >= tokens.reduce(0, +) { continue }
                best[key] = tokens
            }
            #expect(requestless > 0)   // the tree has rewritten history
            let sums = (0..<4).map { i in best.values.reduce(Int64(0)) { $0 + Int64($1[i]) } }
            #expect(usageLines == summary.usageLines)
            #expect(best.count == summary.uniqueRequests)
            #expect(sums == [summary.expected.inputTokens, summary.expected.outputTokens,
                             summary.expected.cacheCreationTokens, summary.expected.cacheReadTokens])
        }
    }

    @Test("an invalid spec is rejected", arguments: [
        FixtureSpec(targetBytes: 0), FixtureSpec(startDate: "2025-02-30"), FixtureSpec(startDate: "June 1"),
        FixtureSpec(days: 0), FixtureSpec(malformedRate: 1.5),
    ])
    func invalidSpec(spec: FixtureSpec) throws {
        #expect(throws: FixtureError.self) {
            try withTemporaryDirectory { root in _ = try FixtureGenerator.generate(into: root, spec: spec) }
        }
    }

    @Test("timestamps and ids are formatted like Claude Code's")
    func formatting() {
        var b = ByteBuffer()
        b.timestampBody(daysFromCivil(2025, 6, 1) * 86_400_000 + 3_723_004)
        #expect(String(decoding: b.bytes, as: UTF8.self) == "2025-06-01T01:02:03.004Z")
        b.reset()
        b.decimal(1_234, scale: 6)
        #expect(String(decoding: b.bytes, as: UTF8.self) == "0.001234")
        b.reset()
        var rng = SplitMix64(seed: 1)
        b.uuid(ID128(&rng))
        let uuid = String(decoding: b.bytes, as: UTF8.self)
        #expect(uuid.count == 36 && UUID(uuidString: uuid) != nil)
    }
}
