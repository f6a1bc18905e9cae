import CCUsageCLI
import CCUsageKit
import Foundation

Trace.mark("main")
let code = await CCUsageCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
Trace.mark("exit")
exit(code)
