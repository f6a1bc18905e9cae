#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values released on another thread (large buffers and mappings, so the caller does not wait for them).
final class Garbage: @unchecked Sendable {
    private var value: Any?
    init(_ value: Any) { self.value = value }
}

/// Results written by worker threads, each slot by exactly one worker.
final class ScanSlots<Value>: @unchecked Sendable {
    private var slots: [Value]
    private let lock = NSLockLite()

    init(count: Int, empty: Value) { slots = Array(repeating: empty, count: count) }

    func store(_ value: Value, at index: Int) {
        lock.withLock { slots[index] = value }
    }

    func take() -> [Value] { lock.withLock { slots } }
}

/// A pthread mutex (keeps Foundation out of the scanning path).
final class NSLockLite: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
