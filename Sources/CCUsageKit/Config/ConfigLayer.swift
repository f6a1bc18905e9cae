import Foundation

/// The configuration-file options of one command, with typed accessors.
public struct ConfigLayer: Sendable {
    public var file: ConfigFile?
    public var values: [String: ConfigValue] = [:]
    /// `Checking: <path> (found ✓ | not found)` lines for --debug.
    public var searchLog: [String] = []
    /// One warning line per key the file holds that no option reads (the front end prints them).
    public var warnings: [String] = []

    public init(file: ConfigFile? = nil, values: [String: ConfigValue] = [:]) { self.file = file; self.values = values }

    /// `--config PATH` is the only file read when given (it must exist); otherwise the first existing file of
    /// the search locations. A file that exists but is invalid is an error naming the file and the key.
    public static func load(explicit: String?, env: Environment, command: String) throws(RequestError) -> ConfigLayer {
        var layer = ConfigLayer()
        if let explicit {
            let path = explicit.hasPrefix("/") ? explicit : env.currentDirectory + "/" + explicit
            guard FileManager.default.fileExists(atPath: path) else {
                throw RequestError("Configuration file not found: \(explicit)")
            }
            layer.searchLog.append("Checking: \(path) (found ✓)")
            layer.file = try parse(path)
        } else {
            for path in ConfigFile.candidates(env) {
                if FileManager.default.fileExists(atPath: path) {
                    layer.searchLog.append("Checking: \(path) (found ✓)")
                    layer.file = try parse(path)
                    break
                }
                layer.searchLog.append("Checking: \(path) (not found)")
            }
        }
        if let file = layer.file {
            layer.values = file.options(for: command)
            layer.warnings = file.unknownKeys.map { ConfigKeys.ignoredKeyWarning($0, path: file.path) }
        }
        return layer
    }

    static func parse(_ path: String) throws(RequestError) -> ConfigFile {
        do { return try ConfigFile.load(path: path) } catch let error as ConfigError {
            throw RequestError(error.description)
        } catch {
            throw RequestError(String(describing: error))
        }
    }

    public func bool(_ key: String) -> Bool? {
        if case .bool(let b)? = values[key] { return b }
        return nil
    }

    public func string(_ key: String) -> String? {
        if case .string(let s)? = values[key] { return s }
        return nil
    }

    public func int(_ key: String) -> Int? {
        switch values[key] {
        case .int(let i)?: return i
        case .number(let d)?: return Int(exactly: d)
        default: return nil
        }
    }

    public func number(_ key: String) -> Double? {
        switch values[key] {
        case .int(let i)?: return Double(i)
        case .number(let d)?: return d
        default: return nil
        }
    }

    /// `pricingOverrides`: model → field → rate; unknown fields or non-numbers are errors.
    public func pricingOverrides() throws(RequestError) -> [String: [String: Double]] {
        guard case .object(let models)? = values["pricingOverrides"] else { return [:] }
        var out: [String: [String: Double]] = [:]
        for (model, value) in models {
            guard case .object(let fields) = value else {
                throw RequestError("Invalid configuration file \(file?.path ?? "?"): 'pricingOverrides.\(model)' must be an object")
            }
            var rates: [String: Double] = [:]
            for (field, rate) in fields {
                guard PriceTable.overrideFields.contains(field) else {
                    throw RequestError("Invalid configuration file \(file?.path ?? "?"): 'pricingOverrides.\(model).\(field)' is not a pricing field (use one of \(PriceTable.overrideFields.joined(separator: ", ")))")
                }
                guard case .number(let v) = rate, v >= 0 else {
                    throw RequestError("Invalid configuration file \(file?.path ?? "?"): 'pricingOverrides.\(model).\(field)' must be a non-negative number")
                }
                rates[field] = v
            }
            out[model] = rates
        }
        return out
    }
}
