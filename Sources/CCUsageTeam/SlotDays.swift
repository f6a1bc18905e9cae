import CCUsageKit

/// The report zone's calendar days as runs of 15-minute UTC slots (slot = UTC milliseconds / 900,000). Every
/// zone's offset is a multiple of 15 minutes (Asia/Kolkata +5:30, Asia/Kathmandu +5:45, DST shifts alike), so
/// all instants of one slot fall on one local day. The runs are computed here with the CLI's own rule
/// (`ReportZone.day`: the UTC instant plus the zone's offset at that instant), so the database only compares
/// slot numbers with the runs' first slots (`width_bucket`, a binary search) instead of converting every
/// rollup row to local time, and a rollup row lands on exactly the day a local report gives its events.
struct SlotDays: Equatable {
    static let slotSeconds: Int64 = 900
    /// The first slot of each run, ascending; `days[i]` is the local day of slots `starts[i] ..< starts[i + 1]`.
    let starts: [Int32]
    let days: [CalendarDay]

    /// The runs covering `slots`. The zone is asked twice per UTC day (its offset at the first and last
    /// millisecond); only a UTC day with an offset change inside is walked slot by slot.
    init(zone: ReportZone, slots: ClosedRange<Int64>) {
        let perDay = 86_400 / Self.slotSeconds
        var utcDay = Self.floorDiv(slots.lowerBound, perDay)
        let lastDay = Self.floorDiv(slots.upperBound, perDay)
        var starts: [Int32] = [], days: [CalendarDay] = []
        /// Slots `from ..< to` are on `day`: a new run unless the last one has that day (clipped to `slots`).
        func add(_ from: Int64, _ to: Int64, _ day: Int) {
            guard to > slots.lowerBound, from <= slots.upperBound, days.last?.daysSinceEpoch != day else { return }
            starts.append(Int32(clamping: max(from, slots.lowerBound)))
            days.append(CalendarDay(daysSinceEpoch: day))
        }
        func localDay(_ seconds: Int64, _ offset: Int) -> Int { Int(Self.floorDiv(seconds + Int64(offset), 86_400)) }
        while utcDay <= lastDay {
            let first = utcDay * 86_400, firstSlot = utcDay * perDay, end = firstSlot + perDay
            let before = zone.offsetSeconds(atMillis: first * 1000)
            let after = zone.offsetSeconds(atMillis: (first + 86_400) * 1000 - 1)
            if before == after {
                // One offset all day: the local date changes at most once, at local midnight.
                let startDay = localDay(first, before)
                let midnight = Int64(startDay + 1) * 86_400 - Int64(before)
                let midnightSlot = min(Self.floorDiv(midnight + Self.slotSeconds - 1, Self.slotSeconds), end)
                add(firstSlot, midnightSlot, startDay)
                if midnightSlot < end { add(midnightSlot, end, startDay + 1) }
            } else {
                for slot in firstSlot ..< end {
                    let seconds = slot * Self.slotSeconds
                    add(slot, slot + 1, localDay(seconds, zone.offsetSeconds(atMillis: seconds * 1000)))
                }
            }
            utcDay += 1
        }
        self.starts = starts
        self.days = days
    }

    /// The day of a `width_bucket(slot, starts)` result (1 for the first run; 0, below the first run, is nil).
    func day(ofBucket bucket: Int32) -> CalendarDay? {
        let index = Int(bucket) - 1
        return days.indices.contains(index) ? days[index] : nil
    }

    /// The slot holding `millis`.
    static func slot(ofMillis millis: Int64) -> Int64 { floorDiv(millis, slotSeconds * 1000) }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
