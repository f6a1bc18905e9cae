#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every distinct string a usage record refers to (model, session id, version, raw timestamp), stored once
/// per process. Records hold 32-bit ids instead of `String`s, so a record is plain data: copied, compared
/// and written to (and mapped from) the cache as bytes, with no reference counting.
///
/// Ids are handed out in order from 1 (0 is "none") and never reused. Lookups take no lock: a string's slot
/// is filled before its id is returned, and an id only reaches another thread through the same
/// synchronisation that hands over the record holding it.
public enum StringPool {
    static let chunkBits = 12
    static let chunkSize = 1 << chunkBits
    static let maxChunks = 1 << 18

    private final class Storage: @unchecked Sendable {
        /// `maxChunks` chunk pointers, zero until used (lazily zeroed pages: only touched chunks cost memory).
        let chunks: UnsafeMutablePointer<UnsafeMutablePointer<String>?>
        var ids: [String: UInt32] = [:]
        var next: UInt32 = 1
        let lock = NSLockLite()

        init() {
            let raw = calloc(StringPool.maxChunks, MemoryLayout<UnsafeMutablePointer<String>?>.stride)!
            chunks = raw.bindMemory(to: UnsafeMutablePointer<String>?.self, capacity: StringPool.maxChunks)
        }
    }

    private static let storage = Storage()

    /// The id of `string` (0 for nil), adding it when new.
    @inline(__always) public static func id(_ string: String?) -> UInt32 {
        guard let string else { return 0 }
        return intern(string)
    }

    static func intern(_ string: String) -> UInt32 {
        let s = storage
        return s.lock.withLock {
            if let id = s.ids[string] { return id }
            let id = s.next
            let chunk = Int(id) >> chunkBits
            precondition(chunk < maxChunks, "string pool full")
            if s.chunks[chunk] == nil { s.chunks[chunk] = .allocate(capacity: chunkSize) }
            (s.chunks[chunk]! + (Int(id) & (chunkSize - 1))).initialize(to: string)
            s.ids[string] = id
            s.next = id + 1
            return id
        }
    }

    /// The string of an id from `id(_:)` (nil for 0).
    @inline(__always) public static func string(_ id: UInt32) -> String? {
        guard id != 0 else { return nil }
        return storage.chunks[Int(id) >> chunkBits]![Int(id) & (chunkSize - 1)]
    }

    /// One past the largest id handed out so far.
    static var end: UInt32 { storage.lock.withLock { storage.next } }

    /// The strings of ids 1..<end, in id order.
    static func strings(upTo end: UInt32) -> [String] {
        guard end > 1 else { return [] }
        return (1..<end).map { string($0)! }
    }
}
