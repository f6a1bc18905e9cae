import CCUsageTestSupport
import Foundation
import Testing
@testable import CCUsageKit

@Suite struct JSONSyntaxTests {
    @Test("the first syntax error, with its line and column", arguments: [
        ("{\n  \"defaults\": {\n    \"timezone\": \"UTC\"\n    \"offline\": true\n  }\n}\n", 4, 5, "expected ',' or '}', found '\"'"),
        ("", 1, 1, "the file is empty"),
        ("  \n", 2, 1, "the file is empty"),
        ("{\"a\": tru}", 1, 10, "expected 'true', found '}'"),
        ("{\"a\": 1,}", 1, 9, "a trailing ',' before '}'"),
        ("{a: 1}", 1, 2, "expected a key in double quotes, found 'a'"),
        ("{\"a\" 1}", 1, 6, "expected ':' after the key, found '1'"),
        ("{\"a\": \"x}", 1, 7, "a string is not closed"),
        ("{\"a\": \"x\n\"}", 1, 9, "a string is not closed before the end of the line"),
        ("{\"a\": \"\\q\"}", 1, 8, "unknown escape '\\q' in a string"),
        ("{\"a\": \"\\u12G4\"}", 1, 12, "a \\u escape needs four hexadecimal digits"),
        ("{\"a\": 01}", 1, 7, "a number cannot start with 0"),
        ("{\"a\": 1.}", 1, 9, "expected a digit after '.', found '}'"),
        ("{\"a\": 1e}", 1, 9, "expected a digit in the exponent, found '}'"),
        ("{\"a\": -}", 1, 8, "expected a digit, found '}'"),
        ("{} {}", 1, 4, "more text after the JSON value: found '{'"),
        ("{\"a\": [1, 2}", 1, 12, "expected ',' or ']', found '}'"),
        ("{\"é\": x}", 1, 7, "expected a value, found 'x'"),   // columns count characters, not bytes
        ("{\"a\": ", 1, 7, "expected a value, found the end of the file"),
    ] as [(String, Int, Int, String)])
    func locatesErrors(_ text: String, _ line: Int, _ column: Int, _ message: String) throws {
        let error = try #require(JSONSyntax.firstError(in: Array(text.utf8)))
        #expect(error == JSONSyntaxError(line: line, column: column, message: message))
    }

    @Test("valid JSON has no error", arguments: [
        #"{"defaults": {"timezone": "Asia/Tokyo", "debugSamples": 3, "x": [1, -2.5e+3, 0.25, true, false, null]}}"#,
        "\u{FEFF}{\"a\": \"\\u00e9\\n\\\"\"}", "  [ ]  ", "{}", "\"s\"", "-0", "1E5",
    ])
    func acceptsValidJSON(_ text: String) {
        #expect(JSONSyntax.firstError(in: Array(text.utf8)) == nil)
    }

    /// Every way of breaking a real configuration file by deleting or replacing one byte: whenever Foundation
    /// rejects the result, the checker finds an error too (so a bad file always gets a line and column).
    @Test func findsAnErrorWheneverFoundationRejectsTheText() throws {
        let valid = #"""
        { "$schema": "https://ccusage.com/config-schema.json",
          "defaults": { "timezone": "Asia/Tokyo", "breakdown": true, "debugSamples": 3,
                        "pricingOverrides": { "my-model": { "inputCostPerToken": 3e-6 } } },
          "commands": { "daily": { "instances": true }, "blocks": { "tokenLimit": "max" } } }
        """#
        let bytes = Array(valid.utf8)
        var rejected = 0
        for i in bytes.indices {
            for replacement in [nil, UInt8(ascii: "x"), UInt8(ascii: ","), UInt8(ascii: "\"")] as [UInt8?] {
                var broken = bytes
                if let replacement { broken[i] = replacement } else { broken.remove(at: i) }
                guard (try? JSONSerialization.jsonObject(with: Data(broken), options: [.fragmentsAllowed])) == nil else {
                    continue
                }
                rejected += 1
                #expect(JSONSyntax.firstError(in: broken) != nil, "\(String(decoding: broken, as: UTF8.self))")
            }
        }
        #expect(rejected > 300)
    }

    @Test func anInvalidConfigFileNamesTheLineAndColumn() throws {
        let dir = try makeTemporaryDirectory("ccusage-config-syntax")
        defer { removeTemporary(dir) }
        let path = dir + "/ccusage.json"
        try "{\n  \"defaults\": {\n    \"timezone\": \"UTC\"\n    \"offline\": true\n  }\n}\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigError.self) { try ConfigFile.load(path: path) }
        do {
            _ = try ConfigFile.load(path: path)
        } catch let error as ConfigError {
            #expect(error.description == "Invalid configuration file \(path): not valid JSON at line 4, column 5: "
                    + "expected ',' or '}', found '\"'")
        }
    }
}
