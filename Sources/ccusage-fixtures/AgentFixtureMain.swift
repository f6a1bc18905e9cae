import FixtureKit
import Foundation

/// `ccusage-fixtures --agent NAME --out DIR`: one agent's generated home under `DIR/NAME` (see
/// `AgentFixtureGenerator`), then its expected totals on stdout.
func runAgentFixture(_ agent: String, out: String, spec: FixtureSpec) -> Never {
    let root = (out as NSString).standardizingPath
    if FileManager.default.fileExists(atPath: root + "/" + agent) {
        fail("\(root)/\(agent) exists; remove it or choose another --out.", code: 1)
    }
    do {
        let s = try AgentFixtureGenerator.generate(agent: agent, into: root, targetBytes: spec.targetBytes, seed: spec.seed,
                                                   days: spec.days)
        print("Wrote \(s.dataRoot)")
        print("  files \(s.files), bytes \(s.bytes), entries \(s.entries)")
        print("  input \(s.input), output \(s.output), cache write \(s.cacheCreation), cache read \(s.cacheRead), extra \(s.extra)")
        exit(0)
    } catch let error as FixtureError {
        if case .invalidSpec = error { fail(error.description, code: 64) }
        fail(error.description, code: 1)
    } catch {
        fail("\(error)", code: 1)
    }
}

/// `ccusage-fixtures --agent codex --out DIR`: a Codex home at `DIR/codex` (see `CodexFixtureGenerator`), its
/// expected daily totals in `DIR/expected-codex.json` and on stdout.
func runCodexFixture(out: String, spec: FixtureSpec) -> Never {
    let root = (out as NSString).standardizingPath
    if FileManager.default.fileExists(atPath: root + "/codex") {
        fail("\(root)/codex exists; remove it or choose another --out.", code: 1)
    }
    do {
        let s = try CodexFixtureGenerator.generate(into: root, targetBytes: spec.targetBytes, seed: spec.seed,
                                                   start: spec.startMilliseconds ?? 1_767_225_600_000, days: spec.days)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(s).write(to: URL(fileURLWithPath: root + "/expected-codex.json"))
        print("Wrote \(s.home); use CODEX_HOME=\(s.home)")
        print("  files \(s.files) (\(s.archivedFiles) archived, \(s.subagentFiles) sub-agent, \(s.forkFiles) forks), bytes \(s.bytes)")
        print("  events \(s.events): input \(s.input), cached \(s.cached), output \(s.output), reasoning \(s.reasoning), total \(s.total)")
        exit(0)
    } catch {
        fail("\(error)", code: 1)
    }
}
