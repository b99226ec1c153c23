import Foundation

/// Reads a whole file through a file descriptor. (LeakSanitizer traced leaked buffers to Foundation's
/// `FileManager.contents(atPath:)` when reading empty files; a descriptor read has no such path.)
public enum FileReader {
    /// Why a file could not be read, in the system's words ("Permission denied").
    public struct Failure: Error, Sendable {
        public let reason: String
    }

    public static func contents(of path: String) -> Swift.Result<Data, Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            return .success(try handle.readToEnd() ?? Data())
        } catch {
            // A directory opens but cannot be read: EISDIR comes back as the read's error.
            let code = (error as NSError).userInfo[NSUnderlyingErrorKey].flatMap { ($0 as? NSError)?.code }
            return .failure(Failure(reason: code.map { String(cString: strerror(Int32($0))) } ?? "read failed"))
        }
    }

    public static func read(_ path: String) -> Data? {
        try? contents(of: path).get()
    }

    public static func text(_ path: String) -> String? {
        read(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
