import Testing
@testable import CCUsageKit

@Suite struct DisplayWidthTests {
    @Test("cells per text", arguments: [
        ("abc", 3), ("", 0), ("日本語", 6), ("ｱｲ", 2), ("ＡＢ", 4), ("한글", 4),
        ("⚙️", 2), ("⚙", 1), ("⏱️", 2), ("⏱", 1), ("⚠️", 2), ("✓", 1), ("↻", 1), ("•", 1), ("█░", 2),
        ("🔥", 2), ("📈", 2), ("⏳", 2), ("❌", 2), ("⚡", 2),
        ("👨‍👩‍👧", 2), ("🏳️‍🌈", 2), ("🇯🇵", 2), ("👍🏽", 2), ("1️⃣", 2), ("☺︎", 1), ("☺️", 2),
        ("e\u{301}", 1), ("a\u{200B}b", 2), ("\u{200D}", 0), ("\u{FE0F}", 0),
        ("\u{1B}[31mred\u{1B}[39m", 3), ("\u{1B}[1m⚙️\u{1B}[22m x", 4), ("\u{1B}[12G│", 1), ("\t", 0),
    ])
    func widths(_ text: String, _ cells: Int) {
        #expect(DisplayWidth.of(text) == cells, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func truncationCountsCellsAndKeepsEscapesWhole() {
        #expect(DisplayWidth.truncate("⚙️  Models: opus-4", to: 8) == "⚙️  Mod…")
        #expect(DisplayWidth.truncate("日本語テキスト", to: 7) == "日本語…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("\u{1B}[31mabcdef\u{1B}[39m", to: 4) == "\u{1B}[31mabc…")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }
}
