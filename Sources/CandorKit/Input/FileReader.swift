import Foundation

/// Reads a whole file through a file descriptor, never past a limit, and only from a regular file:
/// a device (`/dev/zero`), a pipe or a FIFO named as a path, or a link to one, would otherwise be read
/// without end or block the run (standard input is read as `-`, see `InputReader`). (LeakSanitizer
/// traced leaked buffers to Foundation's `FileManager.contents(atPath:)` when reading empty files; a
/// descriptor read has no such path.)
public enum FileReader {
    /// Why a file could not be read, in the system's words ("Permission denied").
    public struct Failure: Error, Sendable {
        public let reason: String
        /// Set when the file was not read because it is larger than the caller's limit.
        public var isTooLarge = false
    }

    /// Limits for the files Candor reads besides articles: generous for what each holds, small
    /// enough that a hostile repository cannot exhaust a CI runner's memory through them.
    public static let configurationLimit = 1 << 20
    public static let rulesetLimit = 16 << 20
    public static let baselineLimit = 256 << 20

    public static func contents(of path: String, atMost limit: Int = .max) -> Swift.Result<Data, Failure> {
        bytes(of: path, atMost: limit).map { Data($0) }
    }

    /// The file's bytes, read straight into the array that holds them: an article of tens of
    /// megabytes is then in memory once, not once as `Data` and again as bytes. A file larger than
    /// `limit` is not read at all, or reading stops one piece past it. The file is opened without
    /// blocking (a FIFO with no writer would wait for ever) and refused unless it is a regular file.
    public static func bytes(of path: String, atMost limit: Int = .max) -> Swift.Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        if let refusal = refusal(of: info.st_mode) { return .failure(refusal) }
        let size = Int(info.st_size)
        if size > limit { return .failure(tooLarge(limit)) }
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
                return .failure(Failure(reason: String(cString: strerror(errno))))
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: piece[..<count]))
            // A file that grows while it is read is still held to the limit.
            if bytes.count > limit { return .failure(tooLarge(limit)) }
        }
    }

    /// The system's words for a failed read or write ("Bad file descriptor"), which Foundation wraps
    /// in an error of its own.
    public static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }

    /// The failure of a file over `limit`, which names the limit.
    private static func tooLarge(_ limit: Int) -> Failure {
        Failure(reason: "larger than the \(limitText(limit)) limit", isTooLarge: true)
    }

    /// A size limit as messages give it: "64 MiB", or "1000 byte" when it is no whole number of MiB.
    static func limitText(_ limit: Int) -> String {
        limit >= 1 << 20 && limit % (1 << 20) == 0 ? "\(limit >> 20) MiB" : "\(limit) byte"
    }

    /// Whether `path` names a regular file, or why it is refused, without reading it.
    public static func regularFile(_ path: String) -> Swift.Result<Void, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(Failure(reason: String(cString: strerror(errno)))) }
        return refusal(of: info.st_mode).map { .failure($0) } ?? .success(())
    }

    /// Why a file of this mode is not read, or nil for a regular file. A directory opens but cannot
    /// be read: it says so in the system's words.
    private static func refusal(of mode: mode_t) -> Failure? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: Failure(reason: String(cString: strerror(EISDIR)))
        default: Failure(reason: "not a regular file (\(kind(of: mode))); pipe it in as -")
        }
    }

    /// What a file that is not a regular file is, for the message that refuses it.
    private static func kind(of mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a pipe or FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    public static func read(_ path: String, atMost limit: Int = .max) -> Data? {
        try? contents(of: path, atMost: limit).get()
    }

    public static func text(_ path: String) -> String? {
        read(path).map { String(decoding: $0, as: UTF8.self) }
    }
}
