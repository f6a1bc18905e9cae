/// What a load tells the user on the side: problems and skipped lines always, the full diagnostics with
/// `--debug`, and one warning per model without a price.
public enum LoadNotices {
    /// Sends the notices of `usage` to `say`, one message per call (the CLI writes each as a stderr line).
    /// Returns the skipped-lines notice it sent ("" when none): the report cache repeats it on a hit.
    @discardableResult
    public static func say(_ usage: LoadedUsage, _ request: ReportRequest, prices: PriceTable,
                    to say: (String) -> Void) -> String {
        let s = usage.stats
        let debug = request.diagnostics.debug, quiet = request.diagnostics.quiet
        if debug {
            say(debugLines(usage, request).joined(separator: "\n"))
            say(PricingMismatchReport(usage, prices: prices, sampleLimit: request.diagnostics.samples).render())
        } else if !quiet {
            for problem in usage.problems { say("warning: " + problem.description) }
        }
        if s.malformedLines + s.invalidLines > 0, !debug, !quiet {
            let notice = "warning: skipped \(s.malformedLines) malformed and \(s.invalidLines) invalid usage line(s); run with --debug for details"
            say(notice)
            return notice
        }
        return ""
    }

    /// The `--debug` lists; `--debug-samples N` bounds every one: problems, files with skipped lines, their
    /// offsets, models.
    static func debugLines(_ usage: LoadedUsage, _ request: ReportRequest) -> [String] {
        let s = usage.stats
        var lines = ["[debug] data directories: " + usage.baseDirectories.joined(separator: ", ")]
        lines.append("[debug] files: \(s.files), bytes: \(s.bytes), lines: \(s.lines)")
        lines.append("[debug] usage entries: \(s.usageLines), duplicates removed: \(usage.duplicatesRemoved) (\(usage.requestlessDuplicates) of them copies without requestId), kept: \(usage.records.count)")
        lines.append("[debug] load: every file read (--debug uses no cache)")
        lines.append("[debug] malformed lines: \(s.malformedLines), invalid usage lines: \(s.invalidLines)")
        lines.append("[debug] cost mode: \(request.mode.rawValue), time zone: \(request.zone.identifier)")
        let n = request.diagnostics.samples
        func more(_ count: Int, _ what: String) {
            if count > n { lines.append("[debug] … and \(count - n) more \(what) (--debug-samples \(n))") }
        }
        for problem in usage.problems.prefix(n) { lines.append("[debug] " + problem.description) }
        more(usage.problems.count, "problems")
        for file in usage.skipped.prefix(n) {
            let offsets = file.offsets.prefix(n)
            let at = offsets.isEmpty ? "" : " (at byte " + offsets.map(String.init).joined(separator: ", ")
                + (file.malformed + file.invalid > offsets.count ? ", …" : "") + ")"
            lines.append("[debug] skipped lines in \(file.path): \(file.malformed) malformed, \(file.invalid) invalid\(at)")
        }
        more(usage.skipped.count, "files with skipped lines")
        lines.append("[debug] prices: embedded " + PriceTable.snapshotDescription
                     + (request.pricing.offline ? "" : "; LiteLLM refresh allowed")
                     + (request.pricing.overrides.isEmpty ? "" : "; config overrides"))
        if !usage.unpricedModels.isEmpty {
            var tokens: [String: Int] = [:]
            let unpriced = Set(usage.unpricedModels)
            for record in usage.records {
                guard let model = record.record.model, unpriced.contains(model) else { continue }
                tokens[model, default: 0] += record.tokens.total
            }
            let models = usage.unpricedModels
            var text = models.prefix(n).map { "\($0) (\(Format.integer(tokens[$0] ?? 0)) tokens)" }.joined(separator: ", ")
            if models.count > n { text += (n == 0 ? "" : ", ") + "… and \(models.count - n) more (--debug-samples \(n))" }
            lines.append("[debug] models without pricing (cost 0): " + text)
        }
        return lines
    }

    /// One line per model without a price (cost 0 in the report); "" when every model is priced.
    public static func pricingWarnings(_ usage: LoadedUsage, _ request: ReportRequest) -> String {
        guard request.mode != .display, !request.diagnostics.quiet else { return "" }
        return usage.unpricedModels.map {
            "WARN  Missing embedded pricing for \($0); cost excludes this model. Update ccusage after pricing is added."
        }.joined(separator: "\n")
    }
}
