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

/// A box-drawn table whose columns are sized from their content. Rules sit only under the header and above
/// a totals row. A cell wraps only at spaces (and after `Table.breakHint`); `Table.glue` joins words that must
/// stay on one line. Numbers, dates and ids hold no break, so they are never cut: a table that cannot fit its
/// width is printed whole (see `layout(fitting:)`).
public struct Table: Sendable {
    public enum Align: Sendable { case left, right }
    public enum RowStyle: Sendable { case normal, secondary, totals, header }

    /// A space no line break may fall on; printed as a plain space.
    public static let glue: Character = "\u{00A0}"
    /// An invisible place where a line may break (e.g. after the `/` of `Duration/Status`).
    public static let breakHint: Character = "\u{200B}"

    public struct Row: Sendable {
        public var cells: [String]
        public var style: RowStyle
        /// Per-cell colour overrides (e.g. ACTIVE in green).
        public var colors: [Int: TerminalStyle.Color]
        /// How many columns the first cell covers (the cells it covers are ignored); a span of every column
        /// makes a full-width line (a project header) that never widens the table.
        public var firstSpan: Int
        public init(_ cells: [String], style: RowStyle = .normal, colors: [Int: TerminalStyle.Color] = [:],
                    firstSpan: Int = 1) {
            self.cells = cells; self.style = style; self.colors = colors; self.firstSpan = max(1, firstSpan)
        }
    }

    public var headers: [String]
    public var aligns: [Align]
    public var rows: [Row]

    public init(headers: [String], aligns: [Align], rows: [Row] = []) {
        self.headers = headers; self.aligns = aligns; self.rows = rows
    }

    /// Rows that are printed: a row of empty cells is a separator v15 drops.
    var printedRows: [Row] { rows.filter { !$0.cells.allSatisfy(\.isEmpty) } }

    /// Total width in cells of a table with these inner column widths (one space of padding on each side
    /// of a cell, one border between cells and at both ends).
    public static func totalWidth(_ widths: [Int]) -> Int {
        widths.reduce(0, +) + 3 * widths.count + 1
    }

    /// Renders at the widths `layout(fitting:)` finds, or whole at its natural widths when it cannot fit.
    public func render(width: Int, style: TerminalStyle) -> String {
        render(widths: layout(fitting: width) ?? naturalWidths, style: style)
    }

    /// Renders with the given inner column widths.
    public func render(widths: [Int], style: TerminalStyle) -> String {
        var out: [String] = []
        let border = { (l: String, m: String, r: String) -> String in
            style.paint(l + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: m) + r, .gray)
        }
        out.append(border("┌", "┬", "┐"))
        out.append(contentsOf: renderRow(Row(headers, style: .header), widths: widths, style: style))
        out.append(border("├", "┼", "┤"))
        for row in printedRows {
            if row.style == .totals { out.append(border("├", "┼", "┤")) }
            out.append(contentsOf: renderRow(row, widths: widths, style: style))
        }
        out.append(border("└", "┴", "┘"))
        return out.joined(separator: "\n")
    }

    private func renderRow(_ row: Row, widths: [Int], style: TerminalStyle) -> [String] {
        let n = widths.count
        // Segments: (first column, column count); the first may span several columns.
        var segments = [(0, min(row.firstSpan, n))]
        for i in segments[0].1..<n { segments.append((i, 1)) }
        var columns: [[String]] = []
        for (start, count) in segments {
            let width = widths[start..<start + count].reduce(0, +) + 3 * (count - 1)
            let cell = start < row.cells.count ? row.cells[start] : ""
            columns.append(TableText.wrap(cell, width: width, breakLongWords: count == n))
        }
        let height = columns.map(\.count).max() ?? 1
        let color: TerminalStyle.Color?
        switch row.style {
        case .header: color = .cyan
        case .totals: color = .yellow
        case .secondary: color = .gray
        case .normal: color = nil
        }
        let bar = style.paint("│", .gray)
        var lines: [String] = []
        for lineIndex in 0..<height {
            var parts: [String] = []
            for (k, (start, count)) in segments.enumerated() {
                let width = widths[start..<start + count].reduce(0, +) + 3 * (count - 1)
                let text = lineIndex < columns[k].count ? columns[k][lineIndex] : ""
                let space = String(repeating: " ", count: max(width - displayWidth(text), 0))
                let padded = aligns[start] == .right && row.style != .header && count == 1 ? space + text : text + space
                parts.append(" " + style.paint(padded, row.colors[start] ?? color) + " ")
            }
            lines.append(bar + parts.joined(separator: bar) + bar)
        }
        return lines
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
