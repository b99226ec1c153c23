import Foundation
import Testing

@testable import CandorKit

/// A file's format is told by its extension exactly as `NSString` reads one.
@Suite struct PathExtensionTests {
    @Test func extensionsAreReadAsNSStringReadsThem() {
        var paths = [
            "a.txt", "dir.md/file", "dir/file.", ".txt", "a.b.c", "a.txt/", "a.TXT", "", "/", "a..txt", "dir/.md",
            "x/y.html//", "a.txt.", "~/a.md", "a/.b.txt", "..", "a. txt", "../x.md", "é.md", "résumé/.htm",
        ]
        var generator = SystemRandomNumberGenerator()
        // No letter beyond ASCII here: NSString itself traps on some such paths ("//é").
        let pieces = ["a", ".", "/", "md", "T", " "]
        paths += (0..<2000).map { _ in
            (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
        }
        for path in paths {
            #expect(
                String(DocumentFormat.pathExtension(path)) == (path as NSString).pathExtension,
                "\(path.debugDescription)")
        }
    }

    /// A path NSString traps on is read without trouble.
    @Test func pathsBeyondASCIIAfterDoubleSlashesAreRead() {
        #expect(DocumentFormat.pathExtension("//é.md") == "md")
        #expect(DocumentFormat.from(path: "//é.md") == .markdown)
    }
}
