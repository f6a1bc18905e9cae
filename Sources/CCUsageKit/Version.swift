/// The version every binary reports.
public let ccusageVersion = "0.1.0"
