/// Terminal cell widths of text, measured per grapheme cluster the way current terminals lay it out
/// (tmux 3.4+, kitty, WezTerm, Ghostty, iTerm2, Windows Terminal):
/// - ANSI escape sequences take no cells;
/// - East Asian wide and fullwidth characters and emoji with emoji presentation take 2;
/// - a character followed by the emoji variation selector U+FE0F (`⚙️`, `⏱️`) takes 2, one followed by the
///   text selector U+FE0E takes 1;
/// - a ZWJ sequence (`👨‍👩‍👧`), a flag (two regional indicators), a skin-tone or keycap sequence takes 2;
/// - combining marks, zero-width joiners and other format characters take none.
///
/// Terminals still disagree on some of these (tmux 3.3 and VTE give `⚙️` one cell), so a screen that must line
/// up, like the live monitor, also places its right border with a cursor move (see `LiveDashboard`).
public enum DisplayWidth {
    /// Cells taken by `text` (ANSI escapes skipped).
    public static func of(_ text: String) -> Int {
        // Fast path: printable ASCII without escapes is one cell per byte.
        var ascii = true, count = 0
        for byte in text.utf8 {
            if byte >= 0x80 || byte == 0x1B { ascii = false; break }
            if byte >= 0x20, byte != 0x7F { count += 1 }
        }
        if ascii { return count }
        var width = 0
        var escape = EscapeState.none
        for character in text {
            if escape.consume(character) { continue }
            width += of(character)
        }
        return width
    }

    /// Cells taken by one grapheme cluster (not part of an escape sequence).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count == 1 { return scalarWidth(first) }
        var emojiSelector = false, textSelector = false, joiner = false, modifier = false, regional = 0
        var pictographic = false
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0F: emojiSelector = true
            case 0xFE0E: textSelector = true
            case 0x200D: joiner = true
            case 0x1F3FB...0x1F3FF: modifier = true
            case 0x1F1E6...0x1F1FF: regional += 1
            default: if scalar.properties.isEmoji { pictographic = true }
            }
        }
        let base = scalarWidth(first)
        if base == 0 && !first.properties.isEmoji { return 0 }
        if regional >= 2 { return 2 }
        if textSelector { return base == 0 ? 0 : 1 }
        if emojiSelector && first.properties.isEmoji { return 2 }
        if (joiner || modifier) && pictographic { return 2 }
        return base
    }

    /// Cells of one scalar on its own: 0 for controls, combining marks and format characters, 2 for wide ones.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }
        if v < 0xA0 { return 0 }
        if v < 0x300 { return 1 }
        if v == 0x200B || (0x1160...0x11FF).contains(v) || (0xFE00...0xFE0F).contains(v)
            || (0xE0100...0xE01EF).contains(v) {
            return 0
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if v >= 0x1100, isWide(v) { return 2 }
        return scalar.properties.isEmojiPresentation ? 2 : 1
    }

    /// `text` cut to at most `width` cells, ending with `…` when cut (escape sequences are kept whole).
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width, width > 0 else { return width > 0 ? text : "" }
        var out = "", used = 0
        var escape = EscapeState.none
        for character in text {
            if escape.consume(character) { out.append(character); continue }
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Where a scan is inside `ESC …` (two-character escapes) or `ESC [ … final` (CSI).
    enum EscapeState {
        case none, afterEscape, csi

        /// True when `character` belongs to an escape sequence (and so takes no cells).
        mutating func consume(_ character: Character) -> Bool {
            let v = character.unicodeScalars.first?.value ?? 0
            switch self {
            case .none:
                if v == 0x1B { self = .afterEscape; return true }
                return false
            case .afterEscape:
                self = v == 0x5B ? .csi : .none
                return true
            case .csi:
                if (0x40...0x7E).contains(v) { self = .none }
                return true
            }
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        var low = 0, high = wide.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if v < wide[mid].0 { high = mid - 1 } else if v > wide[mid].1 { low = mid + 1 } else { return true }
        }
        return false
    }

    /// East Asian Width W and F ranges (Unicode 14; unassigned gaps between them merged), then planes 2 and 3.
    static let wide: [(UInt32, UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC), (0x23F0, 0x23F0), (0x23F3, 0x23F3),
        (0x25FD, 0x25FE), (0x2614, 0x2615), (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE), (0x26D4, 0x26D4), (0x26EA, 0x26EA),
        (0x26F2, 0x26F3), (0x26F5, 0x26F5), (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2795, 0x2797),
        (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x2E80, 0x303E),
        (0x3041, 0x3247), (0x3250, 0x4DBF), (0x4E00, 0xA4C6), (0xA960, 0xA97C), (0xAC00, 0xD7A3), (0xF900, 0xFAD9),
        (0xFE10, 0xFE19), (0xFE30, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6), (0x16FE0, 0x1B2FB), (0x1F004, 0x1F004),
        (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E), (0x1F191, 0x1F19A), (0x1F200, 0x1F320), (0x1F32D, 0x1F335),
        (0x1F337, 0x1F37C), (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3), (0x1F3E0, 0x1F3F0),
        (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E), (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D),
        (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A), (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4),
        (0x1F5FB, 0x1F64F), (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2), (0x1F6D5, 0x1F6DF),
        (0x1F6EB, 0x1F6EC), (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7F0), (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945),
        (0x1F947, 0x1F9FF), (0x1FA70, 0x1FAF6), (0x20000, 0x3FFFD)
    ]
}
