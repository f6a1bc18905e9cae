/// What one frame of `blocks --live` shows.
public struct LiveSnapshot: Sendable {
    /// The active block; nil shows the waiting message.
    public var block: SessionBlock?
    /// Milliseconds since the epoch.
    public var now: Int64
    public var zone: ReportZone
    /// Tokens the USAGE and PROJECTION bars measure against; nil or 0 for none.
    public var tokenLimit: Int?
    public var refreshSeconds: Double
    /// Claude's own limits as last seen by the status line (still in effect), shown under SESSION.
    public var rateLimits: RememberedRateLimits?

    public init(block: SessionBlock?, now: Int64, zone: ReportZone, tokenLimit: Int? = nil, refreshSeconds: Double = 1,
                rateLimits: RememberedRateLimits? = nil) {
        self.block = block; self.now = now; self.zone = zone; self.tokenLimit = tokenLimit
        self.refreshSeconds = refreshSeconds; self.rateLimits = rateLimits
    }
}

/// Renders live-dashboard frames (v15 layout): a box of width `min(120, w − 2)` with SESSION, USAGE,
/// PROJECTION and Models sections, or a compact list below 60 columns. Pure: the caller writes the frame.
public enum LiveDashboard {
    public static let title = "CLAUDE CODE - LIVE TOKEN USAGE MONITOR"
    public static let waitingMessage = "No active session block found. Waiting..."

    /// One frame, lines ending in `\n`. With `anchored`, the right border and the bars are placed with cursor
    /// moves (`ESC [ n G`) after the padding, so they line up even where the terminal gives an emoji another
    /// width than `DisplayWidth` does (tmux 3.3 draws `⚙️` in one cell, newer terminals in two).
    public static func render(_ snapshot: LiveSnapshot, width: Int, style: TerminalStyle,
                              anchored: Bool = false) -> String {
        guard let block = snapshot.block else { return style.paint(waitingMessage, .yellow) + "\n" }
        let width = max(width, 20)
        let lines = width < 60 ? compact(block, snapshot, width: width, style: style)
                               : wide(block, snapshot, width: width, style: style, anchored: anchored)
        return lines.map { $0 + "\n" }.joined()
    }

    /// The frame shown when a refresh fails.
    public static func error(_ message: String, style: TerminalStyle) -> String {
        style.paint("Error: " + message, .red) + "\n"
    }

    // MARK: - Layouts

    static func compact(_ block: SessionBlock, _ s: LiveSnapshot, width: Int, style: TerminalStyle) -> [String] {
        let elapsed = Double(s.now - block.start) / 60_000
        let total = Double(block.end - block.start) / 60_000
        let percent = total > 0 ? elapsed / total * 100 : 0
        let tokens = block.tokens.total
        var lines = [style.bold(center("LIVE MONITOR", width)), String(repeating: "─", count: width)]
        let minutes = max(0, Int(elapsed))
        lines.append("Session: \(Format.fixed(percent, decimals: 1))% (\(minutes / 60)h \(minutes % 60)m)")
        if let limit = s.tokenLimit, limit > 0 {
            let p = Double(tokens) / Double(limit) * 100
            let status = p > 100 ? style.paint("OVER", .red) : p > 80 ? style.paint("WARN", .yellow) : style.paint("OK", .green)
            lines.append("Tokens: \(Format.integer(tokens))/\(Format.integer(limit)) \(status)")
        } else {
            lines.append("Tokens: \(Format.integer(tokens))")
        }
        lines.append("Cost: \(Format.money(block.cost))")
        if let limits = s.rateLimits, let w = limits.limits.fiveHour {
            lines.append("Claude 5h: " + style.paint("\(w.roundedPercent)%", RateLimitDisplay.color(percent: w.roundedPercent))
                         + " (\(limits.age(now: s.now)))")
        }
        if let rate = block.burnRate {
            lines.append("Rate: \(Format.integer(Int(rate.tokensPerMinute.rounded())))/min")
        }
        lines.append(String(repeating: "─", count: width))
        lines.append(style.paint("Refresh: \(seconds(s.refreshSeconds))s | Ctrl+C: stop", .gray))
        return lines
    }

    static func wide(_ block: SessionBlock, _ s: LiveSnapshot, width: Int, style: TerminalStyle,
                     anchored: Bool = false) -> [String] {
        let boxWidth = min(120, width - 2)
        let margin = String(repeating: " ", count: max(0, (width - boxWidth) / 2))
        let inner = boxWidth - 2
        let contentWidth = boxWidth - 3
        let labelWidth = 14, detailsIndent = String(repeating: " ", count: 3), gap = "  "
        let detailsAvailable = boxWidth - 3 - 3
        let limit = s.tokenLimit.flatMap { $0 > 0 ? $0 : nil }
        let tokens = block.tokens.total
        let elapsedMs = Double(s.now - block.start), remainingMs = Double(block.end - s.now)
        let sessionPercent = elapsedMs + remainingMs > 0 ? elapsedMs / (elapsedMs + remainingMs) * 100 : 0
        let tokenPercent = limit.map { Double(tokens) / Double($0) * 100 } ?? 0
        let projection = block.projection(now: s.now)
        let projectedPercent = projection.flatMap { p in limit.map { Double(p.totalTokens) / Double($0) * 100 } } ?? 0

        func percentText(_ value: Double) -> String { padLeft(Format.fixed(value, decimals: 1), 6) + "%" }
        let sessionRight = percentText(sessionPercent)
        let usageRight = limit.map { "\(percentText(tokenPercent)) (\(short(tokens))/\(short($0)))" }
            ?? "(\(short(tokens)) tokens)"
        let projectionRight = projection.map { p in
            limit.map { "\(percentText(projectedPercent)) (\(short(p.totalTokens))/\(short($0)))" }
                ?? "(\(short(p.totalTokens)) tokens)"
        } ?? ""
        let rightWidth = max(DisplayWidth.of(sessionRight), DisplayWidth.of(usageRight), DisplayWidth.of(projectionRight))
        let barWidth = max(1, boxWidth - labelWidth - rightWidth - 4 - 4)

        var lines: [String] = []
        /// Moves the cursor to the 0-based `column` when anchoring (escape sequences take no cells).
        func anchor(_ column: Int) -> String { anchored ? "\u{1B}[\(column + 1)G" : "" }
        let rightBorder = margin.count + boxWidth - 1
        func row(_ content: String) {
            lines.append(margin + "│ " + content + String(repeating: " ", count: max(0, contentWidth - DisplayWidth.of(content)))
                         + anchor(rightBorder) + "│")
        }
        func blank() { lines.append(margin + "│" + String(repeating: " ", count: inner) + anchor(rightBorder) + "│") }
        func rule() { lines.append(margin + "├" + String(repeating: "─", count: inner) + "┤") }
        func barRow(_ label: String, _ bar: String, _ right: String) {
            let labelText = style.bold(label)
            row(labelText + String(repeating: " ", count: max(0, labelWidth - DisplayWidth.of(labelText))) + " "
                + anchor(margin.count + 2 + labelWidth + 1) + bar + " " + right)
        }
        func bar(_ value: Double, of maximum: Double, fill color: TerminalStyle.Color) -> String {
            let percent = maximum > 0 ? min(100, value / maximum * 100) : 0
            let filled = min(barWidth, max(0, Int((percent / 100 * Double(barWidth)).rounded())))
            return "[" + style.paint(String(repeating: "█", count: filled), color)
                + style.paint(String(repeating: "░", count: barWidth - filled), .gray) + "]"
        }
        func fixedBar(_ fraction: Double) -> String {
            let filled = Int((Double(barWidth) * fraction).rounded(.down))
            return "[" + style.paint(String(repeating: "█", count: filled), .green)
                + style.paint(String(repeating: "░", count: barWidth - filled), .gray) + "]"
        }
        func levelColor(_ percent: Double) -> TerminalStyle.Color { percent > 100 ? .red : percent > 80 ? .yellow : .green }
        func label(_ text: String) -> String { style.paint(text, .gray) }

        // Header
        lines.append(margin + "┌" + String(repeating: "─", count: inner) + "┐")
        lines.append(margin + "│" + style.bold(center(title, inner)) + anchor(rightBorder) + "│")
        rule(); blank()

        // SESSION
        barRow("⏱️ SESSION", bar(elapsedMs, of: elapsedMs + remainingMs, fill: .cyan), sessionRight)
        let started = "\(label("Started:")) \(clock(block.start, s.zone))"
        let elapsedText = "\(label("Elapsed:")) \(prettyCompact(elapsedMs))"
        let remainingText = "\(label("Remaining:")) \(prettyCompact(remainingMs)) (\(clock(block.end, s.zone)))"
        if DisplayWidth.of(started) + DisplayWidth.of(elapsedText) + DisplayWidth.of(remainingText) + 4 > detailsAvailable {
            row(detailsIndent + started + gap + remainingText)
        } else {
            row(detailsIndent + started + gap + elapsedText + gap + remainingText)
        }
        if let reset = block.usageLimitReset, s.now < reset {
            row(style.paint("❌ USAGE LIMIT. RESET AT \(clock(reset, s.zone, seconds: false))", .red))
        }
        if let limits = s.rateLimits, let w = limits.limits.fiveHour {
            let used = style.paint("\(w.roundedPercent)% used", RateLimitDisplay.color(percent: w.roundedPercent))
            let resets = clock(w.resetsAt * 1000, s.zone, seconds: false), age = limits.age(now: s.now)
            let full = detailsIndent + "\(label("Claude 5h limit:")) \(used)  \(label("Resets:")) \(resets)  \(label("Seen:")) \(age)"
            row(DisplayWidth.of(full) <= contentWidth ? full : detailsIndent + "Claude 5h: \(used) · \(resets) · \(age)")
        }
        blank(); rule(); blank()

        // USAGE
        barRow("🔥 USAGE", limit.map { bar(Double(tokens), of: Double($0), fill: levelColor(tokenPercent)) } ?? fixedBar(0.1),
               usageRight)
        let rate = block.burnRate
        func rateText(short useShort: Bool) -> String {
            guard let rate else { return "\(style.bold("Burn Rate:")) N/A" }
            let value = Int(rate.tokensPerMinute.rounded())
            let indicator = rate.tokensPerMinuteForIndicator > 1000 ? style.paint("⚡ HIGH", .red)
                : rate.tokensPerMinuteForIndicator > 500 ? style.paint("⚡ MODERATE", .yellow)
                : style.paint("✓ NORMAL", .green)
            return "\(style.bold("Burn Rate:")) \(useShort ? short(value) : Format.integer(value)) token/min \(indicator)"
        }
        func usageColumns(short useShort: Bool) -> (String, String?, String) {
            func number(_ n: Int) -> String { useShort ? short(n) : Format.integer(n) }
            return ("\(label("Tokens:")) \(number(tokens)) (\(rateText(short: useShort)))",
                    limit.map { "\(label("Limit:")) \(number($0)) tokens" },
                    "\(label("Cost:")) \(Format.money(block.cost))")
        }
        let (tokensCol, limitCol, costCol) = usageColumns(short: false)
        let usageWidth = DisplayWidth.of(tokensCol) + (limitCol.map { DisplayWidth.of($0) + 2 } ?? 0) + 2 + DisplayWidth.of(costCol)
        if usageWidth > detailsAvailable {
            let (t, l, c) = usageColumns(short: true)
            row(detailsIndent + t)
            row(detailsIndent + (l.map { $0 + gap } ?? "") + c)
        } else {
            row(detailsIndent + tokensCol + (limitCol.map { gap + $0 } ?? "") + gap + costCol)
        }
        blank(); rule(); blank()

        // PROJECTION
        if let projection {
            let projectionBar = limit.map {
                bar(Double(projection.totalTokens), of: Double($0), fill: levelColor(projectedPercent))
            } ?? fixedBar(0.15)
            barRow("📈 PROJECTION", projectionBar, projectionRight)
            let status = limit == nil ? style.paint("✓ ON TRACK", .green)
                : projectedPercent > 100 ? style.paint("❌ WILL EXCEED LIMIT", .red)
                : projectedPercent > 80 ? style.paint("⚠️  APPROACHING LIMIT", .yellow)
                : style.paint("✓ WITHIN LIMIT", .green)
            let statusCol = "\(label("Status:")) \(status)"
            let tokensFull = "\(label("Tokens:")) \(Format.integer(projection.totalTokens))"
            let cost = "\(label("Cost:")) \(Format.money(projection.totalCost))"
            if DisplayWidth.of(statusCol) + DisplayWidth.of(tokensFull) + DisplayWidth.of(cost) + 4 > detailsAvailable {
                row(detailsIndent + statusCol)
                row(detailsIndent + "\(label("Tokens:")) \(short(projection.totalTokens))" + gap + cost)
            } else {
                row(detailsIndent + statusCol + gap + tokensFull + gap + cost)
            }
            blank()
        }

        // Models
        if !block.models.isEmpty {
            rule()
            let names = Array(Set(block.models.map(Format.shortModel))).sorted().joined(separator: ", ")
            row(truncate("⚙️  Models: " + names, to: contentWidth))
        }

        // Footer
        rule()
        let footer = "↻ Refreshing every \(seconds(s.refreshSeconds))s  •  Press Ctrl+C to stop"
        lines.append(margin + "│" + style.paint(center(footer, inner), .gray) + anchor(rightBorder) + "│")
        lines.append(margin + "└" + String(repeating: "─", count: inner) + "┘")
        return lines
    }

    // MARK: - Helpers

    /// `text` centred in `width` cells (extra space on the right); unchanged when it does not fit.
    static func center(_ text: String, _ width: Int) -> String {
        let w = DisplayWidth.of(text)
        guard w < width else { return text }
        let left = (width - w) / 2
        return String(repeating: " ", count: left) + text + String(repeating: " ", count: width - w - left)
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }

    /// `12.3k` from 1 000 up, else the number.
    static func short(_ n: Int) -> String {
        n >= 1000 ? Format.fixed(Double(n) / 1000, decimals: 1) + "k" : String(n)
    }

    /// `hh:mm:ss AM` (or `hh:mm AM`) in the zone.
    static func clock(_ millis: Int64, _ zone: ReportZone, seconds: Bool = true) -> String {
        let c = zone.clock(ofMillis: millis)
        let hour = c.hour % 12 == 0 ? 12 : c.hour % 12
        let time = "\(pad(hour, 2)):\(pad(c.minute, 2))" + (seconds ? ":\(pad(c.second, 2))" : "")
        return time + (c.hour < 12 ? " AM" : " PM")
    }

    /// pretty-ms `compact`: only the largest unit, truncated (`2h`, `45m`, `30s`, `0ms`).
    static func prettyCompact(_ ms: Double) -> String {
        let value = max(0, ms)
        for (unit, size) in [("d", 86_400_000.0), ("h", 3_600_000.0), ("m", 60_000.0), ("s", 1000.0)] where value >= size {
            return "\(Int(value / size))\(unit)"
        }
        return "\(Int(value))ms"
    }

    /// `1` / `2.5`: seconds without a trailing `.0`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }

    /// Cuts plain text to `width` cells, ending with `…` when cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard width > 1 else { return text }
        return DisplayWidth.truncate(text, to: width)
    }
}
