import Foundation

/// The report time zone: turns instants into calendar days and local clock fields.
public struct ReportZone: Sendable {
    public let timeZone: TimeZone

    public init(_ timeZone: TimeZone) { self.timeZone = timeZone }

    /// An IANA name; nil when the zone is unknown.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.timeZone = zone
    }

    public var identifier: String { timeZone.identifier }

    public func offsetSeconds(atMillis millis: Int64) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(millis) / 1000))
    }

    public func day(ofMillis millis: Int64) -> CalendarDay {
        let local = floorDiv(millis, 1000) + Int64(offsetSeconds(atMillis: millis))
        return CalendarDay(daysSinceEpoch: Int(floorDiv(local, 86_400)))
    }

    /// Local wall-clock fields of an instant.
    public func clock(ofMillis millis: Int64) -> (day: CalendarDay, hour: Int, minute: Int, second: Int) {
        let local = floorDiv(millis, 1000) + Int64(offsetSeconds(atMillis: millis))
        let days = floorDiv(local, 86_400)
        let rem = Int(local - days * 86_400)
        return (CalendarDay(daysSinceEpoch: Int(days)), rem / 3600, rem / 60 % 60, rem % 60)
    }
}

/// Caches the zone offset per UTC hour, so bucketing many entries stays cheap.
public struct DayBucketer {
    public let zone: ReportZone
    /// Direct-mapped by UTC hour: (hour, offset in seconds); hours whose offset changes inside are not kept.
    private var hours = [(hour: Int64, offset: Int)](repeating: (.min, 0), count: 4096)

    public init(_ zone: ReportZone) { self.zone = zone }

    private var lastHour: Int64 = .min
    private var lastOffset = 0
    private var lastDayNumber = Int.min
    private var lastDay = CalendarDay(daysSinceEpoch: 0)

    public mutating func day(ofMillis millis: Int64) -> CalendarDay {
        let hour = floorDiv(millis, 3_600_000)
        let offset: Int
        if hour == lastHour {
            offset = lastOffset
        } else {
            let slot = Int(truncatingIfNeeded: hour) & (hours.count - 1)
            if hours[slot].hour == hour {
                offset = hours[slot].offset
            } else {
                let start = zone.offsetSeconds(atMillis: hour * 3_600_000)
                let end = zone.offsetSeconds(atMillis: hour * 3_600_000 + 3_599_999)
                if start == end {
                    hours[slot] = (hour, start)
                    offset = start
                } else {
                    // The offset changes inside this hour (a transition): ask for this instant, cache nothing.
                    return dayOf(floorDiv(millis, 1000) + Int64(zone.offsetSeconds(atMillis: millis)))
                }
            }
            lastHour = hour
            lastOffset = offset
        }
        return dayOf(floorDiv(millis, 1000) + Int64(offset))
    }

    /// The calendar day of local seconds, reusing the last one (records come in runs of the same day).
    @inline(__always) private mutating func dayOf(_ localSeconds: Int64) -> CalendarDay {
        let number = Int(floorDiv(localSeconds, 86_400))
        if number != lastDayNumber {
            lastDayNumber = number
            lastDay = CalendarDay(daysSinceEpoch: number)
        }
        return lastDay
    }
}

@inline(__always) func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
