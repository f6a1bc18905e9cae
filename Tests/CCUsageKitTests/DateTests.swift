import Foundation
import Testing
@testable import CCUsageKit

@Suite struct DateTests {
    @Test func calendarDayParsing() {
        #expect(CalendarDay("20250131")?.description == "2025-01-31")
        #expect(CalendarDay("2025-01-31")?.compact == "20250131")
        for bad in ["2025-13-01", "2025011", "abcdefgh", "20250230", "2025/01/01", ""] { #expect(CalendarDay(bad) == nil) }
    }

    @Test func weekdaysAndWeekKeys() throws {
        let day = try #require(CalendarDay("2025-07-23"))   // a Wednesday
        #expect(day.weekday == 3)
        #expect(Period.week(startDay: 0).key(day) == "2025-07-20")
        #expect(Period.week(startDay: 1).key(day) == "2025-07-21")
        #expect(Period.week(startDay: 3).key(day) == "2025-07-23")
        #expect(Period.week(startDay: 4).key(day) == "2025-07-17")
        #expect(Period.month.key(day) == "2025-07")
    }

    @Test("report dates follow the zone", arguments: [
        ("UTC", "2025-07-20T23:30:00Z", "2025-07-20"),
        ("Asia/Tokyo", "2025-07-20T15:00:00Z", "2025-07-21"),
        ("America/Los_Angeles", "2025-07-20T06:59:59Z", "2025-07-19"),
        ("America/Los_Angeles", "2025-07-20T07:00:00Z", "2025-07-20"),
        ("Pacific/Chatham", "2025-07-20T11:15:00Z", "2025-07-21"),
        ("Pacific/Chatham", "2025-07-20T11:14:59Z", "2025-07-20"),
        ("America/New_York", "2025-03-09T04:59:59Z", "2025-03-08"),   // EST until 07:00Z
        ("America/New_York", "2025-11-02T04:30:00Z", "2025-11-02"),   // EDT: 00:30 local
        ("Australia/Lord_Howe", "2025-10-04T13:29:59Z", "2025-10-04"),
    ])
    func reportDates(_ zone: String, _ instant: String, _ expected: String) throws {
        let z = try #require(ReportZone(identifier: zone))
        let millis = try #require(Timestamp.parse(instant))
        #expect(z.day(ofMillis: millis).description == expected)
        var bucketer = DayBucketer(z)
        #expect(bucketer.day(ofMillis: millis).description == expected)
    }

    @Test func bucketerAgreesWithTheZoneAcrossAYearOfHalfHours() throws {
        for name in ["America/Los_Angeles", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu"] {
            let zone = try #require(ReportZone(identifier: name))
            var bucketer = DayBucketer(zone)
            var t = Timestamp.parse("2025-01-01T00:07:00Z")!
            let end = Timestamp.parse("2026-01-01T00:00:00Z")!
            while t < end {
                #expect(bucketer.day(ofMillis: t) == zone.day(ofMillis: t))
                t += 1_800_000 + 17
            }
        }
    }

    @Test func unknownZonesAreRejected() { #expect(ReportZone(identifier: "Mars/Olympus") == nil) }
}
