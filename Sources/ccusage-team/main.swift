import CCUsageTeam
import Foundation

// `ccusage sync …` and `ccusage <report> --team …` exec this binary (see CCUsageCLI's TeamHandoff).
let code = await TeamMain.run(Array(CommandLine.arguments.dropFirst()))
exit(code)
