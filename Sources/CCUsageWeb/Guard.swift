import Foundation
import HTTPTypes
import Hummingbird

/// What every request passes first, before routing (so an unknown path or method is refused the same way):
/// only GET and HEAD; only a `Host` naming the bound address or `localhost` (a page of another site that
/// rebinds its name to 127.0.0.1 is refused); and strict headers on every answer (a Content-Security-Policy
/// that allows only this server's own files, no inline script).
struct Guarded<Inner: HTTPResponder>: HTTPResponder {
    typealias Context = Inner.Context
    let inner: Inner
    let allowedHosts: Set<String>

    init(_ inner: Inner, boundHost: String) {
        self.inner = inner
        allowedHosts = HostPolicy.allowedHosts(boundHost: boundHost)
    }

    func respond(to request: Request, context: Context) async throws -> Response {
        var response: Response
        let host = request.head.authority   // HTTP/1.1's Host header
        if request.method != .get && request.method != .head {
            response = Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"],
                                body: .init(byteBuffer: ByteBuffer(string: "Only GET and HEAD.\n")))
        } else if let host, allowedHosts.contains(HostPolicy.hostName(host)) {
            var head = request.head
            head.method = .get
            do {
                let answer = try await inner.respond(to: Request(head: head, body: request.body), context: context)
                response = request.method == .head ? Response(status: answer.status, headers: answer.headers, body: .init())
                                                   : answer
            } catch let error as HTTPError {
                response = Response(status: error.status, body: .init(byteBuffer: ByteBuffer(string: "\(error.status.reasonPhrase)\n")))
            }
        } else {
            response = Response(status: .forbidden,
                                body: .init(byteBuffer: ByteBuffer(string: "Refused: the Host header must name this server (localhost or its bound address).\n")))
        }
        for (name, value) in HostPolicy.securityHeaders { response.headers[name] = value }
        return response
    }
}

/// The hosts and headers `Guard` enforces.
enum HostPolicy {
    static let securityHeaders: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (.cacheControl, "no-store"),
    ]

    /// The bound host, `localhost`, and the loopback addresses when the bound host is one.
    static func allowedHosts(boundHost: String) -> Set<String> {
        var hosts: Set = [boundHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]")), "localhost"]
        if isLoopback(boundHost) { hosts.formUnion(["127.0.0.1", "::1", "localhost"]) }
        return hosts
    }

    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }

    /// The host name of a `Host` header value (`name`, `name:port`, `[v6]:port`), lowercased.
    static func hostName(_ value: String) -> String {
        let v = value.lowercased()
        if v.hasPrefix("["), let close = v.firstIndex(of: "]") { return String(v[v.index(after: v.startIndex)..<close]) }
        if let colon = v.lastIndex(of: ":"), v.filter({ $0 == ":" }).count == 1 { return String(v[..<colon]) }
        return v
    }

}
