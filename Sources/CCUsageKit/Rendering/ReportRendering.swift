/// Output switches shared by every report.
public struct RenderOptions: Sendable {
    public var style: TerminalStyle
    /// Terminal width in cells (COLUMNS, the TTY, else 120).
    public var width: Int
    public var forceCompact: Bool
    public var breakdown: Bool
    /// `--no-cost`: no cost column, no cost keys in JSON.
    public var hideCost: Bool
    /// Display aliases for project names (`--instances` headers only).
    public var projectAliases: [String: String]
    /// The title box (hidden with LOG_LEVEL=0).
    public var showTitle: Bool

    public init(style: TerminalStyle = .plain, width: Int = 120, forceCompact: Bool = false,
                breakdown: Bool = false, hideCost: Bool = false, projectAliases: [String: String] = [:],
                showTitle: Bool = true) {
        self.style = style; self.width = width; self.forceCompact = forceCompact
        self.breakdown = breakdown; self.hideCost = hideCost; self.projectAliases = projectAliases
        self.showTitle = showTitle
    }

    public func title(_ text: String) -> String { showTitle ? titleBox(text, style: style) + "\n" : "" }

    /// Usage tables switch to the compact column set below 100 columns.
    public var compact: Bool { forceCompact || width < 100 }
}

// MARK: - JSON

extension UsageSummary {
    func jsonMembers(hideCost: Bool) -> [JSONValue.Member] {
        var members: [JSONValue.Member] = [
            .init("inputTokens", .int(tokens.input)),
            .init("outputTokens", .int(tokens.output)),
            .init("cacheCreationTokens", .int(tokens.cacheCreation)),
            .init("cacheReadTokens", .int(tokens.cacheRead)),
            .init("totalTokens", .int(tokens.total)),
        ]
        if !hideCost { members.append(.init("totalCost", .double(cost))) }
        members.append(.init("modelsUsed", .array(modelsUsed.map { .string($0) })))
        members.append(.init("modelBreakdowns", .array(breakdowns.map { $0.json(hideCost: hideCost) })))
        return members
    }
}

extension ModelBreakdown {
    func json(hideCost: Bool) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("modelName", .string(modelName)),
            .init("inputTokens", .int(tokens.input)),
            .init("outputTokens", .int(tokens.output)),
            .init("cacheCreationTokens", .int(tokens.cacheCreation)),
            .init("cacheReadTokens", .int(tokens.cacheRead)),
        ]
        if !hideCost { members.append(.init("cost", .double(cost))) }
        return .object(members)
    }
}

extension ReportTotals {
    public func json(hideCost: Bool = false) -> JSONValue {
        var members: [JSONValue.Member] = [
            .init("inputTokens", .int(tokens.input)),
            .init("outputTokens", .int(tokens.output)),
            .init("cacheCreationTokens", .int(tokens.cacheCreation)),
            .init("cacheReadTokens", .int(tokens.cacheRead)),
        ]
        if !hideCost { members.append(.init("totalCost", .double(cost))) }
        members.append(.init("totalTokens", .int(tokens.total)))
        return .object(members)
    }
}

extension PeriodReport {
    public func json(hideCost: Bool = false) -> JSONValue {
        func row(_ r: PeriodRow, withProject: Bool) -> JSONValue {
            var members = [JSONValue.Member(period.rowKey, .string(r.key))]
            members += r.summary.jsonMembers(hideCost: hideCost)
            if withProject, let project = r.project { members.append(.init("project", .string(project))) }
            return .object(members)
        }
        if groupedByProject {
            var order: [String] = []
            var groups: [String: [JSONValue]] = [:]
            for r in rows {
                let project = r.project ?? "unknown"
                if groups[project] == nil { order.append(project) }
                groups[project, default: []].append(row(r, withProject: false))
            }
            let projects = order.sorted().map { JSONValue.Member($0, .array(groups[$0]!)) }
            return .object([.init("projects", .object(projects)), .init("totals", totals.json(hideCost: hideCost))])
        }
        return .object([
            .init(period.jsonKey, .array(rows.map { row($0, withProject: options.project != nil) })),
            .init("totals", totals.json(hideCost: hideCost)),
        ])
    }
}

extension SessionReport {
    public func json(hideCost: Bool = false) -> JSONValue {
        let sessions: [JSONValue] = rows.map { r in
            var members: [JSONValue.Member] = [
                .init("sessionId", .string(r.sessionID)),
                .init("projectPath", .string(r.projectPath)),
            ]
            var usage = r.summary.jsonMembers(hideCost: hideCost)
            let models = usage.suffix(2)
            usage.removeLast(2)
            members += usage
            members.append(.init("firstActivity", .string(r.firstDay.description)))
            members.append(.init("lastActivity", .string(r.lastDay.description)))
            members.append(.init("versions", .array(r.versions.map { .string($0) })))
            members += models
            if let agents = r.agents { members.append(.init("subagents", agents.json(hideCost: hideCost))) }
            return .object(members)
        }
        return .object([.init("sessions", .array(sessions)), .init("totals", totals.json(hideCost: hideCost))])
    }
}

extension SessionDetail {
    public func json(hideCost: Bool = false) -> JSONValue {
        var members: [JSONValue.Member] = [.init("sessionId", .string(sessionID))]
        if !hideCost { members.append(.init("totalCost", .double(totalCost))) }
        members.append(.init("totalTokens", .int(totalTokens)))
        if let agents { members.append(.init("subagents", agents.json(hideCost: hideCost))) }
        members.append(.init("entries", .array(entries.map { e in
            var m: [JSONValue.Member] = [
                .init("timestamp", .string(e.record.rawTimestamp ?? Timestamp.iso(e.time))),
                .init("inputTokens", .int(e.tokens.input)),
                .init("outputTokens", .int(e.tokens.output)),
                .init("cacheCreationTokens", .int(e.tokens.cacheCreation)),
                .init("cacheReadTokens", .int(e.tokens.cacheRead)),
                .init("model", .string(e.record.model ?? "unknown")),
            ]
            if !hideCost { m.append(.init("costUSD", .double(e.cost))) }
            return .object(m)
        })))
        return .object(members)
    }
}

// MARK: - Tables

/// Builds the daily / weekly / monthly / session tables.
public enum UsageTable {
    static let fullHeaders = ["Models", "Input", "Output", "Cache Create", "Cache Read", "Total Tokens", "Cost (USD)"]

    /// The cells of a usage row after the label, in full or compact form.
    static func cells(_ s: UsageSummary, modelsCell: String, compact: Bool, hideCost: Bool) -> [String] {
        var cells = [modelsCell, Format.integer(s.tokens.input), Format.integer(s.tokens.output)]
        if !compact {
            cells += [Format.integer(s.tokens.cacheCreation), Format.integer(s.tokens.cacheRead),
                      Format.integer(s.tokens.total)]
        }
        if !hideCost { cells.append(Format.money(s.cost)) }
        return cells
    }

    static func breakdownRows(_ s: UsageSummary, compact: Bool, hideCost: Bool, trailing: Int) -> [Table.Row] {
        s.breakdowns.map { b in
            var cells = [Format.breakdownLabel(b.modelName), "", Format.integer(b.tokens.input),
                         Format.integer(b.tokens.output)]
            if !compact {
                cells += [Format.integer(b.tokens.cacheCreation), Format.integer(b.tokens.cacheRead),
                          Format.integer(b.tokens.total)]
            }
            if !hideCost { cells.append(Format.money(b.cost)) }
            cells += Array(repeating: "", count: trailing)
            // The label may run into the (empty) Models column, as in the seed's breakdown example.
            return Table.Row(cells, style: .secondary, firstSpan: 2)
        }
    }

    static func headers(first: String, compact: Bool, hideCost: Bool, last: String? = nil) -> ([String], [Table.Align]) {
        var headers = [first, "Models", "Input", "Output"]
        var aligns: [Table.Align] = [.left, .left, .right, .right]
        if !compact {
            headers += ["Cache Create", "Cache Read", "Total Tokens"]
            aligns += [.right, .right, .right]
        }
        if !hideCost { headers.append("Cost (USD)"); aligns.append(.right) }
        if let last { headers.append(last); aligns.append(.left) }
        return (headers, aligns)
    }

    /// The note under a compact table: why it is compact and how to see every column.
    static func compactNotice(requested: Bool, width: Int) -> String {
        let how = requested
            ? "Compact layout (--compact): run without it or use --json to see cache metrics and total tokens."
            : "Expand terminal width to see cache metrics and total tokens "
                + "(or use --json for every field).".replacingOccurrences(of: " ", with: String(Table.glue))
        let lines = ["", "Running in Compact Mode"] + TableText.wrap(how, width: width, breakLongWords: false)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The full column set when it fits the width, else the compact set (always below 100 columns or with
    /// `--compact`), followed by the compact notice.
    static func renderResponsive(_ options: RenderOptions, _ build: (_ compact: Bool) -> Table) -> String {
        let tables = options.compact ? [build(true)] : [build(false), build(true)]
        let (text, index) = Table.renderFirstFitting(tables, width: options.width, style: options.style)
        var out = text + "\n"
        if options.compact || index == 1 { out += compactNotice(requested: options.forceCompact, width: options.width) }
        return out
    }

    public static func render(_ report: PeriodReport, _ options: RenderOptions) -> String {
        options.title("Claude Code Token Usage Report - \(report.period.title)")
            + renderResponsive(options) { table(report, options, compact: $0) }
    }

    public static func render(_ report: SessionReport, _ options: RenderOptions) -> String {
        options.title("Claude Code Token Usage Report - By Session")
            + renderResponsive(options) { table(report, options, compact: $0) }
    }

    static func table(_ report: PeriodReport, _ options: RenderOptions, compact: Bool) -> Table {
        var rows = report.rows
        if report.groupedByProject {
            // One block per project (alphabetical, as in JSON); rows keep their order inside it.
            rows = rows.enumerated().sorted { a, b in
                let pa = a.element.project ?? "unknown", pb = b.element.project ?? "unknown"
                return pa != pb ? pa < pb : a.offset < b.offset
            }.map(\.element)
        }
        let (headers, aligns) = headers(first: report.period.firstColumn, compact: compact, hideCost: options.hideCost)
        var table = Table(headers: headers, aligns: aligns)
        var currentProject: String?? = .none
        for row in rows {
            if report.groupedByProject, currentProject != .some(row.project) {
                currentProject = .some(row.project)
                let name = ProjectNames.display(row.project ?? "unknown", aliases: options.projectAliases)
                let cells = ["Project: " + name] + Array(repeating: "", count: headers.count - 1)
                table.rows.append(Table.Row(cells, colors: [0: .cyan], firstSpan: headers.count))
            }
            let cells = [row.key] + self.cells(row.summary, modelsCell: Format.modelList(row.summary.modelsUsed),
                                               compact: compact, hideCost: options.hideCost)
            table.rows.append(Table.Row(cells))
            if options.breakdown {
                table.rows += breakdownRows(row.summary, compact: compact, hideCost: options.hideCost, trailing: 0)
            }
        }
        var totals = UsageSummary()
        totals.tokens = report.totals.tokens
        totals.cost = report.totals.cost
        table.rows.append(Table.Row(["Total"] + cells(totals, modelsCell: "", compact: compact,
                                                      hideCost: options.hideCost), style: .totals))
        return table
    }

    static func table(_ report: SessionReport, _ options: RenderOptions, compact: Bool) -> Table {
        let (headers, aligns) = headers(first: "Session", compact: compact, hideCost: options.hideCost,
                                        last: "Last Activity")
        var table = Table(headers: headers, aligns: aligns)
        for row in report.rows {
            let label = row.sessionID.split(separator: "-", omittingEmptySubsequences: false).suffix(2)
                .joined(separator: "-")
            let cells = [label] + self.cells(row.summary, modelsCell: Format.modelList(row.summary.modelsUsed),
                                             compact: compact, hideCost: options.hideCost) + [row.lastDay.description]
            table.rows.append(Table.Row(cells))
            if options.breakdown {
                table.rows += breakdownRows(row.summary, compact: compact, hideCost: options.hideCost, trailing: 1)
                if let agents = row.agents { table.rows += agentRows(agents, compact: compact, hideCost: options.hideCost) }
            }
        }
        var totals = UsageSummary()
        totals.tokens = report.totals.tokens
        totals.cost = report.totals.cost
        table.rows.append(Table.Row(["Total"] + cells(totals, modelsCell: "", compact: compact,
                                                      hideCost: options.hideCost) + [""], style: .totals))
        return table
    }

    public static func render(_ detail: SessionDetail, _ options: RenderOptions, zone: ReportZone) -> String {
        var out = options.title("Claude Code Session Usage - \(detail.sessionID)")
        if !options.hideCost { out += "Total Cost: \(Format.money(detail.totalCost))\n" }
        out += "Total Tokens: \(Format.integer(detail.totalTokens))\n"
        out += "Total Entries: \(Format.integer(detail.entries.count))\n\n"
        if let agents = detail.agents, !agents.subagents.isEmpty {
            out += agentTable(agents, options) + "\n"
        }
        var headers = ["Timestamp", "Model", "Input", "Output", "Cache Create", "Cache Read"]
        var aligns: [Table.Align] = [.left, .left, .right, .right, .right, .right]
        if !options.hideCost { headers.append("Cost (USD)"); aligns.append(.right) }
        var table = Table(headers: headers, aligns: aligns)
        for e in detail.entries {
            let c = zone.clock(ofMillis: e.time)
            let when = "\(c.day) \(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
            var cells = [when, e.record.model.map(Format.shortModel) ?? "unknown",
                         Format.integer(e.tokens.input), Format.integer(e.tokens.output),
                         Format.integer(e.tokens.cacheCreation), Format.integer(e.tokens.cacheRead)]
            if !options.hideCost { cells.append(Format.money(e.cost)) }
            table.rows.append(Table.Row(cells))
        }
        out += table.render(width: options.width, style: options.style) + "\n"
        return out
    }
}
