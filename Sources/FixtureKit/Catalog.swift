/// Fixed vocabularies: models, Claude Code versions, project names, tool commands.
enum Catalog {
    static let models: [String] = [
        "claude-sonnet-4-20250514",     // 0
        "claude-opus-4-1-20250805",     // 1
        "claude-sonnet-4-5-20250929",   // 2
        "claude-haiku-4-5-20251001",    // 3
        "claude-opus-4-6",              // 4
    ]
    static let sonnet4 = 0, opus41 = 1, sonnet45 = 2, haiku45 = 3, opus46 = 4
    static let synthetic = 5
    static let opus46Fast = 6
    /// Model labels of `ExpectedModelTotals`, indexed like `RequestRecord.label`.
    static let labels: [String] = models + ["<synthetic>", "claude-opus-4-6-fast"]

    static let modelBytes: [[UInt8]] = models.map { Array($0.utf8) }

    /// Input / output / cache-write / cache-read prices in 1e-8 USD per token (for `costUSD` on old lines).
    static let prices: [(Int, Int, Int, Int)] = [
        (300, 1500, 375, 30), (1500, 7500, 1875, 150), (300, 1500, 375, 30), (100, 500, 125, 10), (500, 2500, 625, 50),
    ]

    struct Version {
        var name: String
        /// 1.0.2x lines carry a top-level `costUSD` and `durationMs`.
        var costUSD: Bool
        var gitBranch: Bool
        /// `usage.cache_creation` with the 5-minute / 1-hour split.
        var cacheObject: Bool
        /// Task sub-agents in `<session>/subagents/`, progress lines, file-history snapshots, thinking blocks.
        var modern: Bool
        /// `usage.speed` on claude-opus-4-6 requests.
        var speed: Bool
        var models: [Int]
        var modelWeights: [Double]
    }

    static let versions: [Version] = [
        Version(name: "1.0.24", costUSD: true, gitBranch: false, cacheObject: false, modern: false, speed: false,
                models: [sonnet4, opus41], modelWeights: [3, 1]),
        Version(name: "1.0.27", costUSD: true, gitBranch: false, cacheObject: false, modern: false, speed: false,
                models: [sonnet4, opus41], modelWeights: [3, 1]),
        Version(name: "1.0.88", costUSD: false, gitBranch: true, cacheObject: true, modern: false, speed: false,
                models: [sonnet4, opus41], modelWeights: [2, 1]),
        Version(name: "1.0.113", costUSD: false, gitBranch: true, cacheObject: true, modern: false, speed: false,
                models: [sonnet4, opus41, sonnet45], modelWeights: [1, 1, 1]),
        Version(name: "2.0.14", costUSD: false, gitBranch: true, cacheObject: true, modern: true, speed: false,
                models: [sonnet45, opus41, haiku45], modelWeights: [4, 1, 1]),
        Version(name: "2.0.76", costUSD: false, gitBranch: true, cacheObject: true, modern: true, speed: false,
                models: [sonnet45, opus41, haiku45], modelWeights: [4, 1, 1]),
        Version(name: "2.1.9", costUSD: false, gitBranch: true, cacheObject: true, modern: true, speed: true,
                models: [opus46, sonnet45, haiku45], modelWeights: [3, 2, 1]),
        Version(name: "2.1.34", costUSD: false, gitBranch: true, cacheObject: true, modern: true, speed: true,
                models: [opus46, sonnet45], modelWeights: [3, 1]),
    ]
    static let versionWeights: [Double] = [6, 6, 20, 13, 15, 15, 12, 13]

    static let projectNames: [String] = [
        "app", "api", "web", "dashboard", "billing-service", "ccusage", "mobile-ios", "infra", "docs", "ml-pipeline",
        "cli", "blog", "acme-web", "acme-api", "data-export", "auth", "payments", "design-system", "notes",
        "game", "scraper", "chatbot", "analytics", "my.site", "dotfiles", "café-app", "monorepo", "backend",
        "frontend", "shop", "crm", "wiki", "invoice-tool", "search", "worker", "ios-widget",
    ]

    static let branches: [String] = [
        "main", "main", "main", "develop", "feature/login", "feature/export-csv", "fix/timezone-bug",
        "refactor/parser", "release/1.4", "dependabot/npm_and_yarn/vite-5.4.2", "",
    ]

    /// Hours from UTC of a project's (imaginary) owner.
    static let zoneOffsets: [Int] = [-8, -7, -5, -4, -3, 0, 1, 2, 3, 5, 8, 9, 10, 12]
    /// Relative weight of each local hour for session starts.
    static let hourWeights: [Double] = [
        2, 1, 1, 0.5, 0.3, 0.3, 0.6, 1.5, 4, 7, 8, 8, 6, 7, 8, 8, 7, 6, 4, 4, 4, 4, 3, 3,
    ]

    static let bashCommands: [String] = [
        "swift test --filter {Type}Tests", "npm run test -- --run", "git status", "git diff --stat",
        "rg -n \"{id}\" src", "ls -la", "python -m pytest -q tests/test_{id}.py", "cargo build 2>&1 | tail -50",
        "grep -rn \"TODO\" Sources | head -20", "npm run build", "swift build 2>&1 | grep -E \"error|warning\"",
        "git log --oneline -20", "cat package.json | jq '.scripts'", "find . -name \"*.{id}\" -not -path \"./node_modules/*\"",
        "docker compose up -d && docker compose ps", "make lint", "go test ./... -run Test{Type}",
    ]
    static let bashDescriptions: [String] = [
        "Run the test suite", "Show working tree status", "Build the project", "Search for usages",
        "List files", "Check recent commits", "Run linter", "Start services",
    ]
    static let todoItems: [String] = [
        "Read the {word} module", "Fix the failing {id} test", "Add a regression test for {Type}",
        "Update the README", "Run the full test suite", "Handle 日本語 names in {id}", "Refactor {Type}.{id}",
    ]
    static let summaries: [String] = [
        "Fix failing parser tests", "Add JSON export to daily report", "Refactor auth middleware",
        "Debug timezone bug in dashboard", "Résumé PDF export: fix accents", "日本語のプロジェクト名をサポート",
        "Speed up CSV import 🚀", "Migrate settings to YAML", "Investigate flaky CI job", "Set up Docker compose",
    ]
    static let taskDescriptions: [String] = [
        "Investigate {word} failures", "Search for {id} usages", "Review {file}", "Find the {Type} definition",
        "Summarize test failures",
    ]
    static let subagentTypes: [String] = ["general-purpose", "general-purpose", "Explore", "code-reviewer"]
}
