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
    public static func render(_ report: BlocksReport, _ options: RenderOptions) -> String {
        let zone = report.options.zone, now = report.options.now
        let compact = options.forceCompact || options.width < 120
        let limit = report.limit
        var headers = ["Block Start", "Duration/Status", "Models", "Tokens"]
        var aligns: [Table.Align] = [.left, .left, .left, .right]
        if limit != nil { headers.append("%"); aligns.append(.right) }
        if !options.hideCost { headers.append("Cost"); aligns.append(.right) }
        var table = Table(headers: headers, aligns: aligns, modelsColumn: 2)
        table.splitDatesWhenNarrow = false
        for block in report.blocks {
            let startText = compact ? BlockTime.compact(block.start, zone) : BlockTime.full(block.start, zone)
            if block.isGap {
                let hours = Int((Double(block.end - block.start) / 3_600_000).rounded())
                let time = compact ? "\(startText)-\(BlockTime.clock(block.end, zone))\n(\(hours)h gap)"
                    : "\(startText) - \(BlockTime.full(block.end, zone)) (\(hours)h gap)"
                var cells = [time, "(inactive)", "-", "-"]
                if limit != nil { cells.append("-") }
                if !options.hideCost { cells.append("-") }
                table.rows.append(Table.Row(cells, style: .secondary))
                continue
            }
            let time: String
            if block.isActive {
                let elapsed = Int((Double(now - block.start) / 60_000).rounded())
                let remaining = Int((Double(block.end - now) / 60_000).rounded())
                time = compact
                    ? "\(startText)\n(\(BlockTime.duration(minutes: elapsed, compact: true))/\(BlockTime.duration(minutes: remaining, compact: true)))"
                    : "\(startText) (\(BlockTime.duration(minutes: elapsed)) elapsed, \(BlockTime.duration(minutes: remaining)) remaining)"
            } else {
                let minutes = Int((Double((block.actualEnd ?? block.start) - block.start) / 60_000).rounded())
                time = compact ? "\(startText)\n(\(BlockTime.duration(minutes: minutes, compact: true)))"
                    : "\(startText) (\(BlockTime.duration(minutes: minutes)))"
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
        var out = options.title("Claude Code Token Usage Report - Session Blocks")
        out += table.render(width: options.width, style: options.style) + "\n"
        return out
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
        return lines.joined(separator: "\n") + "\n"
    }
}
