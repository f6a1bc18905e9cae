/// US-style local times for block tables.
enum BlockTime {
    static func hour12(_ h: Int) -> (Int, String) { (h % 12 == 0 ? 12 : h % 12, h < 12 ? "AM" : "PM") }

    /// `7/20/2025, 10:00:00 AM`
    static func full(_ millis: Int64, _ zone: ReportZone) -> String {
        let c = zone.clock(ofMillis: millis)
        let (h, ampm) = hour12(c.hour)
        return "\(c.day.month)/\(c.day.day)/\(c.day.year), \(h):\(pad(c.minute, 2)):\(pad(c.second, 2)) \(ampm)"
    }

    /// `07/20, 10:00 AM`
    static func compact(_ millis: Int64, _ zone: ReportZone) -> String {
        let c = zone.clock(ofMillis: millis)
        let (h, ampm) = hour12(c.hour)
        return "\(pad(c.day.month, 2))/\(pad(c.day.day, 2)), \(pad(h, 2)):\(pad(c.minute, 2)) \(ampm)"
    }

    /// `10:00 AM`
    static func clock(_ millis: Int64, _ zone: ReportZone) -> String {
        let c = zone.clock(ofMillis: millis)
        let (h, ampm) = hour12(c.hour)
        return "\(pad(h, 2)):\(pad(c.minute, 2)) \(ampm)"
    }

    /// `2h 5m` / `5m` (compact: `2h5m`).
    static func duration(minutes: Int, compact: Bool = false) -> String {
        let h = minutes / 60, m = minutes % 60
        if h == 0 { return "\(m)m" }
        return compact ? "\(h)h\(m)m" : "\(h)h \(m)m"
    }
}

public enum BlocksTable {
    /// The full time texts when they fit (120 columns or more, no `--compact`), else the compact ones; a
    /// table that still cannot fit is printed whole.
    public static func render(_ report: BlocksReport, _ options: RenderOptions) -> String {
        let compact = options.forceCompact || options.width < 120
        let tables = compact ? [table(report, options, compact: true)]
            : [table(report, options, compact: false), table(report, options, compact: true)]
        var out = options.title("Claude Code Token Usage Report - Session Blocks")
        out += Table.renderFirstFitting(tables, width: options.width, style: options.style).text + "\n"
        return out
    }

    static func table(_ report: BlocksReport, _ options: RenderOptions, compact: Bool) -> Table {
        let zone = report.options.zone, now = report.options.now
        let limit = report.limit
        let glue = String(Table.glue)
        var headers = ["Block Start", "Duration/" + String(Table.breakHint) + "Status", "Models", "Tokens"]
        var aligns: [Table.Align] = [.left, .left, .left, .right]
        if limit != nil { headers.append("%"); aligns.append(.right) }
        if !options.hideCost { headers.append("Cost"); aligns.append(.right) }
        var table = Table(headers: headers, aligns: aligns)
        func start(_ millis: Int64) -> String {
            (compact ? BlockTime.compact(millis, zone) : BlockTime.full(millis, zone))
                .replacingOccurrences(of: " ", with: glue)
        }
        func duration(_ minutes: Int) -> String {
            BlockTime.duration(minutes: minutes, compact: compact).replacingOccurrences(of: " ", with: glue)
        }
        for block in report.blocks {
            if block.isGap {
                table.rows.append(Table.Row(gapCells(block, zone: zone, compact: compact, limit: limit,
                                                     hideCost: options.hideCost), style: .secondary))
                continue
            }
            let time: String
            if block.isActive {
                let elapsed = Int((Double(now - block.start) / 60_000).rounded())
                let remaining = Int((Double(block.end - now) / 60_000).rounded())
                time = compact ? "\(start(block.start))\n(\(duration(elapsed))/\(duration(remaining)))"
                    : "\(start(block.start)) (\(duration(elapsed))\(glue)elapsed, \(duration(remaining))\(glue)remaining)"
            } else {
                let minutes = Int((Double((block.actualEnd ?? block.start) - block.start) / 60_000).rounded())
                time = compact ? "\(start(block.start))\n(\(duration(minutes)))" : "\(start(block.start)) (\(duration(minutes)))"
            }
            var cells = [time, block.isActive ? "ACTIVE" : "",
                         block.models.isEmpty ? "-" : Format.modelList(block.models), Format.integer(block.tokens.total)]
            var colors: [Int: TerminalStyle.Color] = block.isActive ? [1: .green] : [:]
            if let limit {
                let percent = limit > 0 ? Double(block.tokens.total) / Double(limit) * 100 : 0
                if percent > 100 { colors[4] = .red }
                cells.append(Format.percent(percent))
            }
            if !options.hideCost { cells.append(Format.money(block.cost)) }
            table.rows.append(Table.Row(cells, colors: colors))
            if options.breakdown {
                for b in block.breakdowns {
                    // The label runs across the time, status and models columns.
                    var row = [Format.breakdownLabel(b.modelName), "", "", Format.integer(b.tokens.total)]
                    if limit != nil { row.append("") }
                    if !options.hideCost { row.append(Format.money(b.cost)) }
                    table.rows.append(Table.Row(row, style: .secondary, firstSpan: 3))
                }
            }
            guard block.isActive else { continue }
            if let limit {
                let remaining = max(0, limit - block.tokens.total)
                let percent = limit > 0 ? Double(limit - block.tokens.total) / Double(limit) * 100 : 0
                var row = ["(assuming \(Format.integer(limit)) token limit)", "REMAINING", "",
                           Format.integer(remaining), Format.percent(max(percent, 0))]
                if !options.hideCost { row.append("") }
                var c: [Int: TerminalStyle.Color] = [0: .gray, 1: .blue]
                if remaining == 0 { c[3] = .red; c[4] = .red }
                table.rows.append(Table.Row(row, colors: c))
            }
            if let p = block.projection(now: now) {
                var row = ["(assuming current burn rate)", "PROJECTED", "", Format.integer(p.totalTokens)]
                var c: [Int: TerminalStyle.Color] = [0: .gray, 1: .yellow]
                if let limit {
                    row.append(Format.percent(limit > 0 ? Double(p.totalTokens) / Double(limit) * 100 : 0))
                    if p.totalTokens > limit { c[3] = .red; c[4] = .red }
                }
                if !options.hideCost { row.append(Format.money(p.totalCost)) }
                table.rows.append(Table.Row(row, colors: c))
            }
        }
        return table
    }

    /// A gap row: `<start> - <end> (<N>h gap)`; compact `<start>-<end clock>` / `(<N>h gap)`, with the end's
    /// date too when it falls on another day.
    static func gapCells(_ block: SessionBlock, zone: ReportZone, compact: Bool, limit: Int?, hideCost: Bool) -> [String] {
        let glue = String(Table.glue)
        func glued(_ text: String) -> String { text.replacingOccurrences(of: " ", with: glue) }
        let hours = Int((Double(block.end - block.start) / 3_600_000).rounded())
        var time: String
        if compact {
            let sameDay = zone.day(ofMillis: block.start) == zone.day(ofMillis: block.end)
            time = sameDay
                ? glued(BlockTime.compact(block.start, zone) + "-") + String(Table.breakHint) + glued(BlockTime.clock(block.end, zone))
                : glued(BlockTime.compact(block.start, zone) + " -") + " " + glued(BlockTime.compact(block.end, zone))
            time += "\n" + glued("(\(hours)h gap)")
        } else {
            time = glued(BlockTime.full(block.start, zone) + " -") + " " + glued(BlockTime.full(block.end, zone))
                + " " + glued("(\(hours)h gap)")
        }
        var cells = [time, "(inactive)", "-", "-"]
        if limit != nil { cells.append("-") }
        if !hideCost { cells.append("-") }
        return cells
    }

    /// `blocks --active` with one block: the detail view.
    public static func renderActive(_ block: SessionBlock, _ report: BlocksReport, _ options: RenderOptions) -> String {
        let now = report.options.now, zone = report.options.zone
        let s = options.style
        let elapsed = max(0, Int((Double(now - block.start) / 60_000).rounded()))
        let remaining = max(0, Int((Double(block.end - now) / 60_000).rounded()))
        var lines = [titleBox("Current Session Block Status", style: s)]
        lines.append("\(s.bold("Block Started:")) \(BlockTime.full(block.start, zone)) (\(BlockTime.duration(minutes: elapsed)) ago)")
        lines.append("\(s.bold("Time Remaining:")) \(BlockTime.duration(minutes: remaining))")
        lines.append("")
        lines.append(s.bold("Current Usage:"))
        lines.append("  Input Tokens:     \(Format.integer(block.tokens.input))")
        lines.append("  Output Tokens:    \(Format.integer(block.tokens.output))")
        if !options.hideCost { lines.append("  Total Cost:       \(Format.money(block.cost))") }
        if let rate = block.burnRate {
            lines.append("")
            lines.append(s.bold("Burn Rate:"))
            lines.append("  Tokens/minute:    \(Format.integer(Int(rate.tokensPerMinute.rounded())))")
            if !options.hideCost { lines.append("  Cost/hour:        \(Format.money(rate.costPerHour))") }
        }
        if let p = block.projection(now: now) {
            lines.append("")
            lines.append(s.bold("Projected Usage (if current rate continues):"))
            lines.append("  Total Tokens:     \(Format.integer(p.totalTokens))")
            if !options.hideCost { lines.append("  Total Cost:       \(Format.money(p.totalCost))") }
            if report.options.tokenLimit != nil, let limit = report.limit, limit > 0 {
                let current = Double(block.tokens.total) / Double(limit) * 100
                let projected = Double(p.totalTokens) / Double(limit) * 100
                let status = projected > 100 ? s.paint("EXCEEDS LIMIT", .red)
                    : projected > 80 ? s.paint("WARNING", .yellow) : s.paint("OK", .green)
                lines.append("")
                lines.append(s.bold("Token Limit Status:"))
                lines.append("  Limit:            \(Format.integer(limit)) tokens")
                lines.append("  Current Usage:    \(Format.integer(block.tokens.total)) (\(Format.percent(current)))")
                lines.append("  Remaining:        \(Format.integer(max(0, limit - block.tokens.total))) tokens")
                lines.append("  Projected Usage:  \(Format.percent(projected)) \(status)")
            }
        }
        for remembered in report.rateLimits {
            let source = report.rateLimits.count > 1 ? "\(remembered.configDirectory), " : ""
            lines.append("")
            lines.append(s.bold("Claude Plan Limits (\(source)seen by the status line \(remembered.age(now: now))):"))
            if let text = remembered.fiveHourSummary(zone: zone) {
                let percent = remembered.limits.fiveHour?.roundedPercent ?? 0
                lines.append("  5-hour window:    " + s.paint(text, RateLimitDisplay.color(percent: percent)))
            }
            if let text = remembered.sevenDaySummary(zone: zone) {
                let percent = remembered.limits.sevenDay?.roundedPercent ?? 0
                lines.append("  7-day window:     " + s.paint(text, RateLimitDisplay.color(percent: percent)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
