import Foundation

/// Reads a whole file through a file descriptor. (LeakSanitizer traced leaked buffers to Foundation's
/// `FileManager.contents(atPath:)` when reading empty files; a descriptor read has no such path.)
public enum FileReader {
    /// Why a file could not be read, in the system's words ("Permission denied").
    public struct Failure: Error, Sendable {
        public let reason: String
        /// Set when the file was not read because it is larger than the caller's limit.
        public var isTooLarge = false
    }

    public static func contents(of path: String) -> Swift.Result<Data, Failure> {
        bytes(of: path).map { Data($0) }
    }

    /// The file's bytes, read straight into the array that holds them: an article of tens of
    /// megabytes is then in memory once, not once as `Data` and again as bytes. A regular file larger
    /// than `limit` is not read at all; the one `stat` that tells also sizes the array. It asks the
    /// open descriptor rather than the path, which the kernel would otherwise look up twice.
    public static func bytes(of path: String, atMost limit: Int = .max) -> Swift.Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        let size = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        if size > limit { return .failure(Failure(reason: "larger than the limit", isTooLarge: true)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        let pieceSize = 1 << 16
        let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceSize, alignment: 1)
        defer { piece.deallocate() }
        while true {
            let count = Foundation.read(descriptor, piece.baseAddress, pieceSize)
            if count == 0 { return .success(bytes) }
            if count < 0 {
                if errno == EINTR { continue }
                // A directory opens but cannot be read: EISDIR comes back here.
                return .failure(Failure(reason: String(cString: strerror(errno))))
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: piece[..<count]))
        }
    }

    public static func read(_ path: String) -> Data? {
        try? contents(of: path).get()
    }

    public static func text(_ path: String) -> String? {
        read(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
