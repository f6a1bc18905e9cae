import CCUsageKit
import Foundation

/// The dashboard's charts, drawn by the server as inline SVG (no script needed). Colours of text and lines
/// come from the page's stylesheet classes, so they follow the light or dark scheme.
enum Charts {
    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
                          "#9c755f"]
    static let otherColor = "#8c8c8c"
    static let width = 960.0, height = 260.0, left = 64.0, right = 64.0, top = 12.0, bottom = 28.0

    /// Bars per period stacked by part (the costliest parts get colours, the rest is "other"), with the
    /// cumulative cost as a line on the right axis. Returns the SVG and the legend (name, colour).
    static func stackedCost(_ rows: [(key: String, parts: [String: Double])], maxSeries: Int = 8)
        -> (svg: String, legend: [(String, String)]) {
        var totals: [String: Double] = [:]
        for row in rows { for (name, cost) in row.parts { totals[name, default: 0] += cost } }
        let ranked = totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        let named = Array(ranked.prefix(maxSeries))
        var colors = Dictionary(uniqueKeysWithValues: named.enumerated().map { ($1, palette[$0 % palette.count]) })
        let hasOther = ranked.count > named.count
        if hasOther { colors["other"] = otherColor }
        let series = named + (hasOther ? ["other"] : [])
        let stacks: [[(String, Double)]] = rows.map { row in
            var other = 0.0
            var parts: [(String, Double)] = []
            for (name, cost) in row.parts where !named.contains(name) { other += cost }
            for name in named { if let cost = row.parts[name], cost > 0 { parts.append((name, cost)) } }
            if other > 0 { parts.append(("other", other)) }
            return parts
        }
        let maxBar = max(stacks.map { $0.reduce(0) { $0 + $1.1 } }.max() ?? 0, 0.01)
        let cumulative = stacks.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1.reduce(0) { $0 + $1.1 }) }
        let maxCumulative = max(cumulative.last ?? 0, 0.01)
        var svg = open(label: "Cost per period, stacked, with the cumulative cost")
        svg += axis(max: maxBar, format: webMoney, side: .left)
        svg += axis(max: maxCumulative, format: webMoney, side: .right)
        let slot = (width - left - right) / Double(max(rows.count, 1))
        let barWidth = max(1, slot * 0.8)
        for (i, stack) in stacks.enumerated() {
            var y = height - bottom
            let x = left + Double(i) * slot + (slot - barWidth) / 2
            for (name, cost) in stack {
                let h = cost / maxBar * (height - top - bottom)
                y -= h
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barWidth))\" height=\"\(f(h))\" fill=\"\(colors[name] ?? otherColor)\">"
                svg += "<title>\(escape(rows[i].key)) \(escape(name)): \(webMoney(cost))</title></rect>"
            }
        }
        svg += labels(rows.map(\.key), slot: slot)
        if rows.count > 0 {
            let points = cumulative.enumerated().map { i, value in
                "\(f(left + (Double(i) + 0.5) * slot)),\(f(height - bottom - value / maxCumulative * (height - top - bottom)))"
            }
            svg += "<polyline class=\"line\" fill=\"none\" points=\"\(points.joined(separator: " "))\"/>"
        }
        svg += "</svg>"
        return (svg, series.map { ($0, colors[$0] ?? otherColor) })
    }

    static let kindColors = [("Input", "#4e79a7"), ("Output", "#f28e2b"), ("Cache create", "#59a14f"),
                             ("Cache read", "#76b7b2")]

    /// Tokens per period stacked by kind (input, output, cache creation, cache read).
    static func tokenKinds(_ rows: [PeriodRow]) -> String {
        let maxBar = Double(max(rows.map(\.tokens.total).max() ?? 0, 1))
        var svg = open(label: "Tokens per period by kind")
        svg += axis(max: maxBar, format: { Format.integer(Int($0)) }, side: .left)
        let slot = (width - left - right) / Double(max(rows.count, 1))
        let barWidth = max(1, slot * 0.8)
        for (i, row) in rows.enumerated() {
            var y = height - bottom
            let x = left + Double(i) * slot + (slot - barWidth) / 2
            let values = [row.tokens.input, row.tokens.output, row.tokens.cacheCreation, row.tokens.cacheRead]
            for (k, value) in values.enumerated() where value > 0 {
                let h = Double(value) / maxBar * (height - top - bottom)
                y -= h
                svg += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(barWidth))\" height=\"\(f(h))\" fill=\"\(kindColors[k].1)\">"
                svg += "<title>\(escape(row.key)) \(kindColors[k].0): \(Format.integer(value))</title></rect>"
            }
        }
        svg += labels(rows.map(\.key), slot: slot)
        return svg + "</svg>"
    }

    /// A calendar of days (columns are weeks, Sunday on top), shaded by cost.
    static func heatmap(_ costs: [String: Double]) -> String {
        let days = costs.keys.compactMap { CalendarDay($0) }.sorted()
        guard let first = days.first, let last = days.last else { return "" }
        let start = first.adding(days: -first.weekday)
        let weeks = ((last.daysSinceEpoch - start.daysSinceEpoch) / 7) + 1
        let cell = 13.0
        let maxCost = max(costs.values.max() ?? 0, 0.01)
        let w = 40 + Double(weeks) * cell + 24, h = 7 * cell + 20   // room for the last month's label
        var svg = "<svg class=\"heatmap\" width=\"\(f(w * 2))\" height=\"\(f(h * 2))\" viewBox=\"0 0 \(f(w)) \(f(h))\" role=\"img\" aria-label=\"Cost per day, calendar\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (row, name) in ["Sun", "", "Tue", "", "Thu", "", "Sat"].enumerated() where !name.isEmpty {
            svg += "<text class=\"axis\" x=\"0\" y=\"\(f(20 + Double(row) * cell + 10))\">\(name)</text>"
        }
        var month = ""
        for index in 0...((last.daysSinceEpoch - start.daysSinceEpoch)) {
            let day = start.adding(days: index)
            let col = Double(index / 7), row = Double(index % 7)
            let key = day.description
            if row == 0, String(key.prefix(7)) != month {
                month = String(key.prefix(7))
                svg += "<text class=\"axis\" x=\"\(f(40 + col * cell))\" y=\"10\">\(month)</text>"
            }
            let cost = costs[key]
            let level = cost.map { $0 <= 0 ? 0 : 1 + min(3, Int(($0 / maxCost) * 4)) } ?? -1
            svg += "<rect class=\"heat heat\(max(level, 0))\(level < 0 ? " empty" : "")\" x=\"\(f(40 + col * cell))\" y=\"\(f(16 + row * cell))\" width=\"11\" height=\"11\" rx=\"2\">"
            svg += "<title>\(key): \(cost.map(webMoney) ?? "no usage")</title></rect>"
        }
        return svg + "</svg>"
    }

    /// Cost per hour of the day (0–23, in the report time zone). A standalone image (an `<img>`, which the
    /// page's stylesheet does not reach), so its colours are attributes a light and a dark page both suit.
    static func hours(_ costs: [Double]) -> String {
        let maxBar = max(costs.max() ?? 0, 0.01)
        let w = 520.0, h = 250.0, l = 56.0, r = 8.0, t = 12.0, b = 24.0
        var svg = "<svg viewBox=\"0 0 \(f(w)) \(f(h))\" role=\"img\" aria-label=\"Cost per hour of day\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, DejaVu Sans, sans-serif\" font-size=\"11\">"
        for step in 0...4 {
            let y = h - b - Double(step) / 4 * (h - t - b)
            svg += "<line x1=\"\(f(l))\" x2=\"\(f(w - r))\" y1=\"\(f(y))\" y2=\"\(f(y))\" stroke=\"#8c8c8c\" stroke-opacity=\"0.3\"/>"
            svg += "<text fill=\"#8c8c8c\" text-anchor=\"end\" x=\"\(f(l - 6))\" y=\"\(f(y + 4))\">\(webMoney(maxBar * Double(step) / 4))</text>"
        }
        let slot = (w - l - r) / 24
        for (hour, cost) in costs.enumerated() {
            let bar = cost / maxBar * (h - t - b)
            svg += "<rect x=\"\(f(l + Double(hour) * slot + slot * 0.12))\" y=\"\(f(h - b - bar))\" width=\"\(f(slot * 0.76))\" height=\"\(f(bar))\" rx=\"1.5\" fill=\"\(palette[0])\">"
            svg += "<title>\(hour):00–\(hour):59: \(webMoney(cost))</title></rect>"
            if hour % 3 == 0 {
                svg += "<text fill=\"#8c8c8c\" text-anchor=\"middle\" x=\"\(f(l + (Double(hour) + 0.5) * slot))\" y=\"\(f(h - 8))\">\(hour):00</text>"
            }
        }
        return svg + "</svg>"
    }

    // MARK: pieces

    enum Side { case left, right }

    static func open(label: String, height: Double = Charts.height) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" aria-label=\"\(escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
    }

    /// Four grid lines with their values on one side.
    static func axis(max: Double, format: (Double) -> String, side: Side, height: Double = Charts.height) -> String {
        var svg = ""
        for step in 0...4 {
            let value = max * Double(step) / 4
            let y = height - bottom - Double(step) / 4 * (height - top - bottom)
            if side == .left {
                svg += "<line class=\"grid\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y))\" y2=\"\(f(y))\"/>"
                svg += "<text class=\"axis\" text-anchor=\"end\" x=\"\(f(left - 6))\" y=\"\(f(y + 4))\">\(format(value))</text>"
            } else {
                svg += "<text class=\"axis cumulative\" x=\"\(f(width - right + 6))\" y=\"\(f(y + 4))\">\(format(value))</text>"
            }
        }
        return svg
    }

    /// Up to about twelve period labels under the bars.
    static func labels(_ keys: [String], slot: Double) -> String {
        let every = max(1, Int((Double(keys.count) / 12).rounded(.up)))
        var svg = ""
        for (i, key) in keys.enumerated() where i % every == 0 {
            svg += "<text class=\"axis\" text-anchor=\"middle\" x=\"\(f(left + (Double(i) + 0.5) * slot))\" y=\"\(f(height - 8))\">\(escape(key))</text>"
        }
        return svg
    }

    static func f(_ value: Double) -> String { Format.fixed(value, decimals: 1) }
}

/// Text made safe for HTML and SVG.
func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for c in text {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.append(c)
        }
    }
    return out
}
