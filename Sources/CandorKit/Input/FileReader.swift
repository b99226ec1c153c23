import Foundation

/// Reads a whole file through a file handle. (LeakSanitizer traced leaked buffers to Foundation's
/// `FileManager.contents(atPath:)` when reading empty files; a handle read has no such path.)
public enum FileReader {
    public static func read(_ path: String) -> Data? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.readToEnd()) ?? Data()
    }

    public static func text(_ path: String) -> String? {
        read(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
