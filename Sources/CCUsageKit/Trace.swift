#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `CCUSAGE_TRACE=1` prints, on stderr, the milliseconds since `main` began at each phase of a run:
/// how the benchmark figures split between start-up, discovery, cache reads, reports and output.
public enum Trace {
    public static let enabled = getenv("CCUSAGE_TRACE") != nil

    @inline(__always) public static func mark(_ label: @autoclosure () -> String) {
        guard enabled else { return }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let ms = Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6 - processStartMs
        let line = "[trace] \(String(format: ms)) ms \(label())\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    private static func String(format ms: Double) -> Swift.String {
        let tenths = Int((ms * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The first mark (made first thing in `main`); the time before it is the runtime's start-up.
    private static let processStartMs: Double = {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6
    }()
}
