// libFuzzer target: one transcript line through `LineParser.parse`, and the same bytes as a whole file
// through `FileScanner.scan` (an in-memory file, sometimes behind a filler that puts the fuzzed bytes on
// the 1 MiB chunk boundary). Besides crashes and sanitizer reports it checks invariants, each a trap:
//   - parsing is deterministic (same parser twice, a fresh parser with raw timestamps kept);
//   - JSON whitespace around the line does not change the outcome;
//   - a usage record holds non-negative counts whose total does not overflow, non-empty strings, a finite
//     recorded cost, and a timestamp that prints and re-parses to itself;
//   - FileScanner agrees with a naive reference (split on `\n`, BOM on the first line, one `\r` stripped,
//     each line parsed on its own), including `consumed` (just past the last `\n`) and the counts of a
//     final unterminated line; a scan that stops at the last complete line plus a scan from the offset it
//     returns read exactly what one full scan reads.
import CCUsageKit
import FuzzSupport
#if canImport(Glibc)
import Glibc
#endif

func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant violated: " + message()) }
}

func withoutRaw(_ outcome: LineOutcome) -> LineOutcome {
    guard case .usage(var record) = outcome else { return outcome }
    record.rawTimestamp = nil
    return .usage(record)
}

/// Year 0001 … 9998 in ms: the range in which `Timestamp.iso` prints something `Timestamp.parse` reads back.
let printableTimes: ClosedRange<Int64> = -62_135_596_800_000 ... 253_370_764_800_000

func checkRecord(_ r: UsageRecord, raw: String?) {
    let t = r.tokens
    require(t.input >= 0 && t.output >= 0 && t.cacheCreation >= 0 && t.cacheRead >= 0, "negative tokens \(t)")
    require(r.cacheCreation1h >= 0 && r.cacheCreation1h <= t.cacheCreation, "1h cache \(r.cacheCreation1h) > \(t.cacheCreation)")
    var total = 0
    for v in [t.input, t.output, t.cacheCreation, t.cacheRead] {
        let (s, o) = total.addingReportingOverflow(v)
        require(!o, "token total overflows \(t)")
        total = s
    }
    for s in [r.model, r.sessionField, r.version] { require(s.map { !$0.isEmpty } ?? true, "empty string field") }
    if printableTimes.contains(r.time) {
        require(Timestamp.parse(Timestamp.iso(r.time)) == r.time, "time \(r.time) does not round-trip")
    }
    if let raw { require(Timestamp.parse(raw) == r.time, "raw timestamp \(raw) does not give \(r.time)") }
    if let reset = r.usageLimitReset { require(reset > 0, "reset \(reset)") }
    if let cost = r.recordedCost { require(cost.isFinite, "non-finite recorded cost \(cost)") }
}

func checkParser(_ line: UnsafeBufferPointer<UInt8>) {
    var parser = LineParser()
    let first = parser.parse(line, fileIndex: 3)
    require(parser.parse(line, fileIndex: 3) == first, "second parse differs")
    var rawParser = LineParser(keepRawTimestamps: true)
    let raw = rawParser.parse(line, fileIndex: 3)
    require(withoutRaw(raw) == first, "keepRawTimestamps changes the outcome")
    if case .usage(let record) = raw {
        require(record.rawTimestamp != nil, "raw timestamp missing")
        checkRecord(record, raw: record.rawTimestamp)
        require(record.fileIndex == 3, "file index")
    }
    var padded: [UInt8] = [0x20, 0x09]
    padded.append(contentsOf: line)
    padded.append(contentsOf: [0x20, 0x0D])
    var fresh = LineParser()
    let paddedOutcome = padded.withUnsafeBufferPointer { fresh.parse($0, fileIndex: 3) }
    require(paddedOutcome == first, "surrounding whitespace changes the outcome: \(first) vs \(paddedOutcome)")
}

// MARK: FileScanner

let memfd = ccusage_fuzz_memfd()
let memPath = "/proc/self/fd/\(memfd)"
let chunk = FileScanner.chunkSize

/// What FileScanner should report for `content`, computed line by line without any chunking: the
/// counters, the records, and how many of those records and lines come from a final line without `\n`.
func reference(_ content: [UInt8]) -> (stats: ScanStats, records: [UsageRecord], tailRecords: Int, tailLines: Int) {
    var stats = ScanStats()
    var records: [UsageRecord] = []
    var tailRecords = 0, tailLines = 0
    stats.files = 1
    stats.bytes = Int64(content.count)
    var start = 0
    var first = true
    content.withUnsafeBufferPointer { buf in
        while start < buf.count {
            let end = memchr(buf.baseAddress! + start, 0x0A, buf.count - start)
                .map { UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - buf.baseAddress! } ?? buf.count
            let unterminated = end == buf.count
            var s = start, e = end
            if first, e - s >= 3, buf[s] == 0xEF, buf[s + 1] == 0xBB, buf[s + 2] == 0xBF { s += 3 }
            first = false
            if e > s, buf[e - 1] == 0x0D { e -= 1 }
            stats.lines += 1
            if unterminated { tailLines = 1 }
            var parser = LineParser()
            switch parser.parse(UnsafeBufferPointer(rebasing: buf[s..<e]), fileIndex: 3) {
            case .other: break
            case .malformed: stats.malformedLines += 1
            case .invalid: stats.invalidLines += 1
            case .usage(let r):
                stats.usageLines += 1; records.append(r)
                if unterminated { tailRecords = 1 }
            }
            start = end + 1
        }
    }
    return (stats, records, tailRecords, tailLines)
}

func checkScanner(_ content: [UInt8]) {
    let written = content.withUnsafeBufferPointer { ccusage_fuzz_set_content(memfd, $0.baseAddress, $0.count) }
    require(written == 0, "could not write the in-memory file")
    let full = FileScanner.scan(path: memPath, fileIndex: 3)
    require(full.error == nil, "scan error \(full.error ?? "")")
    let expected = reference(content)
    let afterLastNewline = Int64(content.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
    require(full.stats == expected.stats, "stats \(full.stats) != reference \(expected.stats)")
    require(full.records == expected.records, "records differ from the reference")
    require(full.consumed == afterLastNewline, "consumed \(full.consumed), expected \(afterLastNewline)")
    require(full.tailRecords == expected.tailRecords && full.tailStats.lines == expected.tailLines,
            "tail \(full.tailRecords)/\(full.tailStats.lines), expected \(expected.tailRecords)/\(expected.tailLines)")

    // A file still being written: stop at the last complete line, then read on from there.
    let head = FileScanner.scan(path: memPath, fileIndex: 3, finalLineComplete: false)
    require(head.consumed == afterLastNewline, "partial scan consumed \(head.consumed), expected \(afterLastNewline)")
    require(head.records == Array(full.records.dropLast(full.tailRecords)), "partial scan records")
    require(head.stats.lines == full.stats.lines - full.tailStats.lines, "partial scan line count")
    let tail = FileScanner.scan(path: memPath, fileIndex: 3, from: head.consumed)
    require(head.records + tail.records == full.records, "head + tail records differ from one full scan")
    require(head.stats.lines + tail.stats.lines == full.stats.lines, "head + tail line counts differ")
}

/// A valid non-usage JSON line of exactly `length` bytes (at least 10), newline included.
func fillerLine(_ length: Int) -> [UInt8] {
    let open = Array(#"{"type":""#.utf8), close = Array(#""}"#.utf8) + [0x0A]
    return open + [UInt8](repeating: 0x61, count: length - open.count - close.count) + close
}
let xs = [UInt8](repeating: 0x78, count: chunk)

func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let line = UnsafeBufferPointer(start: data, count: size)
    checkParser(line)
    let bytes = Array(line)
    let shift = size == 0 ? 0 : Int(bytes[0] ^ bytes[size - 1]) % 64 + size / 2
    // Each FileScanner.scan allocates its 1 MiB buffer (mmap'd, zeroed and unmapped again under ASan: most
    // of the time goes to the kernel), so the input length picks the scanner checks for 1 input in 8 and a
    // 1 MiB filler for another 1 in 16.
    switch size % 32 {
    case 6:
        // A whole filler line that ends `shift` bytes before the chunk boundary: the fuzzed lines straddle it.
        checkScanner(fillerLine(chunk - min(shift, chunk - 64)) + bytes)
    case 7:
        // A line longer than one chunk: `x`s without a newline in front of the fuzzed bytes (the buffer grows).
        checkScanner(Array(xs[0..<(chunk - min(shift, chunk))]) + bytes)
    case 0, 8, 16, 24:
        checkScanner(bytes)
    default:
        break
    }
    return 0
}

exit(ccusage_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { fuzzOne($0, $1) })
