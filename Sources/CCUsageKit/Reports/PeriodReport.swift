/// How daily rows are bucketed.
public enum Period: Sendable, Equatable {
    case day, month
    /// Weeks starting on `startDay` (0 = Sunday … 6 = Saturday).
    case week(startDay: Int)

    public func key(_ day: CalendarDay) -> String {
        switch self {
        case .day: return day.description
        case .month: return day.monthKey
        case .week(let start): return day.adding(days: -((day.weekday - start + 7) % 7)).description
        }
    }

    public var jsonKey: String {
        switch self { case .day: "daily"; case .month: "monthly"; case .week: "weekly" }
    }
    public var rowKey: String {
        switch self { case .day: "date"; case .month: "month"; case .week: "week" }
    }
    public var title: String {
        switch self { case .day: "Daily"; case .month: "Monthly"; case .week: "Weekly" }
    }
    public var firstColumn: String {
        switch self { case .day: "Date"; case .month: "Month"; case .week: "Week" }
    }
}

/// Options shared by the date-keyed reports.
public struct ReportOptions: Sendable {
    public var zone: ReportZone
    public var range: DateRange
    public var order: ReportOrder
    /// `--instances`: one group of rows per project.
    public var instances: Bool
    /// `--project`: rows carry this project name.
    public var project: String?

    public init(zone: ReportZone, range: DateRange = DateRange(), order: ReportOrder = .asc,
                instances: Bool = false, project: String? = nil) {
        self.zone = zone; self.range = range; self.order = order
        self.instances = instances; self.project = project
    }
}

public struct PeriodRow: Sendable, Equatable {
    /// `YYYY-MM-DD` (day, week start) or `YYYY-MM`.
    public var key: String
    public var project: String?
    public var summary: UsageSummary
}

/// The daily, weekly or monthly report.
public struct PeriodReport: Sendable {
    public var period: Period
    public var rows: [PeriodRow]
    public var totals: ReportTotals
    public var options: ReportOptions

    /// Rows grouped under project headers (`--instances`).
    public var groupedByProject: Bool { options.instances && rows.contains { $0.project != nil } }

    public init(_ usage: LoadedUsage, period: Period, options: ReportOptions) {
        self.period = period
        self.options = options
        let byProject = options.instances || options.project != nil
        struct Key: Hashable { let day: CalendarDay; let project: String? }
        var bucketer = DayBucketer(options.zone)
        var index: [Key: Int] = [:]
        var keys: [Key] = []
        var builders: [SummaryBuilder] = []
        let files = usage.files
        // Records come file by file, mostly in time order: the previous record's row is usually this one's.
        var lastKey: Key?
        var last = -1
        usage.records.forEachRun { records in
        for r in records.indices {
            let day = bucketer.day(ofMillis: records[r].record.time)
            let key = Key(day: day, project: byProject ? files[Int(records[r].record.fileIndex)].project : nil)
            if last < 0 || key != lastKey! {
                if let i = index[key] {
                    last = i
                } else {
                    last = keys.count
                    index[key] = last
                    keys.append(key)
                    builders.append(SummaryBuilder())
                }
                lastKey = key
            }
            builders[last].add(records[r])
        }
        }
        var daily: [(Key, UsageSummary)] = zip(keys, builders.map { $0.build() })
            .filter { options.range.contains($0.0.day) }
        daily.sort { a, b in
            a.0.day != b.0.day ? a.0.day < b.0.day : (a.0.project ?? "") < (b.0.project ?? "")
        }
        var rows: [PeriodRow]
        if period == .day {
            rows = daily.map { PeriodRow(key: $0.0.day.description, project: $0.0.project, summary: $0.1) }
        } else {
            // Built from the daily rows, in the order --order gives them.
            if options.order == .desc { daily.reverse() }
            struct PeriodKey: Hashable { let key: String; let project: String? }
            var pIndex: [PeriodKey: Int] = [:]
            var pKeys: [PeriodKey] = []
            var pBuilders: [SummaryBuilder] = []
            for (key, summary) in daily {
                let pk = PeriodKey(key: period.key(key.day), project: key.project)
                if let i = pIndex[pk] {
                    pBuilders[i].add(summary)
                } else {
                    pIndex[pk] = pKeys.count
                    pKeys.append(pk)
                    var builder = SummaryBuilder()
                    builder.add(summary)
                    pBuilders.append(builder)
                }
            }
            rows = zip(pKeys, pBuilders).map { PeriodRow(key: $0.0.key, project: $0.0.project, summary: $0.1.build()) }
        }
        rows.sort { a, b in
            if a.key != b.key { return options.order == .asc ? a.key < b.key : a.key > b.key }
            return (a.project ?? "") < (b.project ?? "")
        }
        self.rows = rows
        self.totals = ReportTotals(rows.map(\.summary))
    }
}
