import CandorKit
import Foundation

/// Writes reports so that a failure never leaves a half-written file or destroys the previous one:
/// a regular file is written to a temporary file beside it and renamed over it. A device or pipe
/// (`/dev/stdout`, `/dev/full`) is written in place, and a failed write is reported, never ignored.
/// Reports arrive in pieces (`Reporter.write(_:to:)`), so a large one is never held whole.
enum ReportWriter {
    /// Hands each piece of a report to a destination.
    typealias Producer = ((UnsafeRawBufferPointer) throws -> Void) throws -> Void

    static func write(_ text: String, to path: String) -> Bool {
        write(to: path) { sink in
            var text = text
            try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
        }
    }

    static func write(to path: String, _ produce: Producer) -> Bool {
        do {
            if isSpecialFile(path) {
                let descriptor = open(path, O_WRONLY)
                guard descriptor >= 0 else { throw posixError() }
                defer { close(descriptor) }
                try produce { try writeAll($0, to: descriptor) }
            } else {
                try writeAtomically(to: path, produce)
            }
            return true
        } catch {
            Console.error("\(path): cannot write report: \(FileReader.reason(error))")
            return false
        }
    }

    static func standardOutput(_ produce: Producer) -> Bool {
        do {
            try produce { try writeAll($0, to: STDOUT_FILENO) }
            return true
        } catch {
            Console.error("standard output: cannot write report: \(FileReader.reason(error))")
            return false
        }
    }

    /// Writes to a new file beside `path` (through a symbolic link, beside the file it names) and
    /// renames it over the file; on any failure the temporary file is removed and the file is
    /// untouched. An existing report keeps its permissions; a new one gets those of a new file.
    private static func writeAtomically(to path: String, _ produce: Producer) throws {
        let url = URL(fileURLWithPath: linkTarget(of: path))
        let folder = url.deletingLastPathComponent()
        TemporaryFiles.removeLeftovers(of: url.lastPathComponent, in: folder.path)
        var template = Array(TemporaryFiles.template(for: url.lastPathComponent, in: folder).utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw posixError() }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slot = TemporaryFiles.remember(temporary)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
            TemporaryFiles.forget(slot)
        }
        do {
            defer { close(descriptor) }
            var existing = stat()
            let mask = umask(0)
            umask(mask)
            let mode = stat(url.path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666 & ~mask
            guard fchmod(descriptor, mode) == 0 else { throw posixError() }
            try produce { try writeAll($0, to: descriptor) }
        }
        guard rename(temporary, url.path) == 0 else { throw posixError() }
        renamed = true
    }

    /// The file a chain of symbolic links ends at (`path` itself when it is none), so that writing a
    /// report replaces that file and leaves the links in place.
    private static func linkTarget(of path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
                let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current)
            else { return current }
            current =
                destination.hasPrefix("/")
                ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        return current
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw posixError()
            }
            offset += written
        }
    }

    private static func posixError() -> NSError { NSError(domain: NSPOSIXErrorDomain, code: Int(errno)) }

    /// Whether the path exists and is not a regular file or folder (a device, a pipe, a socket).
    static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let kind = info.st_mode & S_IFMT
        return kind != S_IFREG && kind != S_IFDIR
    }
}
