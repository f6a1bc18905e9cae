import CCUsageTestSupport
import Dispatch
import Foundation
import Testing
@testable import CCUsageKit
#if canImport(Glibc)
import Glibc
#endif

extension Tag {
    /// Generates tens or hundreds of MiB, or 100,000 files, at test time (still part of `swift test`).
    @Tag static var heavy: Self
}

/// Faults from the outside world — unreadable, vanishing, growing, corrupt and huge files — each checked for
/// its exact outcome *and* for every readable entry still being counted.
///
/// Tests run as root here, where permission bits do not stop a read. Those tests drop the filesystem
/// privileges of the test's own thread with `setfsuid(2)` (the kernel then also clears CAP_DAC_OVERRIDE and
/// CAP_DAC_READ_SEARCH for that thread), so `chmod 000` really denies `open`/`opendir`; each checks that
/// it does before relying on it. The loads they run are single-threaded, so every read happens on that thread.
@Suite struct FaultInjectionTests {
    // MARK: Helpers

    /// `count` distinct usage lines: message `<prefix>-i`, request `r-<prefix>-i`, input `i + 1`, output 2.
    static func usageLines(_ prefix: String, _ count: Int, day: Int = 20) -> [String] {
        (0..<count).map {
            line(id: "\(prefix)-\($0)", request: "r-\(prefix)-\($0)", input: $0 + 1, output: 2,
                 time: "2025-07-\(day)T10:00:00.000Z")
        }
    }

    static func inputSum(_ count: Int) -> Int { count * (count + 1) / 2 }

    static func load(_ root: String, singleThread: Bool = true) throws -> LoadedUsage {
        try UsageLoader.load(LoadOptions(singleThread: singleThread), testEnvironment(configDir: root))
    }

    static func totals(_ usage: LoadedUsage) -> TokenCounts {
        var t = TokenCounts()
        for r in usage.records { t += r.tokens }
        return t
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    static func writeFile(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Runs `body` with this thread's filesystem uid/gid set to nobody (65534) when running as root.
    static func asUnprivilegedThread<T>(_ body: () throws -> T) throws -> T {
        guard getuid() == 0 else { return try body() }
        typealias SetFS = @convention(c) (UInt32) -> Int32
        let handle = dlopen(nil, RTLD_NOW)
        let setfsuid = unsafeBitCast(try #require(dlsym(handle, "setfsuid")), to: SetFS.self)
        let setfsgid = unsafeBitCast(try #require(dlsym(handle, "setfsgid")), to: SetFS.self)
        _ = setfsgid(65534); _ = setfsuid(65534)
        defer { _ = setfsuid(0); _ = setfsgid(0) }
        return try body()
    }

    /// The errno of `open(path)` (0 when it opens).
    static func openErrno(_ path: String, _ flags: Int32 = O_RDONLY) -> Int32 {
        let fd = open(path, flags)
        if fd >= 0 { close(fd); return 0 }
        return errno
    }

    // MARK: Unreadable things

    @Test func unreadableFileIsReportedAndEveryOtherEntryCounted() throws {
        let root = try makeTree(["p/good.jsonl": Self.usageLines("g", 5), "p/secret.jsonl": Self.usageLines("s", 3),
                                 "q/other.jsonl": Self.usageLines("o", 4)])
        defer { Self.remove(root) }
        let secret = root + "/projects/p/secret.jsonl"
        #expect(chmod(secret, 0) == 0)
        let usage = try Self.asUnprivilegedThread { () throws -> LoadedUsage in
            #expect(Self.openErrno(secret) == EACCES, "the mechanism must really deny the read")
            return try Self.load(root)
        }
        #expect(usage.problems == [LoadProblem(kind: .unreadableFile, path: secret, reason: "Permission denied")])
        #expect(usage.files.count == 3)
        #expect(usage.stats.files == 2 && usage.stats.lines == 9 && usage.stats.usageLines == 9)
        #expect(usage.records.count == 9)
        #expect(Self.totals(usage) == TokenCounts(input: Self.inputSum(5) + Self.inputSum(4), output: 18))
    }

    @Test func directoryThatCannotBeListedIsReportedAndEveryOtherEntryCounted() throws {
        let root = try makeTree(["p/a.jsonl": Self.usageLines("a", 2), "locked/x.jsonl": Self.usageLines("x", 7),
                                 "locked/sub/y.jsonl": Self.usageLines("y", 1), "z/b.jsonl": Self.usageLines("b", 3)])
        defer { chmod(root + "/projects/locked", 0o755); Self.remove(root) }
        let locked = root + "/projects/locked"
        #expect(chmod(locked, 0) == 0)
        let usage = try Self.asUnprivilegedThread { () throws -> LoadedUsage in
            #expect(Self.openErrno(locked, O_RDONLY | O_DIRECTORY) == EACCES, "the mechanism must really deny listing")
            return try Self.load(root)
        }
        #expect(usage.problems == [LoadProblem(kind: .unreadableDirectory, path: locked, reason: "Permission denied")])
        #expect(usage.files.map { ($0.path as NSString).lastPathComponent } == ["a.jsonl", "b.jsonl"])
        #expect(usage.records.count == 5 && usage.stats.usageLines == 5)
        #expect(Self.totals(usage).input == Self.inputSum(2) + Self.inputSum(3))
    }

    /// Root can open anything, but not every open file can be read: `/proc/self/mem` is a regular file whose
    /// first page is unmapped, so `read` fails with EIO part-way into the scan.
    @Test func readErrorIsReportedAndEveryOtherEntryCounted() throws {
        let root = try makeTree(["p/good.jsonl": Self.usageLines("g", 3)])
        defer { Self.remove(root) }
        let bad = root + "/projects/p/mem.jsonl"
        #expect(symlink("/proc/self/mem", bad) == 0)
        let usage = try Self.load(root)
        #expect(usage.problems == [LoadProblem(kind: .unreadableFile, path: bad, reason: "Input/output error")])
        #expect(usage.files.count == 2 && usage.records.count == 3)
        #expect(Self.totals(usage).input == Self.inputSum(3))
    }

    @Test func missingConfigDirEntryIsReportedAndTheOtherEntriesRead() throws {
        let a = try makeTree(["p/a.jsonl": Self.usageLines("a", 2)])
        let b = try makeTree(["q/b.jsonl": Self.usageLines("b", 3)])
        defer { Self.remove(a); Self.remove(b) }
        let missing = "/nonexistent-ccusage-\(UUID().uuidString)"
        let env = testEnvironment(configDir: "\(a), \(missing) ,\(b)")
        let usage = try UsageLoader.load(LoadOptions(), env)
        #expect(usage.baseDirectories == [a, b])
        #expect(usage.problems == [LoadProblem(kind: .invalidDataDirectory, path: missing,
                                               reason: "CLAUDE_CONFIG_DIR entry: not a directory")])
        #expect(usage.records.count == 5 && Self.totals(usage).input == Self.inputSum(2) + Self.inputSum(3))
        // Nothing valid at all is the one fatal case.
        #expect(throws: NoDataDirectoryError.self) {
            try UsageLoader.load(LoadOptions(), testEnvironment(configDir: missing))
        }
    }

    @Test func symlinkLoopsAreReportedAndEveryFileCountedOnce() throws {
        let root = try makeTree(["p/a.jsonl": Self.usageLines("a", 2), "p/deep/b.jsonl": Self.usageLines("b", 3)])
        defer { Self.remove(root) }
        let projects = root + "/projects"
        #expect(symlink("..", projects + "/p/deep/up") == 0)            // deep/up → p: a directory cycle
        #expect(symlink("self.jsonl", projects + "/p/self.jsonl") == 0) // a link to itself (ELOOP)
        for singleThread in [true, false] {
            let usage = try Self.load(root, singleThread: singleThread)
            #expect(usage.problems == [
                LoadProblem(kind: .symlinkLoop, path: projects + "/p/deep/up", reason: "directory already visited (symlink loop)"),
                LoadProblem(kind: .unreadableFile, path: projects + "/p/self.jsonl", reason: "Too many levels of symbolic links"),
            ])
            #expect(usage.files.map(\.path) == [projects + "/p/a.jsonl", projects + "/p/deep/b.jsonl"])
            #expect(usage.records.count == 5 && usage.duplicatesRemoved == 0)
        }
    }

    /// A FIFO named `*.jsonl` is not a transcript: discovery skips it (it is never opened, so nothing
    /// blocks), while a *directory* named `*.jsonl` is walked like any other.
    @Test func fifoIsSkippedAndDirectoryNamedJsonlIsWalked() throws {
        let root = try makeTree(["p/a.jsonl": Self.usageLines("a", 2), "p/dir.jsonl/inner.jsonl": Self.usageLines("i", 3)])
        defer { Self.remove(root) }
        #expect(mkfifo(root + "/projects/p/pipe.jsonl", 0o644) == 0)
        let usage = try Self.load(root)
        #expect(usage.problems.isEmpty)
        #expect(usage.files.map(\.path) == [root + "/projects/p/a.jsonl", root + "/projects/p/dir.jsonl/inner.jsonl"])
        #expect(usage.files[1].sessionID == "dir.jsonl")
        #expect(usage.records.count == 5)
    }

    // MARK: Files that change under the reader

    @Test func fileDeletedBetweenListingAndOpeningIsReported() throws {
        let root = try makeTree(["p/a.jsonl": Self.usageLines("a", 2), "p/gone.jsonl": Self.usageLines("g", 9),
                                 "p/z.jsonl": Self.usageLines("z", 4)])
        defer { Self.remove(root) }
        var problems: [LoadProblem] = []
        let files = Discovery.transcripts(in: [root], problems: &problems)
        #expect(files.count == 3 && problems.isEmpty)
        let gone = root + "/projects/p/gone.jsonl"
        #expect(unlink(gone) == 0)
        let options = LoadOptions()
        let usage = UsageLoader.merge(files: files, scans: UsageLoader.scanAll(files, options: options), options: options)
        #expect(usage.problems == [LoadProblem(kind: .unreadableFile, path: gone, reason: "No such file or directory")])
        #expect(usage.stats.files == 2 && usage.records.count == 6)
        #expect(Self.totals(usage).input == Self.inputSum(2) + Self.inputSum(4))
    }

    /// Replaced by a FIFO after listing (with no writer): opening it must not block the scan forever.
    @Test func fileReplacedByFifoAfterListingDoesNotHang() throws {
        let root = try makeTree(["p/a.jsonl": Self.usageLines("a", 2), "p/b.jsonl": Self.usageLines("b", 3)])
        defer { Self.remove(root) }
        var problems: [LoadProblem] = []
        let files = Discovery.transcripts(in: [root], problems: &problems)
        let fifo = root + "/projects/p/b.jsonl"
        #expect(unlink(fifo) == 0 && mkfifo(fifo, 0o644) == 0)
        let done = DispatchSemaphore(value: 0)
        let box = ScanBox()
        Thread.detachNewThread {
            box.scans = UsageLoader.scanAll(files, options: LoadOptions(singleThread: true))
            done.signal()
        }
        if done.wait(timeout: .now() + 10) == .timedOut {
            Issue.record("scanning a FIFO blocked for 10 s")
            // Unblock the reader: a writer appears and goes away, so its open returns and read sees EOF.
            let fd = open(fifo, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
            done.wait()
        }
        let options = LoadOptions()
        let usage = UsageLoader.merge(files: files, scans: box.scans, options: options)
        #expect(usage.records.count == 2, "the regular file is still counted")
        #expect(usage.problems == [LoadProblem(kind: .unreadableFile, path: fifo, reason: "not a regular file")])
    }

    final class ScanBox: @unchecked Sendable { var scans: [FileScan] = [] }

    /// Another thread appends whole lines while a large file is scanned. The scan sees a prefix of the
    /// lines (never a torn line except possibly the very last one), and a re-read from `consumed` plus the
    /// first scan account for every line exactly once.
    @Test(.tags(.heavy)) func fileGrowingWhileReadIsCountedExactlyOnce() throws {
        let initial = 150_000, appended = 30_000
        let root = try makeTree(["p/big.jsonl": Self.usageLines("x", initial)])
        defer { Self.remove(root) }
        let path = root + "/projects/p/big.jsonl"
        let extra = Self.usageLines("y", appended).map { Array(($0 + "\n").utf8) }
        let started = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let fd = open(path, O_WRONLY | O_APPEND)
            started.signal()
            for bytes in extra { _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } }
            close(fd)
            finished.signal()
        }
        started.wait()
        let first = FileScanner.scan(path: path, fileIndex: 0)
        finished.wait()
        let allKeys = (0..<initial).map { DedupKey(messageID: "x-\($0)", requestID: "r-x-\($0)") }
            + (0..<appended).map { DedupKey(messageID: "y-\($0)", requestID: "r-y-\($0)") }
        #expect(first.error == nil)
        #expect(first.records.count >= initial && first.records.count <= initial + appended)
        // Only a final line caught half-written can be malformed.
        #expect(first.stats.malformedLines == first.tailStats.malformedLines && first.stats.malformedLines <= 1)
        let kept = Array(first.records.dropLast(first.tailRecords))
        #expect(kept.map(\.dedupKey) == Array(allKeys.prefix(kept.count)))
        let rest = FileScanner.scan(path: path, fileIndex: 0, from: first.consumed)
        #expect((kept + rest.records).map(\.dedupKey) == allKeys)
        #expect(rest.stats.malformedLines == 0 && rest.error == nil)
        let usage = try Self.load(root)
        #expect(usage.records.count == initial + appended && usage.stats.malformedLines == 0)
        #expect(Self.totals(usage).input == Self.inputSum(initial) + Self.inputSum(appended))
    }
}
