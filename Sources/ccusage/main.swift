import CCUsageCLI
import Foundation

let code = await CCUsageCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(code)
