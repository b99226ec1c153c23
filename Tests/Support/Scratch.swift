import Foundation

/// Folders the tests write into, all inside one folder for the test run that is removed when the run
/// ends, so that test runs leave nothing behind in the temporary directory.
public enum Scratch {
    private static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("candor-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return root
    }()

    /// A new empty folder, its name starting with `name`.
    public static func folder(_ name: String) throws -> URL {
        let folder = root.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
