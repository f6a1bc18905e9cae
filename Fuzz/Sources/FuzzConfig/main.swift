// libFuzzer target: a `ccusage.json` configuration file through `ConfigFile.load(path:)` (JSONSerialization,
// then the typed validation in Sources/CCUsageKit/Config/ConfigFile.swift), from an in-memory file.
// Besides crashes and sanitizer reports it checks, each a trap:
//   - every failure is a `ConfigError` that names the file (never another error type);
//   - loading is deterministic (the same bytes load to an equal `ConfigFile`, or fail with the same message);
//   - the merged options of every command are the layers in order, and hold only the keys the layers hold.
import CCUsageKit
import FuzzSupport
#if canImport(Glibc)
import Glibc
#endif

func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: " + message()) }
}

let memfd = ccusage_fuzz_memfd()
let memPath = "/proc/self/fd/\(memfd)"

func load() -> Result<ConfigFile, ConfigError> {
    do {
        return .success(try ConfigFile.load(path: memPath))
    } catch let error as ConfigError {
        return .failure(error)
    } catch {
        fatalError("invariant violated: ConfigFile.load threw \(type(of: error)): \(error)")
    }
}

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    require(ccusage_fuzz_set_content(memfd, data, size) == 0, "could not write the in-memory file")
    let first = load()
    switch (first, load()) {
    case (.success(let a), .success(let b)):
        require(a == b, "two loads of the same bytes differ")
        for command in ConfigFile.commandNames {
            let merged = a.options(for: command)
            var keys = Set(a.defaults.keys).union(a.claudeDefaults.keys)
            keys.formUnion((a.commands[command] ?? [:]).keys)
            keys.formUnion((a.claudeCommands[command] ?? [:]).keys)
            require(Set(merged.keys) == keys, "options(for: \(command)) keys")
            for (key, value) in merged {
                let expected = a.claudeCommands[command]?[key] ?? a.claudeDefaults[key] ?? a.commands[command]?[key]
                    ?? a.defaults[key]
                require(value == expected, "options(for: \(command))[\(key)] is not the last layer's value")
            }
        }
    case (.failure(let a), .failure(let b)):
        require(a.path == memPath && a.description.contains(memPath), "error does not name the file: \(a)")
        require(a.description == b.description, "two loads of the same bytes fail differently")
    default:
        fatalError("invariant violated: one load succeeded, the other failed")
    }
    return 0
}

exit(ccusage_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { fuzzOne($0, $1) })
