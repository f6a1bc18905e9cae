/// GitHub Copilot CLI (09-agents-jsonl §4): OpenTelemetry JSONL exports under `~/.copilot/otel`, plus the file
/// `COPILOT_OTEL_FILE_EXPORTER_PATH` names.
public struct CopilotSource: AgentSource {
    public init() {}
    public var id: String { "copilot" }
    public var displayName: String { "GitHub Copilot CLI" }
    public var reports: [String] { ["daily", "monthly", "session"] }
    public static let label = "GitHub Copilot CLI"
    public var style: AgentReportStyle {
        AgentReportStyle(title: "GitHub Copilot CLI Token Usage Report", emptyMessage: """
            No GitHub Copilot CLI usage data found.
            Enable Copilot OpenTelemetry file export before starting or resuming Copilot sessions.
            See https://ccusage.com/guide/copilot/#data-source
            """)
    }

    public func roots(_ request: AgentLoadRequest) -> [String] {
        var out: [String] = []
        if !request.env.home.isEmpty, AgentPaths.isDirectory(request.env.home + "/.copilot/otel") {
            out.append(request.env.home + "/.copilot/otel")
        }
        if let file = request.env.variables["COPILOT_OTEL_FILE_EXPORTER_PATH"], !file.isEmpty,
           AgentPaths.isRegularFile(file) { out.append(file) }
        return out
    }

    public func load(_ request: AgentLoadRequest) -> AgentLoad {
        var unreadable: [String] = []
        var set = Set<String>()
        if !request.env.home.isEmpty, AgentPaths.isDirectory(request.env.home + "/.copilot/otel") {
            set.formUnion(AgentPaths.walk(request.env.home + "/.copilot/otel", unreadable: &unreadable) { $0.hasSuffix(".jsonl") })
        }
        if let file = request.env.variables["COPILOT_OTEL_FILE_EXPORTER_PATH"], !file.isEmpty,
           AgentPaths.isRegularFile(file) { set.insert(file) }
        let files = set.sorted()
        let results = AgentFileResult.map(files, singleThread: request.singleThread) { path in
            CopilotParser.parse(path: path, request: request)
        }
        return AgentLoad(files: files, results: results, found: !files.isEmpty,
                         extraIssues: unreadable.map { AgentIssue(.unreadable, path: $0, detail: "cannot list directory") })
    }
}
