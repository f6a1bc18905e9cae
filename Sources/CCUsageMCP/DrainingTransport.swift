import Foundation
import Logging
import MCP

/// Wraps a transport and counts the client's requests still without a response.
///
/// The SDK's server answers each request in its own task and stops reading at end of input, so a client that
/// writes its requests and then closes stdin (`printf '…' | ccusage mcp`) would otherwise lose the answers
/// that were still being computed. `waitForResponses` lets the server finish them first.
actor DrainingTransport: Transport {
    private let base: any Transport
    nonisolated let logger: Logger
    private var unanswered = 0

    init(base: any Transport) {
        self.base = base
        logger = Logger(label: "ccusage.mcp", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    func connect() async throws { try await base.connect() }

    func disconnect() async { await base.disconnect() }

    func send(_ data: Data) async throws {
        // A response that could not be written (the client went away) is settled all the same.
        defer { unanswered = max(0, unanswered - Self.count(in: data, responses: true)) }
        try await base.send(data)
    }

    func receive() -> AsyncThrowingStream<Data, Swift.Error> {
        let (stream, continuation) = AsyncThrowingStream<Data, Swift.Error>.makeStream()
        let task = Task {
            do {
                for try await message in await base.receive() {
                    noteIncoming(message)
                    continuation.yield(message)
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    private func noteIncoming(_ message: Data) {
        unanswered += Self.count(in: message, responses: false)
    }

    /// Waits until every request received so far has been answered, or until `timeout`.
    func waitForResponses(timeout: Duration) async {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while unanswered > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// JSON-RPC requests (`method` and `id`) or responses (`id` without `method`) in a message or batch.
    static func count(in data: Data, responses: Bool) -> Int {
        guard let json = try? JSONSerialization.jsonObject(with: data) else { return 0 }
        let items = (json as? [Any]) ?? [json]
        return items.reduce(0) { total, item in
            guard let object = item as? [String: Any], object["id"] != nil else { return total }
            return total + ((object["method"] == nil) == responses ? 1 : 0)
        }
    }
}
