/// Where every cache of ccusage lives: one directory, `$XDG_CACHE_HOME/ccusage`, else `~/.cache/ccusage`,
/// holding
///
/// - `listings-v1.bin` (`ListingCache`): the entries of every data folder walked;
/// - `scan-cache-v3.bin`, `scan-cache-v3-partial.bin` (`ScanCache`): each transcript's parsed records;
/// - `codex-scan-v1.bin` (`CodexScanCache`): each Codex rollout's events and the parser state where its read ended;
/// - `merged-v6-*.bin` (`MergedCache`): deduplicated, priced results, one per cost mode, project and window;
/// - `report-v2-*.bin` (`ReportCache`): finished report text;
/// - `rate-limits-v1.json` (`RateLimitStore`) and the fetched price list (the CLI's online pricing).
///
/// `CacheBudget` decides what is evicted from it. The status line's per-session line cache
/// (`StatuslineCache`) is the one exception: it stays in `$TMPDIR/ccusage-semaphore`, the place the
/// reference's status line uses for the same file, so the two can share a burst of hook calls.
public enum CacheLocation {
    /// The cache directory of `env`.
    public static func directory(_ env: Environment) -> String {
        if let xdg = env.variables["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/ccusage" }
        return env.home + "/.cache/ccusage"
    }

    /// The status line's per-session line cache: `<tmpdir>/ccusage-semaphore`.
    public static func statuslineDirectory(tmp: String) -> String {
        var base = tmp.isEmpty ? "/tmp" : tmp
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        return base + "/ccusage-semaphore"
    }
}
