import Foundation

/// A new empty directory `<temp dir>/<prefix>-<UUID>`. The caller removes it, whether the test passes,
/// fails or throws: `defer { removeTemporary(dir) }` right after creating it (or a class suite's `deinit`).
func makeTemporaryDirectory(_ prefix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Removes a test's temporary file or directory tree; errors are ignored (the test checks what it needs).
func removeTemporary(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}
