import Foundation

/// LiteLLM's public price list (`model_prices_and_context_window.json`), reduced to the reference's prefixes.
public enum LiteLLMPricing {
    /// The keys the reference keeps from the list (08-unified §10.1; `Scripts/update-pricing` uses the same).
    public static let prefixes = ["claude-", "anthropic.", "anthropic/", "us.anthropic.", "eu.anthropic.",
                                  "global.anthropic.", "jp.anthropic.", "au.anthropic.", "gpt-", "openai/", "azure/",
                                  "zai/", "openrouter/openai/"]
    public static let url = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
    /// Larger answers are refused.
    public static let maxBytes = 64 << 20

    /// The entries of a LiteLLM price list under `prefixes` with an input and an output rate, or nil when the
    /// document is not a plausible list (not an object, or fewer than five such entries). An entry with a rate
    /// that is not a non-negative number is skipped.
    public static func parse(_ data: Data, overrides: [String: Double],
                             exact: [String: Double] = PriceTable.fastExactOverrides) -> [String: ModelPrice]? {
        guard data.count <= maxBytes,
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        var out: [String: ModelPrice] = [:]
        func rate(_ entry: [String: Any], _ key: String) -> Double?? {
            guard let value = entry[key] else { return .some(nil) }
            if value is NSNull { return .some(nil) }
            guard !isJSONBool(value), let n = value as? NSNumber, n.doubleValue.isFinite, n.doubleValue >= 0 else {
                return nil   // present but not a rate: the document is suspect
            }
            return .some(n.doubleValue)
        }
        let fastOverrides = FastOverrides(exact: exact, prefix: overrides)
        for (key, value) in root where prefixes.contains(where: { key.hasPrefix($0) }) {
            guard let entry = value as? [String: Any] else { continue }
            guard let inputR = rate(entry, "input_cost_per_token"), let outputR = rate(entry, "output_cost_per_token"),
                  let cw = rate(entry, "cache_creation_input_token_cost"), let cr = rate(entry, "cache_read_input_token_cost"),
                  let ia = rate(entry, "input_cost_per_token_above_200k_tokens"),
                  let oa = rate(entry, "output_cost_per_token_above_200k_tokens"),
                  let cwa = rate(entry, "cache_creation_input_token_cost_above_200k_tokens"),
                  let cra = rate(entry, "cache_read_input_token_cost_above_200k_tokens") else { continue }
            guard let input = inputR, let output = outputR else { continue }
            var fast = fastOverrides.multiplier(forKey: key)
            if let provider = entry["provider_specific_entry"] as? [String: Any], let f = provider["fast"] as? NSNumber,
               !isJSONBool(f), f.doubleValue > 0 {
                fast = f.doubleValue
            }
            let window = (entry["max_input_tokens"] as? NSNumber).map { $0.intValue }
            out[key] = ModelPrice(input: input, output: output, cacheWrite: cw, cacheRead: cr, inputAbove200k: ia,
                                  outputAbove200k: oa, cacheWriteAbove200k: cwa, cacheReadAbove200k: cra,
                                  fastMultiplier: fast, contextWindow: window)
        }
        return out.count >= 5 ? out : nil
    }
}

extension PriceTable {
    /// Fetched prices win over the embedded built-in table for the same keys and join its fuzzy matching.
    public func overlaying(_ fetched: [String: ModelPrice]) -> PriceTable {
        var copy = self
        if copy.tables.isEmpty { copy.tables = [fetched] } else { copy.tables[0].merge(fetched) { $1 } }
        return copy
    }
}
