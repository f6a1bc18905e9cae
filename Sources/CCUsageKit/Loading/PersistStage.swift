import Dispatch

extension UsageLoader {
    /// Writes what this load learned: the scan cache (when a file was read or dropped) and the merged result
    /// (when every file was read without a problem), before returning or on the background queue.
    static func persist(_ usage: LoadedUsage, scans writer: CacheWriter?, merged: (path: String, signature: UInt64)?,
                        states: [MergedCache.FileState], ends: [Int], fileCount: Int, partial: Bool,
                        options: LoadOptions) {
        var states = states
        let scanWriter = writer
        var mergedStates: [MergedCache.FileState]?
        if merged != nil, usage.problems.isEmpty, states.count == fileCount {
            for i in states.indices { states[i].end = ends[i] }
            mergedStates = states
        }
        let directory = options.cacheDirectory ?? "", pricing = MergedCache.pricingSignature(options)
        let finalStates = mergedStates, target = merged?.path, key = merged?.signature ?? 0
        CacheWrites.run(inBackground: options.writeCachesInBackground) {
            scanWriter?.write(directory: directory, partial: partial)
            if let target, let finalStates {
                MergedCache.write(usage, states: finalStates, signature: key, pricing: pricing, path: target)
            }
        }
    }
}

/// Cache files written while the report is being built: a serial queue (one write at a time, in order) that
/// the CLI waits for before it exits.
public enum CacheWrites {
    private static let queue = DispatchQueue(label: "ccusage.cache-writes")
    private static let group = DispatchGroup()

    public static func run(inBackground: Bool, _ work: @escaping @Sendable () -> Void) {
        if inBackground { queue.async(group: group, execute: work) } else { work() }
    }

    /// Returns when every submitted write has finished.
    public static func wait() { group.wait() }

    nonisolated(unsafe) private static var parked: [Garbage] = []
    private static let lock = NSLockLite()

    /// Keeps values alive until the process exits.
    static func park(_ garbage: Garbage) { lock.withLock { parked.append(garbage) } }
}
