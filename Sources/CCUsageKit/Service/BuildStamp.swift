#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Size and modification time of the running binary: a rebuilt ccusage never prints a report that an
/// earlier build rendered, even with the same version number (part of every report-cache key).
public enum BuildStamp {
    public static let current: String = {
        #if os(Linux)
        var st = stat()
        guard stat("/proc/self/exe", &st) == 0 else { return "" }
        return "\(st.st_size)-\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
        #else
        return ""
        #endif
    }()
}
