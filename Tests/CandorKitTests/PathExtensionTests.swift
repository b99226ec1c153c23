import Foundation
import Testing

@testable import CandorKit

/// A file's format is told by its extension exactly as `NSString` reads one.
@Suite struct PathExtensionTests {
    @Test func extensionsAreReadAsNSStringReadsThem() {
        var paths = [
            "a.txt", "dir.md/file", "dir/file.", ".txt", "a.b.c", "a.txt/", "a.TXT", "", "/", "a..txt", "dir/.md",
            "x/y.html//", "a.txt.", "~/a.md", "a/.b.txt", "..", "a. txt", "../x.md", "é.md", "résumé/.htm",
            "a.\u{301}md", "x/\u{301}.md", "\u{301}.txt", "dir\r\n.md", "a\r\n/b.txt",
        ]
        // Every path of up to five pieces, the same on every run: NSString traps on some longer ones
        // ("///a//"), and on some beyond ASCII ("//é"), so those are held to a stated answer below.
        let pieces = ["a", ".", "/", "md", "T", " "]
        var level = [""]
        for _ in 1...5 {
            level = level.flatMap { prefix in pieces.map { prefix + $0 } }
            paths += level
        }
        for path in paths {
            #expect(
                String(DocumentFormat.pathExtension(path)) == (path as NSString).pathExtension,
                "\(path.debugDescription)")
        }
    }

    /// Paths NSString traps on are read without trouble.
    @Test func pathsNSStringTrapsOnAreRead() {
        #expect(DocumentFormat.pathExtension("//é.md") == "md")
        #expect(DocumentFormat.from(path: "//é.md") == .markdown)
        #expect(DocumentFormat.pathExtension("///a//") == "")
        #expect(DocumentFormat.pathExtension("///a.md//") == "md")
    }
}
