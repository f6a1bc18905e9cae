import CCUsageWeb
import Foundation

// Started by `ccusage web` (which validates the options): `ccusage-web [--port N] [--host H] [--open]`.
var port = 8787, host = "127.0.0.1", open = false
var arguments = Array(CommandLine.arguments.dropFirst())
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("ccusage web: \(message)\n".utf8))
    exit(1)
}
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    switch flag {
    case "--port":
        guard let text = arguments.first, let value = Int(text), (0...65535).contains(value) else {
            fail("--port needs a number from 0 to 65535")
        }
        arguments.removeFirst(); port = value
    case "--host":
        guard let value = arguments.first, !value.isEmpty else { fail("--host needs an address") }
        arguments.removeFirst(); host = value
    case "--open": open = true
    default: fail("unexpected argument '\(flag)' (usage: ccusage web [--port 8787] [--host 127.0.0.1] [--open])")
    }
}
if !WebServer.isLoopback(host) {
    FileHandle.standardError.write(Data("warning: --host \(host) is not a loopback address: anyone who can reach this machine can read your usage.\n".utf8))
}
let (boundHost, openBrowser) = (host, open)
do {
    try await WebServer.run(host: boundHost, port: port, onRunning: { bound in
        let shown = boundHost.contains(":") ? "[\(boundHost)]" : boundHost
        let url = "http://\(shown):\(bound)/"
        FileHandle.standardOutput.write(Data("ccusage dashboard: \(url)\n".utf8))
        if openBrowser { WebServer.openBrowser(url) }
    }, onWarm: { took in
        let ms = took.components.seconds * 1000 + took.components.attoseconds / 1_000_000_000_000_000
        FileHandle.standardOutput.write(Data("reports cached (\(ms) ms); press Ctrl-C to stop\n".utf8))
    })
} catch {
    fail("\(error)")
}
