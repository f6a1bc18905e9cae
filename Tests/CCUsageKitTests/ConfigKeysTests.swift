import Foundation
import Testing
@testable import CCUsageKit

/// `ConfigKeys` is the one table of configuration keys; `config-schema.json` must describe exactly it.
@Suite struct ConfigKeysTests {
    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("config-schema.json").path

    func definitions() throws -> [String: [String: Any]] {
        let data = try #require(FileManager.default.contents(atPath: Self.schemaPath))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let defs = try #require(root["$defs"] as? [String: Any])
        var out: [String: [String: Any]] = [:]
        for (name, value) in defs {
            let object = try #require(value as? [String: Any])
            out[name] = try #require(object["properties"] as? [String: Any])
        }
        return out
    }

    @Test func schemaOptionsHoldEveryKeyOfTheTableAndNoOther() throws {
        let options = try #require(try definitions()["options"])
        var table = Set(ConfigKeys.shared.keys)
        for keys in ConfigKeys.perCommand.values { table.formUnion(keys.keys) }
        #expect(Set(options.keys) == table)
        for key in ConfigKeys.unsupported.keys { #expect(options[key] == nil, "\(key) is rejected, not in the schema") }
    }

    @Test("each command's schema holds its keys", arguments: ["daily", "weekly", "monthly", "session", "blocks", "statusline"])
    func commandSchemas(_ command: String) throws {
        let properties = try #require(try definitions()[command])
        let keys = ConfigKeys.keys(for: command)
        // `speed` (Codex) and `all` (defaults) are read from the shared sections only.
        #expect(Set(properties.keys) == Set(keys.keys).subtracting(["speed", "all"]))
    }

    @Test func schemaTypesMatchTheTable() throws {
        let options = try #require(try definitions()["options"])
        var table = ConfigKeys.shared
        for keys in ConfigKeys.perCommand.values { table.merge(keys) { first, _ in first } }
        for (key, kind) in table {
            let property = try #require(options[key] as? [String: Any], "\(key)")
            let type = property["type"] as? String
            switch kind {
            case .bool: #expect(type == "boolean", "\(key)")
            case .int: #expect(type == "integer", "\(key)")
            case .number: #expect(type == "number", "\(key)")
            case .string, .zone: #expect(type == "string", "\(key)")
            case .date: #expect(type == "string" && property["pattern"] != nil, "\(key)")
            case .object: #expect(type == "object", "\(key)")
            case .tokenLimit: #expect(property["oneOf"] != nil, "\(key)")
            case .enumeration(let allowed): #expect(property["enum"] as? [String] == allowed, "\(key)")
            }
        }
    }

    @Test func anUnsupportedKeyIsIgnoredWithItsReason() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ccusage-keys-\(getpid())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/ccusage.json"
        try Data(#"{"defaults": {"locale": "ja-JP", "zzz": 1}}"#.utf8).write(to: URL(fileURLWithPath: path))
        let file = try ConfigFile.load(path: path)
        #expect(file.unknownKeys.sorted() == ["defaults.locale", "defaults.zzz"])
        #expect(file.defaults.isEmpty)
        #expect(ConfigKeys.ignoredKeyWarning("defaults.locale", path: path)
                == "warning: \(path): 'defaults.locale' is not supported (dates are always YYYY-MM-DD and times US style, whatever the locale); ignored")
        #expect(ConfigKeys.ignoredKeyWarning("defaults.zzz", path: path) == "warning: \(path): unknown key 'defaults.zzz' ignored")
    }
}
