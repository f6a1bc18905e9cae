/// Pre-escaped text that tool results, prompts and replies are cut from.
///
/// Building every tool result from scratch would dominate generation time, so a few MB of realistic
/// lines (code with quotes and backslashes, build logs with ANSI escapes, prose in several languages
/// and emoji) are rendered and JSON-escaped once; content is then copied out in whole lines.
struct TextCorpus {
    /// JSON-escaped lines, each ending in the two bytes `\n` (an escaped newline).
    private(set) var blob: [UInt8] = []
    /// Start offset of every line, then `blob.count`.
    private(set) var starts: [Int] = []

    enum Kind { case tool, prose }

    init(kind: Kind, size: Int, rng: inout SplitMix64) {
        blob.reserveCapacity(size + 4096)
        var line: [UInt8] = []
        var buffer = ByteBuffer(capacity: 512)
        let templates = kind == .tool ? TextCorpus.toolGroups : [TextCorpus.prose]
        while blob.count < size {
            let group = templates[rng.below(templates.count)]
            let numbered = kind == .tool && group.numberable && rng.chance(0.5)
            var lineNumber = rng.int(1...400)
            for _ in 0..<rng.int(4...40) {
                line.removeAll(keepingCapacity: true)
                if numbered {
                    TextCorpus.appendPadded(lineNumber, width: 6, to: &line)
                    line.append(contentsOf: [0xE2, 0x86, 0x92])   // →, as in Claude Code's Read output
                    lineNumber += 1
                }
                TextCorpus.expand(group.lines[rng.below(group.lines.count)], into: &line, rng: &rng)
                buffer.reset()
                line.withUnsafeBufferPointer { buffer.escaped($0) }
                starts.append(blob.count)
                blob.append(contentsOf: buffer.bytes)
                blob.append(0x5C); blob.append(UInt8(ascii: "n"))
            }
        }
        starts.append(blob.count)
    }

    var lineCount: Int { starts.count - 1 }

    /// Copies whole lines starting at a random one until at least `minBytes` escaped bytes were written
    /// (wrapping around at the end). Returns the number of bytes appended.
    @discardableResult
    func append(to out: inout ByteBuffer, minBytes: Int, rng: inout SplitMix64, trimLastNewline: Bool = true) -> Int {
        var first = rng.below(lineCount)
        var written = 0
        while written < minBytes {
            // find the end line with a short forward walk (lines are ~20–120 bytes)
            var last = first
            let startOffset = starts[first]
            while last < lineCount, starts[last] - startOffset < minBytes - written { last += 1 }
            if last == first { last = first + 1 }
            let endOffset = starts[last]
            out.raw(blob[startOffset..<endOffset])
            written += endOffset - startOffset
            first = last == lineCount ? 0 : last
        }
        if trimLastNewline, written >= 2 { out.bytes.removeLast(2); written -= 2 }
        return written
    }

    // MARK: - Templates

    struct Group { var numberable: Bool; var lines: [[UInt8]] }

    static func appendPadded(_ n: Int, width: Int, to line: inout [UInt8]) {
        var digits: [UInt8] = []
        var v = n
        repeat { digits.append(UInt8(48 + v % 10)); v /= 10 } while v > 0
        for _ in digits.count..<max(width, digits.count) { line.append(0x20) }
        line.append(contentsOf: digits.reversed())
    }

    /// Replaces `{id}`, `{Type}`, `{n}`, `{word}`, `{file}`, `{ts}` and `{esc}`/`{tab}` (ESC and TAB bytes).
    static func expand(_ template: [UInt8], into out: inout [UInt8], rng: inout SplitMix64) {
        var i = 0
        let n = template.count
        while i < n {
            let c = template[i]
            if c == UInt8(ascii: "{"), let close = template[i...].firstIndex(of: UInt8(ascii: "}")), close - i <= 5 {
                let name = template[(i + 1)..<close]
                switch Array(name) {
                case Array("id".utf8): out.append(contentsOf: identifiers[rng.below(identifiers.count)]); i = close + 1; continue
                case Array("Type".utf8): out.append(contentsOf: typeNames[rng.below(typeNames.count)]); i = close + 1; continue
                case Array("n".utf8):
                    appendPadded(rng.int(0...rng.pick([9, 99, 999, 99_999])), width: 0, to: &out); i = close + 1; continue
                case Array("word".utf8): out.append(contentsOf: words[rng.below(words.count)]); i = close + 1; continue
                case Array("file".utf8): out.append(contentsOf: fileNames[rng.below(fileNames.count)]); i = close + 1; continue
                case Array("esc".utf8): out.append(0x1B); i = close + 1; continue
                case Array("tab".utf8): out.append(0x09); i = close + 1; continue
                case Array("ts".utf8):
                    var b = ByteBuffer()
                    b.timestampBody(1_748_736_000_000 + Int64(rng.below(90 * 86_400_000)))
                    out.append(contentsOf: b.bytes); i = close + 1; continue
                default: break
                }
            }
            out.append(c)
            i += 1
        }
    }

    static let identifiers: [[UInt8]] = [
        "user", "session", "config", "cache", "request", "handler", "token", "parser", "invoice", "payment",
        "items", "result", "options", "response", "payload", "context", "logger", "buffer", "entries", "report",
        "account", "order", "customer", "timestamp", "retryCount", "maxTokens", "isEnabled", "fileURL", "rows",
        "settings", "metrics", "queue", "worker", "client", "router", "schema", "migration", "viewModel",
    ].map { Array($0.utf8) }

    static let typeNames: [[UInt8]] = [
        "UserService", "SessionStore", "TokenCounter", "InvoiceRenderer", "PaymentGateway", "ConfigLoader",
        "RequestHandler", "CacheEntry", "ReportBuilder", "HTTPClient", "AuthMiddleware", "OrderRepository",
        "MetricsCollector", "QueueWorker", "SchemaValidator", "DailySummary", "ProjectSettings", "LineParser",
    ].map { Array($0.utf8) }

    static let words: [[UInt8]] = [
        "cache", "parser", "dashboard", "login", "billing", "export", "migration", "retry", "timezone", "résumé",
        "café", "naïve", "日本語", "設定", "キャッシュ", "größe", "señal", "emoji 🎉", "rocket 🚀", "Überblick",
    ].map { Array($0.utf8) }

    static let fileNames: [[UInt8]] = [
        "Sources/App/main.swift", "Sources/Core/Parser.swift", "src/index.ts", "src/server/routes.ts",
        "src/components/Dashboard.tsx", "app/models/user.py", "tests/test_billing.py", "README.md",
        "package.json", "Cargo.toml", "src/lib.rs", "internal/cache/cache.go", "docs/設計メモ.md",
        "config/settings.yaml", "scripts/deploy.sh", "Tests/CoreTests/ParserTests.swift",
    ].map { Array($0.utf8) }

    static func group(_ numberable: Bool, _ lines: [String]) -> Group {
        Group(numberable: numberable, lines: lines.map { Array($0.utf8) })
    }

    static let swiftCode = group(true, [
        #"import Foundation"#,
        #"import {Type}Kit"#,
        #""#,
        #"public struct {Type}: Codable, Sendable {"#,
        #"    let {id}: String"#,
        #"    var {id}: [{Type}] = []"#,
        #"    private var {id}: Int = {n}"#,
        #"    func {id}(_ {id}: {Type}) async throws -> {Type} {"#,
        #"        guard let {id} = {id}.first(where: { $0.isEnabled }) else {"#,
        #"            throw {Type}Error.notFound("{id} not found: \"\({id})\"")"#,
        #"        }"#,
        #"        print("Résumé généré pour \({id}) — \({id}.count) éléments")"#,
        ##"        let pattern = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#"##,
        #"        // TODO: handle "quoted" values and tabs{tab}here"#,
        #"        return try JSONDecoder().decode({Type}.self, from: data)"#,
        #"    }"#,
        #"}"#,
        #"    // キャッシュを無効化してから再読み込みする"#,
        #"    let path = "C:\\Users\\dev\\{id}.json""#,
        #"    XCTAssertEqual({id}.count, {n}, "expected \({n}) rows")"#,
        #"    @Test("{word} is parsed") func {id}() throws {"#,
        #"        #expect({id} == "{word}")"#,
        #"extension {Type}: CustomStringConvertible {"#,
        #"    var description: String { "\(type(of: self))(\({id}))" }"#,
        #"        case .failure(let error): logger.error("\(error.localizedDescription, privacy: .public)")"#,
    ])

    static let typeScriptCode = group(true, [
        #"import { {Type} } from "./{id}";"#,
        #"import type { Request, Response } from "express";"#,
        #"export async function {id}(req: Request, res: Response): Promise<void> {"#,
        #"  const { {id}, {id} } = req.body as {Type}Input;"#,
        #"  if (!{id}) return res.status(400).json({ error: "missing '{id}'" });"#,
        #"  logger.info(`processing ${{id}.length} items for ${req.user?.id ?? "anonymous"}`);"#,
        #"  const re = /\s+([a-z]+)\s*=\s*"([^"]*)"/g;"#,
        #"  // Überprüfen, ob der Benutzer angemeldet ist"#,
        #"  for (const [key, value] of Object.entries({id})) {"#,
        #"    {id}[key] = value?.trim() ?? "";"#,
        #"  }"#,
        #"};"#,
        #"export default {Type};"#,
        #"  return <div className="{id}">{t("{word}")} ✨</div>;"#,
        #"  await expect(page.getByRole("button", { name: "Save" })).toBeVisible();"#,
        #"  throw new Error(`Unexpected token "${ch}" at ${pos}`);"#,
        #"const {id} = new Map<string, {Type}>();"#,
        #"    .replace(/\\/g, "\\\\").replace(/"/g, '\\"')"#,
    ])

    static let pythonCode = group(true, [
        #"from __future__ import annotations"#,
        #"import json, re, sys"#,
        #"class {Type}:"#,
        #"    def {id}(self, {id}: str) -> dict[str, Any]:"#,
        #"        """Return the {id} mapping. Handles 'single' and "double" quotes."""#,
        #"        print(f"日本語のテスト: {{id}} ✅")"#,
        #"        path = "C:\\Users\\dev\\{id}.txt""#,
        #"        if not {id}:"#,
        #"            raise ValueError(f"invalid {id}: {{id}!r}")"#,
        #"        return {"{id}": {id}, "count": {n}}"#,
        #"    # 设置默认值并记录日志"#,
        #"    pattern = re.compile(r"^(\w+)\s*=\s*\"(.*)\"$")"#,
        #"def test_{id}(client):"#,
        #"    assert response.status_code == 200, response.text"#,
    ])

    static let rustCode = group(true, [
        #"use serde::{Deserialize, Serialize};"#,
        #"#[derive(Debug, Clone, Serialize, Deserialize)]"#,
        #"pub struct {Type} {"#,
        #"    pub {id}: Option<String>,"#,
        #"    fn {id}(&self, {id}: &str) -> Result<{Type}, Error> {"#,
        #"        let v: Vec<&str> = {id}.split('"').collect();"#,
        #"        println!("{:?} → {}", self.{id}, \"ok\");"#,
        #"        Ok(Self { {id}: Some(format!("{}\n", {id})) })"#,
        #"    }"#,
        #"}"#,
    ])

    static let buildLog = group(false, [
        #"{esc}[32m✓{esc}[39m {id} › renders without crashing {esc}[2m({n} ms){esc}[22m"#,
        #"{esc}[31m✗{esc}[39m {id} › handles "empty" input"#,
        #"{ts} INFO  [{id}] request completed status=200 duration={n}ms"#,
        #"{ts} WARN  [{Type}] retrying after "ECONNRESET" (attempt {n}/5)"#,
        #"npm WARN deprecated {id}@1.{n}.0: This package is no longer supported."#,
        #"[{n}/{n}] Compiling {Type} {Type}.swift"#,
        #"/Users/dev/code/app/{file}:{n}:{n}: error: cannot find '{id}' in scope"#,
        #"/Users/dev/code/app/{file}:{n}:{n}: warning: variable '{id}' was never mutated; consider changing to 'let' constant"#,
        #"    at {Type}.{id} (/Users/dev/code/app/src/{id}.ts:{n}:{n})"#,
        #"Test Suite 'All tests' passed at 2025-06-01 10:00:00.{n}."#,
        #"Test Case '-[{Type}Tests test_{id}]' passed ({n}.{n} seconds)."#,
        #"🚀 Deployed {id} to https://{id}.example.com in {n}s"#,
        #"  {esc}[1m{esc}[33m⚠{esc}[0m {word}: {n} files changed, {n} insertions(+), {n} deletions(-)"#,
        #"PASS  src/{id}.test.ts ({n} ms)"#,
        #"FAIL  tests/test_{id}.py::test_{id} - AssertionError: assert '{word}' == "{word}""#,
        #"Building for debugging..."#,
        #"Build complete! ({n}.{n}s)"#,
        #"total {n}"#,
        #"-rw-r--r--  1 dev  staff  {n} Jun  3 10:{n} {file}"#,
        #"drwxr-xr-x  {n} dev  staff  {n} Jun  1 09:{n} {id}"#,
        #"error[E0308]: mismatched types: expected `&str`, found `String`"#,
        #"{tab}modified:   {file}"#,
        #"Traceback (most recent call last):"#,
        #"  File "/Users/dev/code/app/{file}", line {n}, in {id}"#,
    ])

    static let diffOutput = group(false, [
        #"diff --git a/{file} b/{file}"#,
        #"index {n}..{n} 100644"#,
        #"--- a/{file}"#,
        #"+++ b/{file}"#,
        #"@@ -{n},7 +{n},9 @@ export class {Type} {"#,
        #"-  const {id} = "old value";"#,
        #"+  const {id} = "new value — mis à jour";"#,
        #"+  // 日本語のコメントを追加"#,
        #"   return {id};"#,
        #"-    print("\({id})")"#,
        #"+    logger.debug("\({id}, privacy: .public)")"#,
    ])

    static let jsonText = group(true, [
        #"{"#,
        #"  "name": "{id}","#,
        #"  "version": "1.{n}.0","#,
        #"  "description": "The {word} service — “fast” & reliable","#,
        #"  "scripts": { "build": "tsc -p .", "test": "vitest run --reporter=dot" },"#,
        #"  "dependencies": { "{id}": "^{n}.0.0", "zod": "^3.23.8" },"#,
        #"  "path": "C:\\Program Files\\{Type}\\bin","#,
        #"  "regex": "^\\d+(\\.\\d+)?$","#,
        #"  "emoji": "🎉🔥✅","#,
        #"}"#,
    ])

    static let markdown = group(true, [
        #"# {Type}"#,
        #"## Installation"#,
        #"Run `npm install` and then `npm run build`. The “{word}” step may take a while."#,
        #"- [ ] Support 日本語 and emoji 🎉 in project names"#,
        #"- [x] Fix the "{word}" regression (#{n})"#,
        #"> **Note:** the café's résumé is naïve about time zones."#,
        #"| column | type | description |"#,
        #"| `{id}` | string | the {word} identifier |"#,
        #"```bash"#,
        #"$ ./scripts/deploy.sh --env=production --tag="v1.{n}.0""#,
        #"```"#,
    ])

    static let toolGroups = [swiftCode, typeScriptCode, pythonCode, rustCode, buildLog, buildLog, diffOutput,
                             jsonText, markdown]

    static let prose = group(false, [
        #"I'll look at the {id} module first and then fix the failing test."#,
        #"Let me check how `{id}` is used in {file}."#,
        #"The problem is that `{Type}.{id}` is called before the cache is warmed, so the first request sees "stale" data."#,
        #"I've updated {file} to handle the empty case. The tests pass now ✅"#,
        #"Here's a summary of the changes:"#,
        #"1. Moved the {word} logic into `{Type}`"#,
        #"2. Added a regression test for the "{word}" input"#,
        #"3. Escaped backslashes in Windows paths like `C:\Users\dev`"#,
        #"Now let me run the test suite to make sure nothing else broke."#,
        #"The build succeeded, but there's a warning about `{id}` that we should look at."#,
        #"Das sollte jetzt funktionieren — bitte noch einmal prüfen."#,
        #"キャッシュの問題を修正しました。{word}の処理も確認済みです。"#,
        #"C'est corrigé : le résumé affiche maintenant les accents correctement."#,
        #"Great question! The short answer is: it depends on the time zone 🌍"#,
        #"I need to read {file} before I can edit it."#,
        #"Done! 🎉 All {n} tests pass."#,
        #"**Root cause:** `{id}` was `nil` when the view appeared, because the task was cancelled."#,
        #"Let me search for other usages of `{id}`."#,
    ])
}

/// Short things a developer types.
enum Prompts {
    static let all: [String] = [
        "fix the failing test in {file}",
        "can you add a --json flag to the report command?",
        "why is the dashboard slow when there are more than 10k rows",
        "Refactor {Type} so it doesn't do network calls in init",
        "run the tests and fix whatever is broken",
        "add support for 日本語 project names",
        "the build fails with \"cannot find '{id}' in scope\", please fix",
        "write a migration that renames the {id} column",
        "explain what this function does:\n\n```swift\nfunc {id}() { }\n```",
        "ça marche pas quand le nom contient un accent (é, è, à)",
        "make the {word} page load faster 🚀",
        "review my changes in {file} and suggest improvements",
        "commit this with a good message",
        "update the README with the new install steps",
        "/compact",
        "continue",
        "yes, go ahead",
        "no, keep the old behaviour for {id} but log a warning",
        "Please implement the {Type} protocol for the {id} model and add tests.\nUse the existing helpers in {file}.\nDon't change the public API.",
    ]
}
