import CCUsageCLI
import CCUsageKit
import Foundation

extension TeamMain {
    /// The exit code of a captured team report whose database could not be used (none configured,
    /// unreachable, wrong password, another schema version): `EX_UNAVAILABLE`, so a server can tell it from
    /// a refused option (exit code 1).
    public static let databaseFailure: Int32 = 69

    /// A team report run inside a server (the web dashboard): `arguments` as `ccusage <report> --team …` takes
    /// them, output captured and serialized with the server's other runs (`CapturedRun`), the team database
    /// installed as the usage source for this run only.
    public static func captured(_ arguments: [String]) async -> CapturedRun {
        let failed = FailureFlag()
        var result = await CapturedRun.run {
            let (forwarded, filters, url) = try parse(arguments)
            let load: @Sendable (TeamLoadRequest) throws -> LoadedUsage
            do { load = try provider(url: url, filters: filters, arguments: arguments) } catch {
                failed.set()
                throw error
            }
            TeamHandoff.provider = { request in
                do { return try load(request) } catch { failed.set(); throw error }
            }
            defer { TeamHandoff.provider = nil }   // a later local run never sees the team database
            return await CCUsageCommand.run(arguments: forwarded)
        }
        if result.code != 0, failed.isSet { result.code = databaseFailure }
        return result
    }
}

/// Whether a captured team run's database could not be used.
private final class FailureFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
