import Foundation

/// The kind of file a document was read from.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case text, markdown, html

    /// The extensions audited when a directory is walked.
    public static let auditedExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    /// The format for a file name's extension, if it names one.
    public static func from(path: String) -> DocumentFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "txt", "text": .text
        case "md", "markdown", "mdown", "mkd": .markdown
        case "html", "htm", "xhtml": .html
        default: nil
        }
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
