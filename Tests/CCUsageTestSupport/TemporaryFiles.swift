import Foundation

/// A new empty directory `<temp dir>/<prefix>-<UUID>`. The caller removes it, whether the test passes,
/// fails or throws: `defer { removeTemporary(dir) }` right after creating it (or a class suite's `deinit`).
public func makeTemporaryDirectory(_ prefix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Removes a test's temporary file or directory tree; errors are ignored (the test checks what it needs).
public func removeTemporary(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

/// Writes a temporary data tree `<temp dir>/<prefix>-<UUID>/projects/…`: `files` maps paths below `projects/`
/// to their bytes. Remove it with `defer { removeTemporary(root) }`; on a failure it is removed here.
public func makeDataTree(_ files: [String: [UInt8]], prefix: String) throws -> String {
    let root = try makeTemporaryDirectory(prefix)
    do {
        try FileManager.default.createDirectory(atPath: root + "/projects", withIntermediateDirectories: true)
        for (path, bytes) in files {
            let full = root + "/projects/" + path
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        }
    } catch {
        removeTemporary(root)
        throw error
    }
    return root
}
