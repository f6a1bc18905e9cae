#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Counters of one scan, summed over files.
public struct ScanStats: Sendable, Equatable {
    public var files = 0
    public var bytes: Int64 = 0
    public var lines = 0
    public var usageLines = 0
    public var malformedLines = 0
    public var invalidLines = 0
    public init() {}

    public static func += (a: inout ScanStats, b: ScanStats) {
        a.files += b.files; a.bytes += b.bytes; a.lines += b.lines; a.usageLines += b.usageLines
        a.malformedLines += b.malformedLines; a.invalidLines += b.invalidLines
    }
}

/// The usage records of one file, plus what could not be read.
public struct FileScan: Sendable {
    public var records: [UsageRecord] = []
    public var stats = ScanStats()
    /// Set when the file could not be opened or a read failed part-way.
    public var error: String?
    /// File offset just past the last `\n` read: where an incremental re-read resumes.
    public var consumed: Int64 = 0
    /// Records (at the end of `records`) that came from a final line without `\n`; a later read may
    /// find that line longer, so caches keep only the records before them.
    public var tailRecords = 0
    /// The counters of that final unterminated line.
    public var tailStats = ScanStats()
    /// File offsets of the first few malformed or invalid lines (for `--debug`).
    public var skippedSamples: [Int64] = []
    /// `ScanCache.fingerprint` of the bytes before `consumed`, when they were still in the read buffer.
    public var fingerprint: UInt64?
    public init() {}
}

/// Streams a file in fixed-size chunks and hands each complete line to a source's line parser (Claude Code's
/// `LineParser` unless another is named).
public enum FileScanner {
    public static let chunkSize = 1 << 20

    /// Reads `path` from byte `offset` (0 = whole file). A final line without `\n` is parsed when
    /// `finalLineComplete` is true (a file at rest); otherwise it is left for a later read.
    ///
    /// A range of a large file: with `alignedStart`, reading begins at the first line that starts at or after
    /// `offset` (the line that straddles it belongs to the previous range); with `until`, lines starting at or
    /// after it are left to the next range. The offsets of the first `samples` skipped lines are kept.
    public static func scan(path: String, fileIndex: Int32, from offset: Int64 = 0,
                            keepRawTimestamps: Bool = false, finalLineComplete: Bool = true,
                            alignedStart: Bool = false, until: Int64? = nil, samples: Int = 3) -> FileScan {
        scan(LineParser.self, path: path, fileIndex: fileIndex, from: offset, keepRawTimestamps: keepRawTimestamps,
             finalLineComplete: finalLineComplete, alignedStart: alignedStart, until: until, samples: samples)
    }

    /// `scan(path:…)` with the lines parsed by a `Parser` (one per call: it may keep state across lines).
    public static func scan<Parser: UsageLineParser>(
        _ parser: Parser.Type, path: String, fileIndex: Int32, from offset: Int64 = 0, keepRawTimestamps: Bool = false,
        finalLineComplete: Bool = true, alignedStart: Bool = false, until: Int64? = nil, samples: Int = 3
    ) -> FileScan {
        var result = FileScan()
        result.consumed = offset
        // Aligning starts one byte early: if that byte is a newline, a line starts exactly at `offset`.
        let offset = alignedStart && offset > 0 ? offset - 1 : offset
        var skipping = alignedStart && result.consumed > 0
        var reachedEnd = false
        // O_NONBLOCK: a transcript replaced by a FIFO after discovery must not block `open` forever (the
        // flag changes nothing for regular files); anything else than a regular file is then refused.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            result.error = String(cString: strerror(errno))
            return result
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            result.error = "not a regular file"
            return result
        }
        if offset > 0, lseek(fd, off_t(offset), SEEK_SET) < 0 {
            result.error = String(cString: strerror(errno))
            return result
        }
        var parser = Parser(keepRawTimestamps: keepRawTimestamps)
        // Sized to the file (small files are the common case) and left uninitialised: only bytes that
        // `read` filled are ever looked at.
        var st = stat()
        let expected = fstat(fd, &st) == 0 ? Int64(st.st_size) - offset : Int64(chunkSize)
        let initial = Int(min(Int64(chunkSize), max(expected + 1, 4096)))
        var buffer = [UInt8](unsafeUninitializedCapacity: initial) { _, count in count = initial }
        var filled = 0          // bytes of `buffer` holding data
        var lineStart = 0       // start of the pending (incomplete) line in `buffer`
        var searchFrom = 0      // where to continue looking for '\n'
        var atFileStart = result.consumed == 0
        var position = offset   // file offset of buffer[0]

        func handle(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            var s = start, e = end
            if atFileStart {
                atFileStart = false
                if e - s >= 3, buf[s] == 0xEF, buf[s + 1] == 0xBB, buf[s + 2] == 0xBF { s += 3 }
            }
            if e > s, buf[e - 1] == 0x0D { e -= 1 }
            result.stats.lines += 1
            switch parser.parse(UnsafeBufferPointer(rebasing: buf[s..<e]), fileIndex: fileIndex) {
            case .other: break
            case .malformed:
                result.stats.malformedLines += 1
                if result.skippedSamples.count < samples { result.skippedSamples.append(position + Int64(start)) }
            case .invalid:
                result.stats.invalidLines += 1
                if result.skippedSamples.count < samples { result.skippedSamples.append(position + Int64(start)) }
            case .usage(let record):
                result.stats.usageLines += 1
                result.records.append(record)
            }
        }

        while true {
            if filled == buffer.count {
                if lineStart > 0 {
                    // Move the partial line to the front.
                    let pending = filled - lineStart
                    buffer.withUnsafeMutableBytes { raw in
                        if pending > 0 { memmove(raw.baseAddress!, raw.baseAddress! + lineStart, pending) }
                    }
                    position += Int64(lineStart)
                    searchFrom -= lineStart
                    filled = pending
                    lineStart = 0
                } else {
                    // One line longer than the buffer: grow it (uninitialised, as above).
                    let grown = buffer.count * 2
                    var bigger = [UInt8](unsafeUninitializedCapacity: grown) { _, count in count = grown }
                    bigger.withUnsafeMutableBytes { dst in
                        buffer.withUnsafeBytes { src in dst.baseAddress!.copyMemory(from: src.baseAddress!, byteCount: filled) }
                    }
                    buffer = bigger
                }
            }
            let got = buffer.withUnsafeMutableBytes { raw in
                read(fd, raw.baseAddress! + filled, raw.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                result.error = String(cString: strerror(errno))
                break
            }
            if got == 0 { break }
            filled += got
            result.stats.bytes += Int64(got)
            buffer.withUnsafeBufferPointer { buf in
                let base = buf.baseAddress!
                while searchFrom < filled {
                    guard let hit = memchr(base + searchFrom, 0x0A, filled - searchFrom) else {
                        searchFrom = filled
                        break
                    }
                    let end = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    if skipping {
                        skipping = false        // the rest of a line that belongs to the previous range
                    } else {
                        if let until, position + Int64(lineStart) >= until { reachedEnd = true; break }
                        handle(buf, lineStart, end)
                    }
                    lineStart = end + 1
                    searchFrom = lineStart
                }
            }
            if skipping { lineStart = filled; searchFrom = filled }
            result.consumed = position + Int64(lineStart)
            if reachedEnd { break }
            if let until, !skipping, position + Int64(lineStart) >= until { break }
        }
        // The cache's fingerprint of the last bytes before `consumed`, while they are still in memory.
        let tailLength = Int(min(result.consumed, 256))
        if tailLength > 0, lineStart >= tailLength {
            result.fingerprint = buffer.withUnsafeBufferPointer {
                Hashing.pair(UnsafeBufferPointer(rebasing: $0[(lineStart - tailLength)..<lineStart])).0
            }
        }
        if lineStart < filled, finalLineComplete, !skipping, until == nil, result.error == nil {
            let before = result.stats, count = result.records.count
            buffer.withUnsafeBufferPointer { handle($0, lineStart, filled) }
            result.tailRecords = result.records.count - count
            result.tailStats.lines = result.stats.lines - before.lines
            result.tailStats.usageLines = result.stats.usageLines - before.usageLines
            result.tailStats.malformedLines = result.stats.malformedLines - before.malformedLines
            result.tailStats.invalidLines = result.stats.invalidLines - before.invalidLines
        }
        result.stats.files = 1
        return result
    }
}
