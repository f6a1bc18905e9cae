import Foundation
import Testing

/// The numbers of every report, mode and time zone against an independent Python implementation of the
/// spec (Tests/reference/reference.py) on generated trees and hand-made edge cases.
@Suite(.serialized) struct ReferenceTests {
    @Test func reportsMatchTheIndependentReference() throws {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var binary = dir.appendingPathComponent("ccusage")
        if !FileManager.default.fileExists(atPath: binary.path) {
            binary = dir.deletingLastPathComponent().appendingPathComponent("ccusage")
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("reference/compare.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, binary.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text.suffix(4000))")
        #expect(text.contains(" 0 mismatches"))
    }
}
