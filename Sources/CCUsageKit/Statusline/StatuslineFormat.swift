/// Where the session cost comes from (`--cost-source`).
public enum StatuslineCostSource: String, Sendable, CaseIterable {
    /// Claude Code's `cost.total_cost_usd` when present, else computed.
    case auto
    /// Always computed from the transcripts.
    case ccusage
    /// Always Claude Code's.
    case cc
    /// Both, side by side.
    case both
}

/// How the burn rate's level is shown (`--visual-burn-rate`).
public enum BurnRateVisual: String, Sendable, CaseIterable {
    case off, emoji, text
    case emojiText = "emoji-text"
}

/// The burn-rate level, judged on input + output tokens per minute.
public enum BurnLevel: Sendable, Equatable {
    case normal, moderate, high

    public init(tokensPerMinute: Double) {
        self = tokensPerMinute < 2000 ? .normal : tokensPerMinute < 5000 ? .moderate : .high
    }

    public var emoji: String {
        switch self { case .normal: "🟢"; case .moderate: "⚠️"; case .high: "🚨" }
    }

    public var text: String {
        switch self { case .normal: "Normal"; case .moderate: "Moderate"; case .high: "High" }
    }

    public var color: TerminalStyle.Color {
        switch self { case .normal: .green; case .moderate: .yellow; case .high: .red }
    }
}

/// The context-usage colour thresholds, in percent: green below `low`, yellow below `medium`, else red.
public struct ContextThresholds: Sendable, Equatable {
    public var low: Int
    public var medium: Int

    public static let `default` = ContextThresholds(low: 50, medium: 80)

    public init(low: Int, medium: Int) { self.low = low; self.medium = medium }

    /// nil when valid; otherwise the message to show.
    public var problem: String? {
        if !(0...100).contains(low) { return "Context low threshold must be between 0 and 100, got \(low)." }
        if !(0...100).contains(medium) { return "Context medium threshold must be between 0 and 100, got \(medium)." }
        if low >= medium { return "Context low threshold (\(low)) must be less than medium threshold (\(medium))." }
        return nil
    }

    public func color(percent: Int) -> TerminalStyle.Color {
        percent < low ? .green : percent < medium ? .yellow : .red
    }
}

/// Renders the one status line:
/// `🤖 <model> | 💰 <session> session / <today> today / <block> | 🧠 <context>`, then
/// ` | ⏳ 5h 24% (resets 14:00) · 7d 41% (Tue 09:00)` when the hook carries Claude's rate limits.
public struct StatuslineFormat: Sendable, Equatable {
    public var costSource: StatuslineCostSource
    public var burnRateVisual: BurnRateVisual
    public var thresholds: ContextThresholds
    /// Show the rate-limit segment (`--no-rate-limits` / config `rateLimits: false` hide it).
    public var showRateLimits: Bool

    public init(costSource: StatuslineCostSource = .auto, burnRateVisual: BurnRateVisual = .off,
                thresholds: ContextThresholds = .default, showRateLimits: Bool = true) {
        self.costSource = costSource; self.burnRateVisual = burnRateVisual; self.thresholds = thresholds
        self.showRateLimits = showRateLimits
    }

    public func render(_ status: StatuslineStatus, style: TerminalStyle) -> String {
        var line = "🤖 \(status.model) | 💰 \(session(status)) session / \(Format.money(status.todayCost)) today / "
            + block(status.block, style: style) + " | 🧠 " + context(status.context, style: style)
        if showRateLimits, let limits = RateLimitDisplay.segment(status.rateLimits, style: style) {
            line += " | " + limits
        }
        return line
    }

    func session(_ status: StatuslineStatus) -> String {
        func money(_ value: Double?) -> String { value.map(Format.money) ?? "N/A" }
        switch costSource {
        case .cc: return money(status.hookSessionCost)
        case .ccusage: return money(status.computedSessionCost)
        case .auto: return money(status.hookSessionCost ?? status.computedSessionCost)
        case .both: return "(\(money(status.hookSessionCost)) cc / \(money(status.computedSessionCost)) ccusage)"
        }
    }

    /// `$x.xx block (2h 5m left)` plus ` | 🔥 $x.xx/hr …`, or `No active block`.
    func block(_ block: StatuslineStatus.Block?, style: TerminalStyle) -> String {
        guard let block else { return "No active block" }
        let hours = block.remainingMinutes / 60, minutes = block.remainingMinutes % 60
        let left = hours > 0 ? "\(hours)h \(minutes)m left" : "\(minutes)m left"
        var text = "\(Format.money(block.cost)) block (\(left))"
        if let burn = block.burn {
            let level = BurnLevel(tokensPerMinute: burn.tokensPerMinuteForIndicator)
            var parts = [style.paint(Format.money(burn.costPerHour) + "/hr", level.color)]
            if burnRateVisual == .emoji || burnRateVisual == .emojiText { parts.append(level.emoji) }
            if burnRateVisual == .text || burnRateVisual == .emojiText {
                parts.append(style.paint("(\(level.text))", level.color))
            }
            text += " | 🔥 " + parts.joined(separator: " ")
        }
        return text
    }

    /// `21,500 (11%)` with the percentage coloured by the thresholds, or `N/A`.
    func context(_ context: StatuslineStatus.Context?, style: TerminalStyle) -> String {
        guard let context else { return "N/A" }
        let percent = context.percent
        return "\(Format.integer(context.tokens)) (\(style.paint("\(percent)%", thresholds.color(percent: percent))))"
    }
}
