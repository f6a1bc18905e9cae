import CCUsageKit
import CCUsageTeam
import Foundation

Trace.mark("ccusage-team main")   // CCUSAGE_TRACE=1: where a team report's time goes (stderr)

// `ccusage sync …` and `ccusage <report> --team …` exec this binary (see CCUsageCLI's TeamHandoff).
let code = await TeamMain.run(Array(CommandLine.arguments.dropFirst()))
Trace.mark("exit")
exit(code)
