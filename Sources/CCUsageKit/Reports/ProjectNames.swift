/// Display names of project directories (`--instances` headers; JSON keeps raw names).
public enum ProjectNames {
    /// Parses `raw=Alias,raw2=Alias2`.
    public static func parseAliases(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for part in text.split(separator: ",") {
            guard let eq = part.firstIndex(of: "=") else { continue }
            let key = String(part[..<eq]).trimmed, value = String(part[part.index(after: eq)...]).trimmed
            if !key.isEmpty, !value.isEmpty { out[key] = value }
        }
        return out
    }

    public static func display(_ raw: String, aliases: [String: String] = [:]) -> String {
        if let alias = aliases[raw] { return alias }
        let cleaned = clean(raw)
        return aliases[cleaned] ?? cleaned
    }

    static let noise: Set<String> = ["dev", "development", "feat", "feature", "fix", "bug", "test", "staging",
                                     "prod", "production", "main", "master", "branch"]

    static func clean(_ original: String) -> String {
        if original.isEmpty || original == "unknown" { return "Unknown Project" }
        var name = original
        // A Windows drive prefix `C--src-app` is `C:\src\app`.
        let chars = Array(name)
        if chars.count > 3, chars[0].isLetter, chars[1] == "-", chars[2] == "-" {
            name = String(chars[3...])
        }
        for separator: Character in ["\\", "-", "/"] {
            let parts = name.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            if let users = parts.firstIndex(of: "Users"), users <= 2 {
                if parts.count > users + 3 {
                    name = parts[(users + 3)...].joined(separator: "-")
                    break
                } else if parts.count > users + 2 {
                    name = parts[(users + 2)...].joined(separator: "-")
                    break
                }
            }
        }
        name = strip(name)
        let uuidLike = name.count >= 13 && name.prefix(13).enumerated().allSatisfy { i, c in
            i == 8 ? c == "-" : (c.isHexDigit && !c.isUppercase)
        }
        if uuidLike {
            name = name.split(separator: "-").suffix(2).joined(separator: "-")
        } else if let range = name.range(of: "--") {
            name = String(name[..<range.lowerBound])
        } else if name.contains("-"), name.count > 20 {
            let parts = name.split(separator: "-").map(String.init)
                .filter { $0.count > 2 && !noise.contains($0.lowercased()) }
            if parts.count >= 2 {
                let two = parts.suffix(2).joined(separator: "-")
                if two.count >= 6 {
                    name = two
                } else if parts.count >= 3 {
                    name = parts.suffix(3).joined(separator: "-")
                }
            }
        }
        name = strip(name)
        return name.isEmpty ? original : name
    }

    static func strip(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == "/" || f == "\\" || f == "-" { sub.removeFirst() }
        while let l = sub.last, l == "/" || l == "\\" || l == "-" { sub.removeLast() }
        return String(sub)
    }
}
