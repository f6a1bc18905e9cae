import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Optional fresh prices from LiteLLM, fetched with `curl` (HTTPS only, short timeouts, size cap) and kept
/// for a day in the cache directory; any failure falls back to the embedded snapshot, quietly, and is not
/// retried for an hour.
public enum OnlinePricing {
    static let freshFor: TimeInterval = 24 * 3600
    static let retryAfter: TimeInterval = 3600

    /// `verbose`: a failed refresh says why through `notices`.
    public static func table(base: PriceTable, env: Environment, verbose: Bool,
                             notices: (String) -> Void) -> PriceTable {
        let now = Date(timeIntervalSince1970: Double(env.now) / 1000)
        let dir = ScanCache.defaultDirectory(env)
        let cached = dir + "/litellm-pricing.json", failed = dir + "/litellm-pricing.failed"
        if age(cached, now: now) < freshFor, let data = FileManager.default.contents(atPath: cached),
           let prices = LiteLLMPricing.parse(data, overrides: PriceTable.fastOverrides) {
            return base.overlaying(prices)
        }
        if age(failed, now: now) < retryAfter { return base }
        func fail(_ why: String) -> PriceTable {
            if verbose { notices("[debug] pricing refresh failed (\(why)); using the embedded prices") }
            _ = try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: failed, contents: Data(why.utf8))
            return base
        }
        let candidates: [String] = ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl"]
        guard let curl = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return fail("curl not found")
        }
        _ = try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // Unique per call: MCP tool calls run concurrently in one process.
        let temp = cached + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: curl)
        process.arguments = ["-sS", "--fail", "--proto", "=https", "--connect-timeout", "2", "--max-time", "6",
                             "--max-filesize", String(LiteLLMPricing.maxBytes), "-o", temp, LiteLLMPricing.url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return fail("could not run curl") }
        process.waitUntilExit()
        defer { unlink(temp) }
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: temp) else {
            return fail("curl exit code \(process.terminationStatus)")
        }
        guard let prices = LiteLLMPricing.parse(data, overrides: PriceTable.fastOverrides) else {
            return fail("the downloaded price list is not valid")
        }
        if rename(temp, cached) != 0 { unlink(temp) }
        unlink(failed)
        return base.overlaying(prices)
    }

    /// Seconds since the file was modified (infinite when missing).
    static func age(_ path: String, now: Date) -> TimeInterval {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let date = attributes[.modificationDate] as? Date else { return .infinity }
        return now.timeIntervalSince(date)
    }
}
