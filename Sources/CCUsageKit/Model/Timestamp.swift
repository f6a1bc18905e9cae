/// Milliseconds since the Unix epoch, parsed from Claude Code's ISO-8601 strings.
public enum Timestamp {
    /// `YYYY-MM-DDTHH:MM:SS`, an optional fraction of 1–9 digits (truncated to ms), then `Z` or `±HH:MM`.
    public static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
        let n = s.count
        guard n >= 20 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let b = s[i]; return b >= 48 && b <= 57 ? Int(b - 48) : nil
        }
        @inline(__always) func num(_ i: Int, _ len: Int) -> Int? {
            var v = 0
            for k in i..<(i + len) { guard let d = digit(k) else { return nil }; v = v * 10 + d }
            return v
        }
        guard let year = num(0, 4), s[4] == 0x2D, let month = num(5, 2), s[7] == 0x2D, let day = num(8, 2),
              s[10] == 0x54, let hour = num(11, 2), s[13] == 0x3A, let minute = num(14, 2), s[16] == 0x3A,
              let second = num(17, 2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        var i = 19
        var millis = 0
        if s[i] == 0x2E {
            i += 1
            let start = i
            while i < n, let d = digit(i) {
                if i - start < 3 { millis = millis * 10 + d }
                i += 1
            }
            let count = i - start
            guard count >= 1, count <= 9 else { return nil }
            if count < 3 { for _ in count..<3 { millis *= 10 } }
        }
        guard i < n else { return nil }
        var offset = 0
        if s[i] == 0x5A {
            i += 1
        } else if s[i] == 0x2B || s[i] == 0x2D {
            guard i + 6 == n, let oh = num(i + 1, 2), s[i + 3] == 0x3A, let om = num(i + 4, 2),
                  oh <= 23, om <= 59 else { return nil }
            offset = (oh * 60 + om) * 60 * (s[i] == 0x2D ? -1 : 1)
            i += 6
        } else { return nil }
        guard i == n else { return nil }
        let days = CalendarDay.days(year: year, month: month, day: day)
        let secs = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return secs * 1000 + Int64(millis)
    }

    public static func parse(_ text: String) -> Int64? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    /// `2025-07-20T10:00:00.000Z`
    public static func iso(_ millis: Int64) -> String {
        let secs = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let ms = Int(millis - secs * 1000)
        let days = Int(secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400)
        let rem = Int(secs - Int64(days) * 86_400)
        let day = CalendarDay(daysSinceEpoch: days)
        return "\(day)T\(pad(rem / 3600, 2)):\(pad(rem / 60 % 60, 2)):\(pad(rem % 60, 2)).\(pad(ms, 3))Z"
    }
}
