import Foundation
import Testing

/// The built `ccusage` binary: next to the test bundle, or one folder up (where SwiftPM puts products).
let ccusageBinary: URL = {
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = dir.appendingPathComponent("ccusage")
    return FileManager.default.fileExists(atPath: binary.path)
        ? binary : dir.deletingLastPathComponent().appendingPathComponent("ccusage")
}()

/// The environment a child `ccusage` gets: a fixed home and zone, no archive unless a test names one (tests
/// share a home, and one test's deleted tree must not reach another's report through it), the sanitizer
/// settings of Scripts/sanitize, and `env` over them.
func childEnvironment(_ env: [String: String]) -> [String: String] {
    var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                       "HOME": "/nonexistent-home", "TZ": "UTC", "CCUSAGE_NO_ARCHIVE": "1"]
    for key in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS", "SWIFT_BACKTRACE", "CCUSAGE_TEST_SANITIZER"] {
        if let value = ProcessInfo.processInfo.environment[key] { environment[key] = value }
    }
    return environment.merging(env) { $1 }
}

/// Runs the built `ccusage` binary.
func runCLI(_ args: [String], env: [String: String] = [:], stdin: String? = nil) throws -> (code: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = ccusageBinary
    process.arguments = args
    process.environment = childEnvironment(env)
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// Runs one of the independent Python references in `Tests/reference/` against the built binary and
/// expects it to finish cleanly with ` 0 mismatches`.
func expectReferenceAgrees(_ script: String) throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("reference/" + script).path
    try expectScriptAgrees(path)
}

/// Runs the Python check at `path` against the `ccusage` binary (then `arguments`) and expects
/// ` 0 mismatches` and exit 0.
func expectScriptAgrees(_ path: String, arguments: [String] = []) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", path, ccusageBinary.path] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    #expect(process.terminationStatus == 0, "\(text.suffix(4000))")
    #expect(text.contains(" 0 mismatches"), "\(text.suffix(4000))")
}

/// Whether a PostgreSQL server (Debian's packages, as Scripts/install-deps installs them) and psql are here.
func postgresInstalled() -> Bool {
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
    let server = versions.contains { FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb") }
    let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    return server && psql
}
