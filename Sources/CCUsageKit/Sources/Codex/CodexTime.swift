/// Codex timestamps (07-codex §5.2, §7, §11.2) and the `codex-auto-review` model table (§6).
public enum CodexTime {
    /// The strict grammar: `YYYY-MM-DDTHH:MM:SS` with an optional `.mmm` (exactly three digits), then `Z` or
    /// `±HH:MM` (the offset's digits not range-checked); a real calendar day. Milliseconds since the epoch.
    public static func parse(_ text: String) -> Int64? {
        // Read in place (a copy of the bytes per event was a tenth of building a report).
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    static func parse(bytes s: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard s.count == 20 || s.count == 24 || s.count == 25 || s.count == 29 else { return nil }
        func num(_ i: Int, _ length: Int) -> Int? {
            var v = 0
            for k in i..<(i + length) {
                guard s[k] >= 48, s[k] <= 57 else { return nil }
                v = v * 10 + Int(s[k] - 48)
            }
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
            guard s.count >= 24, let ms = num(20, 3) else { return nil }
            millis = ms
            i = 23
        }
        var offset = 0
        if s[i] == 0x5A {
            i += 1
        } else if s[i] == 0x2B || s[i] == 0x2D {
            guard i + 6 == s.count, let oh = num(i + 1, 2), s[i + 3] == 0x3A, let om = num(i + 4, 2) else { return nil }
            offset = (oh * 60 + om) * 60 * (s[i] == 0x2D ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == s.count else { return nil }
        let days = CalendarDay.days(year: year, month: month, day: day)
        return (Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)) * 1000 + Int64(millis)
    }

    /// An unsigned epoch number: above 10 000 000 000 milliseconds, else seconds; as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    static func normalise(epoch value: UInt64) -> String {
        let clamped = min(value, 253_402_300_799_999)   // 9999-12-31T23:59:59.999Z
        let millis = value > 10_000_000_000 ? Int64(clamped) : Int64(min(value, 253_402_300_799)) * 1000
        return Timestamp.iso(millis)
    }

    /// `codex-auto-review` stands for the newest model released on or before the event's date
    /// (`shared/pricing/codex-auto-review-fallbacks.json`, newest first).
    static let autoReviewModels: [(releasedOn: String, model: String)] = [
        ("2026-04-23", "gpt-5.5"), ("2026-03-05", "gpt-5.4"), ("2026-02-05", "gpt-5.3-codex"),
        ("2025-12-11", "gpt-5.2-codex"), ("2025-11-13", "gpt-5.1-codex"), ("2025-09-15", "gpt-5-codex"),
        ("2025-08-07", "gpt-5"),
    ]

    /// The model for `codex-auto-review` at a timestamp: its first 10 characters as a real `YYYY-MM-DD`
    /// (the date as written, in the string's own offset); `gpt-5` when they are not one.
    static func autoReviewModel(dateOf timestamp: String) -> String {
        guard let date = realDate(prefixOf: timestamp) else { return "gpt-5" }
        return autoReviewModels.first { $0.releasedOn <= date }?.model ?? "gpt-5"
    }

    /// The first 10 characters when they form a real calendar date `YYYY-MM-DD`.
    static func realDate(prefixOf text: String) -> String? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element >= 48 && $0.element <= 57) })
        else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        func num(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(bytes[$1] - 48) } }
        let month = num(5..<7), day = num(8..<10)
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: num(0..<4)) else {
            return nil
        }
        return text
    }
}
