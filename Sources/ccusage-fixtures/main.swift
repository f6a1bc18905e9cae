import FixtureKit
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let usage = """
    Usage: ccusage-fixtures --out DIR [--size SIZE] [--seed N] [--start YYYY-MM-DD] [--days N]
                            [--malformed-rate R] [--force] [--agent NAME]

    Writes a deterministic, realistic Claude Code data tree for tests and benchmarks:
      DIR/projects/<project>/<session>.jsonl
      DIR/projects/<project>/<session>/subagents/agent-<hex>.jsonl
      DIR/expected.json   (counts and deduplicated token totals)

    Options:
      --out DIR             where to write (created if missing)
      --size SIZE           total .jsonl bytes to write: 1G, 500M, 200K (binary units) or a plain
                            byte count (default 2M)
      --seed N              PRNG seed; the same options always give the same bytes (default 1)
      --start YYYY-MM-DD    first UTC day of the data (default 2025-06-01)
      --days N              number of days sessions are spread over (default 60)
      --malformed-rate R    share of lines preceded by a truncated copy, 0...1 (default 0.001)
      --force               replace DIR/projects if it holds an earlier generated tree
      --agent NAME          write another agent's home instead: DIR/codex/ (a Codex home: sessions/,
                            archived_sessions/, with DIR/expected-codex.json), DIR/NAME/… for gemini, qwen, kimi, copilot,
                            pi, openclaw or amp (expected totals on stdout), or for opencode, kilo, hermes,
                            goose, zcode, droid, codebuff or grok (with DIR/expected-NAME.json); uses --size,
                            --seed, --days
      -h, --help            show this help

    Use the tree with: CLAUDE_CONFIG_DIR=DIR ccusage daily

    """

struct UsageError: Error { var message: String }

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("ccusage-fixtures: \(message)\n".utf8))
    if code == 64 { FileHandle.standardError.write(Data("Run 'ccusage-fixtures --help' for usage.\n".utf8)) }
    exit(code)
}

/// `1G`, `500M`, `200K`, `1.5G`, `2MiB`, `123456` → bytes (binary multiples).
func parseSize(_ text: String) -> Int64? {
    var s = text.trimmingCharacters(in: .whitespaces).uppercased()
    for suffix in ["IB", "B"] where s.hasSuffix(suffix) && s.count > suffix.count {
        s.removeLast(suffix.count)
        break
    }
    var multiplier: Double = 1
    switch s.last {
    case "K": multiplier = 1024
    case "M": multiplier = 1024 * 1024
    case "G": multiplier = 1024 * 1024 * 1024
    case "T": multiplier = 1024 * 1024 * 1024 * 1024
    default: break
    }
    if multiplier != 1 { s.removeLast() }
    guard !s.isEmpty, s.allSatisfy({ $0.isNumber || $0 == "." }), let value = Double(s), value > 0 else { return nil }
    let bytes = value * multiplier
    guard bytes >= 1, bytes < 1e15 else { return nil }
    return Int64(bytes.rounded())
}

struct Options {
    var out: String?
    var spec = FixtureSpec()
    var force = false
    var agent: String?
}

func parse(_ arguments: [String]) throws -> Options {
    var options = Options()
    var i = 0
    func value(_ flag: String) throws -> String {
        guard i + 1 < arguments.count else { throw UsageError(message: "\(flag) needs a value.") }
        i += 1
        return arguments[i]
    }
    while i < arguments.count {
        var arg = arguments[i]
        var inline: String?
        if arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") {
            inline = String(arg[arg.index(after: eq)...])
            arg = String(arg[..<eq])
        }
        func next() throws -> String { try inline ?? value(arg) }
        switch arg {
        case "-h", "--help":
            print(usage, terminator: "")
            exit(0)
        case "--out", "-o":
            let v = try next()
            guard !v.isEmpty else { throw UsageError(message: "--out needs a directory.") }
            options.out = v
        case "--size":
            let v = try next()
            guard let bytes = parseSize(v) else {
                throw UsageError(message: "--size \"\(v)\" is not a size; use e.g. 1G, 500M, 200K or a byte count.")
            }
            options.spec.targetBytes = bytes
        case "--seed":
            let v = try next()
            guard let seed = UInt64(v) else { throw UsageError(message: "--seed \"\(v)\" is not a non-negative integer.") }
            options.spec.seed = seed
        case "--start":
            options.spec.startDate = try next()
        case "--days":
            let v = try next()
            guard let days = Int(v), days >= 1, days <= 36_500 else {
                throw UsageError(message: "--days \"\(v)\" must be a whole number from 1 to 36500.")
            }
            options.spec.days = days
        case "--malformed-rate":
            let v = try next()
            guard let rate = Double(v), rate >= 0, rate <= 1 else {
                throw UsageError(message: "--malformed-rate \"\(v)\" must be a number from 0 to 1.")
            }
            options.spec.malformedRate = rate
        case "--agent":
            let v = try next()
            let known = ["codex"] + AgentFixtureGenerator.agents + StoreFixtures.agents
            guard known.contains(v) else {
                throw UsageError(message: "--agent \"\(v)\" is not one of \(known.joined(separator: ", ")).")
            }
            options.agent = v
        case "--force", "-f":
            guard inline == nil else { throw UsageError(message: "--force takes no value.") }
            options.force = true
        default:
            throw UsageError(message: arg.hasPrefix("-") ? "unknown option \(arg)." : "unexpected argument \"\(arg)\".")
        }
        i += 1
    }
    return options
}

let options: Options
do {
    options = try parse(Array(CommandLine.arguments.dropFirst()))
} catch let error as UsageError {
    fail(error.message, code: 64)
}
guard let out = options.out else { fail("--out DIR is required.", code: 64) }
if options.agent == "codex" {
    runCodexFixture(out: out, spec: options.spec)   // Agents/AgentFixtureMain.swift
}
if let agent = options.agent, AgentFixtureGenerator.agents.contains(agent) {
    runAgentFixture(agent, out: out, spec: options.spec)   // Agents/AgentFixtureMain.swift
}
do {
    try options.spec.validate()
} catch let error as FixtureError {
    switch error {
    case .invalidSpec(let message): fail(message.replacingOccurrences(of: "startDate", with: "--start"), code: 64)
    default: fail(error.description, code: 1)
    }
} catch {
    fail("\(error)", code: 64)
}

let fm = FileManager.default
let root = (out as NSString).standardizingPath
if let agent = options.agent {
    do {
        try? fm.removeItem(atPath: root + "/" + agent)
        let store = try StoreFixtures.generate(agent: agent, into: root, bytes: options.spec.targetBytes,
                                               seed: options.spec.seed, days: options.spec.days)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(store).write(to: URL(fileURLWithPath: root + "/expected-\(agent).json"))
        print("Wrote \(store.path): \(store.entries) entries, \(store.bytes) bytes; use \(store.variable)=\(store.path)")
        exit(0)
    } catch {
        fail("\(error)", code: 1)
    }
}
let projects = root + "/projects"
var isDirectory: ObjCBool = false
if fm.fileExists(atPath: root, isDirectory: &isDirectory), !isDirectory.boolValue {
    fail("\(root) exists and is not a directory.", code: 1)
}
if fm.fileExists(atPath: projects), let contents = try? fm.contentsOfDirectory(atPath: projects), !contents.isEmpty {
    guard options.force else {
        fail("\(projects) is not empty. Pass --force to replace a tree generated earlier, or choose another --out.",
             code: 1)
    }
    // Only ever delete what this tool wrote: a real ~/.claude has no expected.json next to projects/.
    guard fm.fileExists(atPath: root + "/expected.json") else {
        fail("\(projects) is not empty and \(root) has no expected.json, so it does not look like a generated tree; "
             + "refusing to delete it even with --force. Remove it yourself or choose another --out.", code: 1)
    }
    do {
        try fm.removeItem(atPath: projects)
        try? fm.removeItem(atPath: root + "/expected.json")
    } catch {
        fail("cannot remove \(projects): \(error.localizedDescription)", code: 1)
    }
}

let clock = ContinuousClock()
let started = clock.now
let summary: FixtureSummary
do {
    summary = try FixtureGenerator.generate(into: root, spec: options.spec)
} catch let error as FixtureError {
    fail(error.description, code: 1)
} catch {
    fail("\(error)", code: 1)
}
let elapsed = clock.now - started
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

func grouped(_ n: Int64) -> String {
    let digits = Array(String(n))
    var out = ""
    for (i, d) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(d)
    }
    return out
}
func grouped(_ n: Int) -> String { grouped(Int64(n)) }
let mib = Double(summary.bytes) / 1_048_576

print("Wrote \(root)")
print("  files            \(grouped(summary.files)) (\(grouped(summary.subagentFiles)) sub-agent) in \(summary.projects) projects")
print("  size             \(String(format: "%.1f", mib)) MiB (\(grouped(summary.bytes)) bytes)")
print("  lines            \(grouped(summary.lines)) (\(grouped(summary.usageLines)) with usage, \(grouped(summary.malformedLines)) malformed)")
print("  unique requests  \(grouped(summary.uniqueRequests))")
print("  expected tokens  input \(grouped(summary.expected.inputTokens)), output \(grouped(summary.expected.outputTokens)), "
      + "cache write \(grouped(summary.expected.cacheCreationTokens)), cache read \(grouped(summary.expected.cacheReadTokens))")
print("  time             \(String(format: "%.2f", seconds)) s (\(String(format: "%.0f", mib / max(seconds, 1e-9))) MiB/s)")
