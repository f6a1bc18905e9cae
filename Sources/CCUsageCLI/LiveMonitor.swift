import CCUsageKit
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `blocks --live`: loads once, then on every tick re-reads only what changed (`IncrementalUsage`) and
/// redraws `LiveDashboard` in the alternate screen until SIGINT/SIGTERM/SIGHUP (or until the terminal is gone).
struct LiveMonitor {
    var context: Context
    /// `--token-limit`; absent means `max` (the largest finished block of the first load).
    var tokenLimit: String?
    var hours: Double
    var refreshSeconds: Double

    /// `1` / `2.5`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }

    static func nowMillis() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    /// Terminal columns: the TTY's width, else `COLUMNS`, else 80 (re-read on every frame for resizes).
    static func width(_ env: [String: String]) -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = env["COLUMNS"], let value = Int(text.trimmed), value > 0 { return value }
        return 80
    }

    func run() async throws {
        let env = context.env
        var loader = IncrementalUsage(options: LoadOptions(mode: context.mode, prices: context.prices,
                                                           singleThread: context.singleThread))
        // The first load happens before the screen switches, so its warnings stay readable.
        var usage: LoadedUsage
        do {
            usage = try loader.refresh(env)
        } catch let error as NoDataDirectoryError {
            throw CLIError(error.description)
        }
        context.report(usage)
        let start = Self.nowMillis()
        let initial = BlocksReport(records: usage.records,
                                   options: BlocksOptions(zone: context.zone, range: context.range, hours: hours, now: start))
        let limit = BlocksReport.parseLimit(tokenLimit ?? "max", max: initial.maxTokens)
        if context.debug {
            Terminal.error("[debug] live: token limit \(limit.map(Format.integer) ?? "none"), refresh every \(Self.seconds(refreshSeconds))s")
        }

        let screen = LiveScreen(tty: Terminal.isTTY(STDOUT_FILENO))
        let events = LiveEvents(refreshSeconds: refreshSeconds, emergencyExit: screen.emergencyExit)
        screen.enter()
        var active = Self.activeBlock(usage, now: Self.nowMillis(), hours: hours)
        var lastFrame = DispatchTime.now()
        var lastRefresh = DispatchTime.now()
        func draw() -> Bool {
            let now = Self.nowMillis()
            // A block that has just ended stops being active without any new data.
            if let block = active, !(now < block.end && now - (block.actualEnd ?? block.start) < block.end - block.start) {
                active = Self.activeBlock(usage, now: now, hours: hours)
            }
            let remembered = RateLimitStore.current(RateLimitStore.read(cacheDirectory: ScanCache.defaultDirectory(env)),
                                                    directories: usage.baseDirectories, now: now).first
            let snapshot = LiveSnapshot(block: active, now: now, zone: context.zone, tokenLimit: limit,
                                        refreshSeconds: refreshSeconds, rateLimits: remembered)
            let sinceLast = DispatchTime.now().uptimeNanoseconds - lastFrame.uptimeNanoseconds
            if sinceLast < 16_000_000 { usleep(useconds_t((16_000_000 - sinceLast) / 1000)) }
            let shown = screen.show(LiveDashboard.render(snapshot, width: Self.width(env.variables), style: context.render.style,
                                                         anchored: screen.tty))
            lastFrame = DispatchTime.now()
            return shown
        }
        guard draw() else { events.cancel(); return }
        var failure: String?
        loop: for await event in events.stream {
            switch event {
            case .stop:
                break loop
            case .resize:
                if !draw() { events.cancel(); return }   // the terminal is gone: nothing to restore
            case .tick:
                // Ticks that queued up behind a slow refresh are dropped.
                let since = Double(DispatchTime.now().uptimeNanoseconds - lastRefresh.uptimeNanoseconds) / 1e9
                if since < refreshSeconds / 2 { continue }
                do {
                    usage = try loader.refresh(env)
                } catch {
                    failure = "\(error)"
                    screen.show(LiveDashboard.error(failure ?? "", style: context.render.style))
                    break loop
                }
                lastRefresh = DispatchTime.now()
                active = Self.activeBlock(usage, now: Self.nowMillis(), hours: hours)
                if !draw() { events.cancel(); return }
            }
        }
        if let failure {
            // Leave the error on screen for one interval (or until Ctrl+C), then stop.
            _ = await events.next(timeout: refreshSeconds)
            events.cancel()
            screen.leave()
            throw CLIError(failure)
        }
        events.cancel()
        screen.leave()
        Terminal.out("Live monitoring stopped.\n")
    }

    static func activeBlock(_ usage: LoadedUsage, now: Int64, hours: Double) -> SessionBlock? {
        SessionBlocks.build(usage.records, now: now, hours: hours).last { $0.isActive && !$0.isGap }
    }
}

/// The alternate screen with a hidden cursor; frames are drawn in place, inside synchronized-update mode.
final class LiveScreen: Sendable {
    let tty: Bool
    static let enterSequence = "\u{1B}[?1049h\u{1B}[?7l\u{1B}[?25l\u{1B}[2J\u{1B}[H"
    static let leaveSequence = "\u{1B}[?2026l\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l"

    init(tty: Bool) { self.tty = tty }

    func enter() { if tty { Terminal.out(Self.enterSequence) } }

    func leave() { if tty { Terminal.out(Self.leaveSequence) } }

    /// One buffered write per frame: home, each line cleared to its end, the rest of the screen cleared.
    /// False when the terminal is gone (the write failed), so the monitor can stop instead of running on.
    @discardableResult
    func show(_ frame: String) -> Bool {
        var out = tty ? "\u{1B}[?2026h\u{1B}[H" : ""
        for line in frame.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            out += line
            out += tty ? "\u{1B}[K\n" : "\n"
        }
        if tty { out += "\u{1B}[J\u{1B}[?2026l" }
        return Terminal.write(STDOUT_FILENO, out)
    }

    /// A second Ctrl+C while a refresh is still running: restore the terminal and exit right away.
    var emergencyExit: @Sendable () -> Never {
        let tty = self.tty
        return {
            Terminal.out((tty ? LiveScreen.leaveSequence : "") + "Live monitoring stopped.\n")
            exit(0)
        }
    }
}

/// Ticks, resizes and stop requests as one async stream: SIGINT/SIGTERM/SIGHUP/SIGWINCH through DispatchSource
/// signal handlers and a repeating timer, all on one serial queue.
final class LiveEvents: @unchecked Sendable {
    enum Event: Sendable { case tick, resize, stop }

    let stream: AsyncStream<Event>
    private let continuation: AsyncStream<Event>.Continuation
    private let queue = DispatchQueue(label: "ccusage.live.events")
    private var sources: [DispatchSourceProtocol] = []
    /// Stop requests seen (touched on `queue` only).
    private var stops = 0

    init(refreshSeconds: Double, emergencyExit: @escaping @Sendable () -> Never) {
        (stream, continuation) = AsyncStream.makeStream(of: Event.self, bufferingPolicy: .bufferingNewest(32))
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [unowned self] in
                self.stops += 1
                if self.stops > 1 { emergencyExit() }
                self.continuation.yield(.stop)
            }
            source.resume()
            sources.append(source)
        }
        signal(SIGWINCH, SIG_IGN)
        let resize = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: queue)
        resize.setEventHandler { [unowned self] in self.continuation.yield(.resize) }
        resize.resume()
        sources.append(resize)
        let timer = DispatchSource.makeTimerSource(queue: queue)
        let interval = DispatchTimeInterval.milliseconds(Int(refreshSeconds * 1000))
        timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(10))
        timer.setEventHandler { [unowned self] in self.continuation.yield(.tick) }
        timer.resume()
        sources.append(timer)
    }

    /// Waits for a stop request for up to `timeout` seconds; true when one came.
    func next(timeout: Double) async -> Bool {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        for await event in stream {
            if event == .stop { return true }
            if DispatchTime.now().uptimeNanoseconds >= deadline { return false }
        }
        return false
    }

    /// Stops the timer and hands the signals back to their default action.
    func cancel() {
        queue.sync {
            for source in sources { source.cancel() }
            sources.removeAll()
        }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        signal(SIGHUP, SIG_DFL)
        signal(SIGWINCH, SIG_DFL)
        continuation.finish()
    }
}
