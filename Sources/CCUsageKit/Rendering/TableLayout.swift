/// Column widths: from the content, shrunk (by wrapping headers and multi-word cells) to fit a width.
extension Table {
    /// Inner widths that show every cell on its lines without wrapping.
    public var naturalWidths: [Int] { measure().natural }

    /// Inner column widths whose table is at most `width` cells wide, or nil when even the narrowest
    /// layout (every cell wrapped down to its widest unbreakable word) is wider.
    ///
    /// Columns start at their natural width; while the table is too wide, the column with the most room to
    /// shrink loses one cell. Then each column is tightened to the widest line it actually holds, and the room
    /// this frees unwraps whole columns again where it is enough.
    public func layout(fitting width: Int) -> [Int]? {
        let m = measure()
        if Self.totalWidth(m.natural) <= width { return m.natural }
        if Self.totalWidth(m.minimum) > width { return nil }
        var widths = m.natural
        while Self.totalWidth(widths) > width {
            var best: Int?
            for i in widths.indices where widths[i] > m.minimum[i] {
                if m.spans.contains(where: { i < $0.count && spannedWidth(widths, $0.count) - 1 < $0.minimum }) {
                    continue
                }
                if best.map({ widths[i] - m.minimum[i] > widths[$0] - m.minimum[$0] }) ?? true { best = i }
            }
            guard let best else { return nil }
            widths[best] -= 1
        }
        // Tighten: a wrapped column may need less than it was given.
        for i in widths.indices {
            var used = 0
            for text in [headers[i]] + m.cells[i] {
                for line in TableText.wrap(text, width: widths[i], breakLongWords: false) {
                    used = max(used, displayWidth(line))
                }
            }
            widths[i] = min(widths[i], max(used, 1))
        }
        for span in m.spans where spannedWidth(widths, span.count) < span.minimum {
            widths[span.count - 1] += span.minimum - spannedWidth(widths, span.count)
        }
        // Room left by tightening unwraps whole columns again, the cheapest first.
        for i in widths.indices.sorted(by: { m.natural[$0] - widths[$0] < m.natural[$1] - widths[$1] })
        where widths[i] < m.natural[i] && Self.totalWidth(widths) + m.natural[i] - widths[i] <= width {
            widths[i] = m.natural[i]
        }
        return widths
    }

    private func spannedWidth(_ widths: [Int], _ count: Int) -> Int {
        widths[0..<count].reduce(0, +) + 3 * (count - 1)
    }

    /// First cells covering the first `count` columns: the widths their widest word and widest line need.
    struct Span { var count: Int; var minimum: Int; var natural: Int }

    struct Measure {
        var natural: [Int], minimum: [Int]
        /// The texts of each column (header excluded) that size it.
        var cells: [[String]]
        var spans: [Span]
    }

    func measure() -> Measure {
        let n = headers.count
        var natural = headers.map { TableText.naturalWidth($0) }
        var minimum = headers.map { TableText.minimumWidth($0) }
        var cells = Array(repeating: [String](), count: n)
        var spans: [Span] = []
        for row in printedRows {
            let span = min(row.firstSpan, n)
            if span == n { continue }   // a full-width line wraps to the table, whatever its width
            if span > 1, let first = row.cells.first {
                let minimum = TableText.minimumWidth(first), natural = TableText.naturalWidth(first)
                if let k = spans.firstIndex(where: { $0.count == span }) {
                    spans[k].minimum = max(spans[k].minimum, minimum)
                    spans[k].natural = max(spans[k].natural, natural)
                } else {
                    spans.append(Span(count: span, minimum: minimum, natural: natural))
                }
            }
            for (i, cell) in row.cells.enumerated() where i < n && (span == 1 || i >= span) {
                cells[i].append(cell)
                natural[i] = max(natural[i], TableText.naturalWidth(cell))
                minimum[i] = max(minimum[i], TableText.minimumWidth(cell))
            }
        }
        // A spanning cell wider than its columns widens the last of them.
        for span in spans {
            let naturalRoom = natural[0..<span.count].reduce(0, +) + 3 * (span.count - 1)
            if naturalRoom < span.natural { natural[span.count - 1] += span.natural - naturalRoom }
            let minimumRoom = minimum[0..<span.count].reduce(0, +) + 3 * (span.count - 1)
            if minimumRoom < span.minimum { minimum[span.count - 1] += span.minimum - minimumRoom }
        }
        return Measure(natural: natural, minimum: minimum, cells: cells, spans: spans)
    }

    /// Picks the first table that fits `width` (e.g. the full column set, then the compact one) and renders
    /// it; when none fits, the last one is printed whole at its natural widths. Returns the index chosen.
    public static func renderFirstFitting(_ tables: [Table], width: Int,
                                          style: TerminalStyle) -> (text: String, index: Int) {
        for (index, table) in tables.enumerated() {
            if let widths = table.layout(fitting: width) { return (table.render(widths: widths, style: style), index) }
        }
        guard let last = tables.last else { return ("", 0) }
        return (last.render(widths: last.naturalWidths, style: style), tables.count - 1)
    }
}

/// Cell text: lines split at `\n`, words at spaces and after `Table.breakHint`; `Table.glue` never breaks.
enum TableText {
    /// The words of one line, each with the separator that joins it to the previous word on the same line.
    static func words(_ line: Substring) -> [(separator: String, word: String)] {
        var result: [(String, String)] = []
        var word = "", separator = ""
        for ch in line {
            if ch == " " {
                result.append((separator, word)); word = ""; separator = " "
            } else if ch == Table.breakHint {
                result.append((separator, word)); word = ""; separator = ""
            } else {
                word.append(ch == Table.glue ? " " : ch)
            }
        }
        result.append((separator, word))
        return result
    }

    /// How a line prints when it is not wrapped.
    static func plain(_ line: Substring) -> String {
        var out = ""
        for ch in line where ch != Table.breakHint { out.append(ch == Table.glue ? " " : ch) }
        return out
    }

    static func naturalWidth(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { displayWidth(plain($0)) }.max() ?? 0
    }

    /// The widest word: the narrowest the text can wrap to without cutting a word.
    static func minimumWidth(_ text: String) -> Int {
        var widest = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for (_, word) in words(line) { widest = max(widest, displayWidth(word)) }
        }
        return widest
    }

    /// Wraps each line of `text` at its breaks to `width` cells. A word wider than the width stays whole
    /// (the layout never makes a column narrower than its widest word), unless `breakLongWords` (a
    /// full-width line) splits it into pieces of the width.
    static func wrap(_ text: String, width: Int, breakLongWords: Bool) -> [String] {
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let flat = plain(line)
            if displayWidth(flat) <= width { result.append(flat); continue }
            var current = "", currentWidth = 0, started = false
            for (separator, word) in words(line) {
                let wordWidth = displayWidth(word)
                if started, currentWidth + separator.count + wordWidth <= width {
                    current += separator + word
                    currentWidth += separator.count + wordWidth
                    continue
                }
                var rest = word
                if breakLongWords, width > 0, wordWidth > width {
                    // Fill the current line first, then whole lines of the word.
                    if started {
                        let room = width - currentWidth - separator.count
                        if room > 0 {
                            let (head, tail) = split(rest, at: room)
                            current += separator + head
                            rest = tail
                        }
                        result.append(current)
                    }
                    while displayWidth(rest) > width {
                        let (head, tail) = split(rest, at: width)
                        result.append(head)
                        rest = tail
                    }
                } else if started {
                    result.append(current)
                }
                started = true
                current = rest; currentWidth = displayWidth(rest)
            }
            result.append(current)
        }
        return result.isEmpty ? [""] : result
    }

    /// The longest prefix of `word` at most `width` cells wide (at least one character), and the rest.
    static func split(_ word: String, at width: Int) -> (String, String) {
        var head = "", used = 0
        var index = word.startIndex
        while index < word.endIndex {
            let w = displayWidth(String(word[index]))
            if used + w > width, !head.isEmpty { break }
            head.append(word[index]); used += w
            index = word.index(after: index)
        }
        return (head, String(word[index...]))
    }
}
