import Foundation

/// LiteLLM's public price list (`model_prices_and_context_window.json`), reduced to Claude models.
public enum LiteLLMPricing {
    public static let url = "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json"
    /// Larger answers are refused.
    public static let maxBytes = 64 << 20

    /// The Claude entries of a LiteLLM price list, or nil when the document is not a plausible list
    /// (not an object, too few priced Claude models, or a rate that is not a non-negative number).
    public static func parse(_ data: Data, overrides: [String: Double]) -> [String: ModelPrice]? {
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
        let fastOverrides = FastOverrides(overrides)
        for (key, value) in root where key.lowercased().contains("claude") {
            guard let entry = value as? [String: Any] else { continue }
            guard let inputR = rate(entry, "input_cost_per_token"), let outputR = rate(entry, "output_cost_per_token"),
                  let cw = rate(entry, "cache_creation_input_token_cost"), let cr = rate(entry, "cache_read_input_token_cost"),
                  let ia = rate(entry, "input_cost_per_token_above_200k_tokens"),
                  let oa = rate(entry, "output_cost_per_token_above_200k_tokens"),
                  let cwa = rate(entry, "cache_creation_input_token_cost_above_200k_tokens"),
                  let cra = rate(entry, "cache_read_input_token_cost_above_200k_tokens") else { return nil }
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
    /// The fast-mode override table of the embedded snapshot.
    public static let fastOverrides: [String: Double] = PricingSnapshot.fastOverrides

    /// Fetched prices win over the embedded built-in table for the same keys and join its fuzzy matching.
    public func overlaying(_ fetched: [String: ModelPrice]) -> PriceTable {
        var copy = tables
        if copy.isEmpty { return PriceTable(tables: [fetched]) }
        copy[0].merge(fetched) { $1 }
        return PriceTable(tables: copy)
    }
}
