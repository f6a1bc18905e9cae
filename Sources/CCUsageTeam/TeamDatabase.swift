import CCUsageKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import PostgresNIO

/// One connection to the team database, with every failure turned into one clear line (`TeamError`).
final class TeamDatabase: Sendable {
    let target: TeamTarget
    let connection: PostgresConnection
    static let logger = Logger(label: "ccusage-team", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(target: TeamTarget, connection: PostgresConnection) {
        self.target = target
        self.connection = connection
    }

    static func connect(_ target: TeamTarget) async throws -> TeamDatabase {
        let tls: PostgresConnection.Configuration.TLS
        do {
            tls = try Self.tls(target)
        } catch let error as TeamError {
            throw error
        } catch {
            throw TeamError("Cannot set up TLS for the team database \(target.label): \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: target.host, port: target.port, username: target.user, password: target.password,
            database: target.database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        do {
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            return TeamDatabase(target: target, connection: connection)
        } catch {
            throw describe(error, target: target, during: "connecting")
        }
    }

    private static func tls(_ target: TeamTarget) throws -> PostgresConnection.Configuration.TLS {
        var config = TLSConfiguration.makeClientConfiguration()
        switch target.sslMode {
        case "disable": return .disable
        case "allow", "prefer", "require": config.certificateVerification = .none
        case "verify-ca": config.certificateVerification = .noHostnameVerification
        default: config.certificateVerification = .fullVerification
        }
        if let root = target.rootCertificate { config.trustRoots = .file(root) }
        let context = try NIOSSLContext(configuration: config)
        return target.sslMode == "require" || target.sslMode.hasPrefix("verify") ? .require(context) : .prefer(context)
    }

    /// Closes a live connection; one the server dropped is already closed (closing it again can wait forever).
    func close() async {
        guard !connection.isClosed else { return }
        try? await connection.close()
    }

    /// Runs a statement and returns its rows decoded by `decode`. A connection the server drops fails the
    /// statement at once: a query in flight on a dropped connection is not always failed by the driver, so the
    /// channel's close is raced against it.
    func rows<T: Sendable>(_ query: PostgresQuery, during: String,
                           _ decode: @escaping @Sendable (PostgresRow) throws -> T) async throws -> [T] {
        let connection = self.connection, target = self.target
        let once = Once<[T]>()
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            Task {
                do {
                    var out: [T] = []
                    for try await row in try await connection.query(query, logger: Self.logger) {
                        out.append(try decode(row))
                    }
                    once.resume(.success(out))
                } catch {
                    once.resume(.failure(Self.describe(error, target: target, during: during)))
                }
            }
            connection.closeFuture.whenComplete { _ in
                once.resume(.failure(TeamError("The connection to the team database \(target.label) was lost while \(during).")))
            }
        }
    }

    func run(_ query: PostgresQuery, during: String) async throws {
        _ = try await rows(query, during: during) { _ in () }
    }

    /// The one line a failure becomes. Server messages never contain the client's password; the URL is never
    /// part of a message (only `user@host:port/database`).
    static func describe(_ error: Error, target: TeamTarget, during: String) -> TeamError {
        if let error = error as? TeamError { return error }
        let where_ = "the team database \(target.label)"
        var text: String
        if let psql = error as? PSQLError {
            let state = psql.serverInfo?[.sqlState] ?? ""
            let message = psql.serverInfo?[.message] ?? ""
            switch (psql.code, state) {
            case (_, "28P01"):
                text = "\(where_) rejected the password for user '\(target.user)'."
            case (_, "28000"):
                text = "\(where_) refused the login of user '\(target.user)': \(message)."
            case (_, "3D000"):
                text = "\(where_) does not exist: \(message)."
            case (_, "42501"):
                text = "user '\(target.user)' lacks a privilege on \(where_) (\(message)); see README, Teams, for the roles."
            case (_, let s) where s.hasPrefix("57P") || s.hasPrefix("08"):
                text = "the connection to \(where_) was closed by the server while \(during) (\(message))."
            case (.server, _):
                text = "\(where_) answered an error while \(during): \(message) (SQLSTATE \(state))."
            case (.authMechanismRequiresPassword, _):
                text = "\(where_) wants a password for user '\(target.user)': give it in the URL, PGPASSWORD or ~/.pgpass."
            case (.sslUnsupported, _):
                text = "\(where_) does not support TLS, but sslmode=\(target.sslMode) requires it."
            case (.serverClosedConnection, _), (.clientClosedConnection, _), (.uncleanShutdown, _):
                text = "the connection to \(where_) was lost while \(during)."
            case (.connectionError, _):
                text = "cannot reach \(where_): " + reason(psql.underlying) + "."
            default:
                text = "\(where_) failed while \(during): \(psql.code)" + (psql.underlying.map { " (" + reason($0) + ")" } ?? "") + "."
            }
        } else {
            text = "cannot reach \(where_): " + reason(error) + "."
        }
        if let password = target.password, !password.isEmpty {
            text = text.replacingOccurrences(of: password, with: "***")
        }
        return TeamError(text.prefix(1).uppercased() + text.dropFirst())
    }

    private static func reason(_ error: Error?) -> String {
        guard let error else { return "connection failed" }
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        if let connect = error as? NIOConnectionError {
            if let dns = connect.dnsAAAAError ?? connect.dnsAError { return "cannot resolve the host (\(dns))" }
            if let first = connect.connectionErrors.first { return reason(first.error) }
        }
        if error is ChannelError { return "connection timed out or was closed" }
        return String(describing: error).split(separator: "\n").first.map(String.init) ?? "connection failed"
    }
}

/// Runs async work from synchronous code (the CLI's report path is synchronous) while this thread waits. The
/// work runs on an executor of its own (a serial queue, whose thread does not come from the cooperative pool),
/// so waiting here cannot starve it, however few cores the pool has.
func blocking<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached(executorPreference: QueueExecutor.shared) {
        do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result = box.result else { throw TeamError("internal error: the team query did not finish") }
    return try result.get()
}

/// A continuation resumed by the first of several outcomes; later ones are ignored.
private final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var early: Result<T, any Error>?
    private var done = false

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        lock.lock()
        if let early {
            lock.unlock()
            continuation.resume(with: early)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func resume(_ result: Result<T, any Error>) {
        lock.lock()
        guard !done else { lock.unlock(); return }
        done = true
        guard let continuation else { early = result; lock.unlock(); return }
        self.continuation = nil
        lock.unlock()
        continuation.resume(with: result)
    }
}

/// The result `blocking` waits for: written by the task before it signals, read after the wait.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// A task executor on one serial dispatch queue.
final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = QueueExecutor()
    private let queue = DispatchQueue(label: "ccusage-team.queries")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
