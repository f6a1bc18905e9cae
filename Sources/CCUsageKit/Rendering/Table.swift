/// Colours, decided once as a value.
public struct TerminalStyle: Sendable, Equatable {
    public var colors: Bool
    public init(colors: Bool) { self.colors = colors }
    public static let plain = TerminalStyle(colors: false)

    /// `--no-color`/`NO_COLOR` disable (and win), `--color`/`FORCE_COLOR` force, else colour on a TTY
    /// whose TERM is not `dumb`.
    public static func decide(flag: Bool?, environment: [String: String], isTTY: Bool) -> TerminalStyle {
        if flag == false || environment["NO_COLOR"] != nil { return TerminalStyle(colors: false) }
        if flag == true || environment["FORCE_COLOR"] != nil { return TerminalStyle(colors: true) }
        return TerminalStyle(colors: isTTY && environment["TERM"] != "dumb")
    }

    public enum Color: Int, Sendable { case red = 31, green = 32, yellow = 33, blue = 34, magenta = 35, cyan = 36, gray = 90 }

    public func paint(_ text: String, _ color: Color?) -> String {
        guard colors, let color, !text.isEmpty else { return text }
        return "\u{1B}[\(color.rawValue)m" + text + "\u{1B}[39m"
    }

    public func bold(_ text: String) -> String {
        guard colors, !text.isEmpty else { return text }
        return "\u{1B}[1m" + text + "\u{1B}[22m"
    }
}

/// Width of text in terminal cells: ANSI escapes count 0, wide East Asian characters and emoji 2.
public func displayWidth(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
        let v = scalar.value
        if inEscape {
            if (0x40...0x7E).contains(v) && v != 0x5B { inEscape = false }
            continue
        }
        if v == 0x1B { inEscape = true; continue }
        width += scalarWidth(v)
    }
    return width
}

func scalarWidth(_ v: UInt32) -> Int {
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
    if v < 0x300 { return 1 }
    // Combining marks, zero-width joiners and variation selectors.
    if (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0xFE00...0xFE0F).contains(v)
        || (0x1AB0...0x1AFF).contains(v) || (0x20D0...0x20FF).contains(v) || (0xE0100...0xE01EF).contains(v) {
        return 0
    }
    if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
        || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
        || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
        || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
        || (0x1F900...0x1F9FF).contains(v) || (0x1F680...0x1F6FF).contains(v) || (0x20000...0x3FFFD).contains(v)
        || (0x2600...0x26FF).contains(v) && [0x2614, 0x2615, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4,
                                             0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26FA,
                                             0x26FD, 0x2648, 0x2649, 0x264A, 0x264B, 0x264C, 0x264D, 0x264E,
                                             0x264F, 0x2650, 0x2651, 0x2652, 0x2653, 0x267F, 0x2693].contains(v)
        || [0x231A, 0x231B, 0x23E9, 0x23EA, 0x23EB, 0x23EC, 0x23F0, 0x23F3, 0x25FD, 0x25FE, 0x2705, 0x270A,
            0x270B, 0x2728, 0x274C, 0x274E, 0x2753, 0x2754, 0x2755, 0x2757, 0x2795, 0x2796, 0x2797, 0x27B0,
            0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55].contains(v) {
        return 2
    }
    return 1
}

/// A box-drawn table with v15's responsive widths: content-based column widths, scaled down to the
/// terminal width when needed, with wrapping at spaces and `…` truncation.
public struct Table: Sendable {
    public enum Align: Sendable { case left, right }
    public enum RowStyle: Sendable { case normal, secondary, totals, header }

    public struct Row: Sendable {
        public var cells: [String]
        public var style: RowStyle
        /// Per-cell colour overrides (e.g. ACTIVE in green).
        public var colors: [Int: TerminalStyle.Color]
        public init(_ cells: [String], style: RowStyle = .normal, colors: [Int: TerminalStyle.Color] = [:]) {
            self.cells = cells; self.style = style; self.colors = colors
        }
    }

    public var headers: [String]
    public var aligns: [Align]
    public var rows: [Row]
    /// Index of the Models column, which gets a wider minimum.
    public var modelsColumn: Int?
    /// Split `YYYY-MM-DD` in the first column into two lines when the table has to shrink.
    public var splitDatesWhenNarrow = true

    public init(headers: [String], aligns: [Align], rows: [Row] = [], modelsColumn: Int? = nil) {
        self.headers = headers; self.aligns = aligns; self.rows = rows; self.modelsColumn = modelsColumn
    }

    public func render(width terminalWidth: Int, style: TerminalStyle) -> String {
        let n = headers.count
        var rows = self.rows.filter { !$0.cells.allSatisfy(\.isEmpty) }
        func contentWidths(_ rows: [Row]) -> [Int] {
            var widths = headers.map(displayWidth)
            for row in rows {
                for (i, cell) in row.cells.enumerated() where i < n {
                    for line in cell.split(separator: "\n", omittingEmptySubsequences: false) {
                        widths[i] = max(widths[i], displayWidth(String(line)))
                    }
                }
            }
            return widths
        }
        let content = contentWidths(rows)
        var widths = content.enumerated().map { i, w -> Int in
            if aligns[i] == .right { return max(w + 3, 11) }
            if i == modelsColumn { return max(w + 2, 15) }
            return max(w + 2, 10)
        }
        // Borders take n + 1 cells (padding is inside the widths).
        let overhead = n + 1
        let preferred = widths.reduce(0, +)
        if preferred + overhead > terminalWidth {
            let scale = Double(max(terminalWidth - overhead, 0)) / Double(preferred)
            widths = widths.enumerated().map { i, w in
                let scaled = Int((Double(w) * scale).rounded(.down))
                let minimum = aligns[i] == .right ? 10 : (i == 0 ? 10 : (i == modelsColumn ? 12 : 8))
                return max(scaled, minimum)
            }
            if splitDatesWhenNarrow {
                for r in rows.indices {
                    let first = rows[r].cells[0]
                    if isDate(first) {
                        rows[r].cells[0] = String(first.prefix(4)) + "\n" + String(first.dropFirst(5))
                    }
                }
            }
        }
        var out: [String] = []
        let border = { (l: String, m: String, r: String) -> String in
            style.paint(l + widths.map { String(repeating: "─", count: $0) }.joined(separator: m) + r, .gray)
        }
        out.append(border("┌", "┬", "┐"))
        out.append(contentsOf: renderRow(Row(headers, style: .header), widths: widths, style: style))
        for row in rows {
            out.append(border("├", "┼", "┤"))
            out.append(contentsOf: renderRow(row, widths: widths, style: style))
        }
        out.append(border("└", "┴", "┘"))
        return out.joined(separator: "\n")
    }

    private func isDate(_ s: String) -> Bool {
        let b = Array(s.utf8)
        return b.count == 10 && b[4] == 0x2D && b[7] == 0x2D
            && b.enumerated().allSatisfy { i, c in i == 4 || i == 7 || (c >= 0x30 && c <= 0x39) }
    }

    private func renderRow(_ row: Row, widths: [Int], style: TerminalStyle) -> [String] {
        let n = widths.count
        var columns: [[String]] = []
        for i in 0..<n {
            let cell = i < row.cells.count ? row.cells[i] : ""
            columns.append(wrap(cell, width: max(widths[i] - 2, 1)))
        }
        let height = columns.map(\.count).max() ?? 1
        var lines: [String] = []
        let bar = style.paint("│", .gray)
        for lineIndex in 0..<height {
            var parts: [String] = []
            for i in 0..<n {
                let text = lineIndex < columns[i].count ? columns[i][lineIndex] : ""
                let space = max(widths[i] - 2 - displayWidth(text), 0)
                let padded = aligns[i] == .right && row.style != .header
                    ? String(repeating: " ", count: space) + text
                    : text + String(repeating: " ", count: space)
                let color: TerminalStyle.Color?
                switch row.style {
                case .header: color = .cyan
                case .totals: color = .yellow
                case .secondary: color = .gray
                case .normal: color = nil
                }
                parts.append(" " + style.paint(padded, row.colors[i] ?? color) + " ")
            }
            lines.append(bar + parts.joined(separator: bar) + bar)
        }
        return lines
    }

    /// Word-wraps each line of `text` to `width` cells; a word longer than the width is cut with `…`.
    func wrap(_ text: String, width: Int) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(line)
            if displayWidth(line) <= width { result.append(line); continue }
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                if displayWidth(word) > width { word = truncate(word, width) }
                if current.isEmpty {
                    current = word
                } else if displayWidth(current) + 1 + displayWidth(word) <= width {
                    current += " " + word
                } else {
                    result.append(current)
                    current = word
                }
            }
            result.append(current)
        }
        return result.isEmpty ? [""] : result
    }

    func truncate(_ word: String, _ width: Int) -> String {
        guard width > 1 else { return "…" }
        var out = ""
        var used = 0
        for ch in word {
            let w = displayWidth(String(ch))
            if used + w > width - 1 { break }
            out.append(ch); used += w
        }
        return out + "…"
    }
}

/// v15's rounded title box, with one blank line before and after.
public func titleBox(_ title: String, style: TerminalStyle) -> String {
    let inner = displayWidth(title) + 4
    let line = String(repeating: "─", count: inner)
    let blank = "│" + String(repeating: " ", count: inner) + "│"
    return ["", "╭" + line + "╮", blank, "│  " + style.paint(title, nil) + "  │", blank, "╰" + line + "╯", ""]
        .joined(separator: "\n")
}
