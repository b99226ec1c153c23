import Foundation

/// The kind of file a document was read from.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case text, markdown, html

    /// The extensions audited when a directory is walked.
    public static let auditedExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    /// The format for a file name's extension, if it names one.
    public static func from(path: String) -> DocumentFormat? {
        switch pathExtension(path).lowercased() {
        case "txt", "text": .text
        case "md", "markdown", "mdown", "mkd": .markdown
        case "html", "htm", "xhtml": .html
        default: nil
        }
    }

    /// What follows the last full stop of the last path component, as `NSString.pathExtension`
    /// reads it (trailing slashes ignored; a name that only begins with a full stop has none), without
    /// bridging to `NSString` for every file of a run.
    static func pathExtension(_ path: String) -> Substring {
        if path.utf8.allSatisfy({ $0 < 0x80 }) { return asciiPathExtension(path) }
        // NSString reads characters: a mark after a full stop or slash makes it no longer one.
        var end = path.endIndex
        while end > path.startIndex, path[path.index(before: end)] == "/" { end = path.index(before: end) }
        let trimmed = path[..<end]
        let component = trimmed[(trimmed.lastIndex(of: "/").map { trimmed.index(after: $0) } ?? trimmed.startIndex)...]
        guard let dot = component.lastIndex(of: "."), dot != component.startIndex else { return "" }
        return component[component.index(after: dot)...]
    }

    /// The same for an ASCII path, byte by byte: every byte is a character of its own there, and
    /// reading characters cost more than the rest of opening a small file.
    private static func asciiPathExtension(_ path: String) -> Substring {
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        let trimmed = bytes[..<end]
        let start = trimmed.lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        guard let dot = trimmed[start...].lastIndex(of: UInt8(ascii: ".")), dot != start else { return "" }
        return path[bytes.index(after: dot)..<end]
    }

    /// Guesses from the first bytes: a doctype or `<html>` is HTML, front matter or an ATX heading
    /// is Markdown, anything else is plain text.
    public static func sniff(_ decoded: [UInt8]) -> DocumentFormat {
        let head = String(decoding: decoded.prefix(1024), as: UTF8.self)
        let trimmed = head.drop { $0.isWhitespace }.lowercased()
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<head")
            || trimmed.hasPrefix("<body") || trimmed.hasPrefix("<article")
        {
            return .html
        }
        if head.hasPrefix("---\n") || head.hasPrefix("---\r\n") || trimmed.hasPrefix("# ") { return .markdown }
        return .text
    }
}
