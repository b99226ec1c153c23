import Foundation

/// Writes reports so that a failure never leaves a half-written file or destroys the previous one:
/// a regular file is written to a temporary file beside it and renamed over it. A device or pipe
/// (`/dev/stdout`, `/dev/full`) is written in place, and a failed write is reported, never ignored.
enum ReportWriter {
    static func write(_ text: String, to path: String) -> Bool {
        do {
            if isSpecialFile(path) {
                guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
                defer { try? handle.close() }
                try withBytes(of: text) { try handle.write(contentsOf: $0) }
                try handle.synchronize()
            } else {
                try withBytes(of: text) { try $0.write(to: URL(fileURLWithPath: path), options: .atomic) }
            }
            return true
        } catch {
            Console.error("\(path): cannot write report: \(reason(error))")
            return false
        }
    }

    static func standardOutput(_ text: String) -> Bool {
        do {
            try withBytes(of: text) { try FileHandle.standardOutput.write(contentsOf: $0) }
            return true
        } catch {
            Console.error("standard output: cannot write report: \(reason(error))")
            return false
        }
    }

    /// The text's UTF-8 as `Data` without copying it (a report of a large file is tens of megabytes).
    private static func withBytes(of text: String, _ body: (Data) throws -> Void) throws {
        var text = text
        try text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return try body(Data()) }
            try body(
                Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
        }
    }

    /// Whether the path exists and is not a regular file or folder (a device, a pipe, a socket).
    private static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let kind = info.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }

    private static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        return nsError.localizedDescription
    }
}
