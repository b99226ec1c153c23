import Foundation
import Testing

@testable import CandorKit

/// What a folder on the command line expands to: article files only, in path order, without
/// hidden entries and without following symbolic links.
@Suite struct InputCollectorTests {
    @Test func aFolderYieldsItsArticlesSortedWithoutHiddenEntriesOrLinks() throws {
        let fileManager = FileManager.default
        let root = fileManager.temporaryDirectory.appendingPathComponent("candor-walk-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: root) }
        for folder in ["sub/deeper", ".hidden-folder"] {
            try fileManager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in [
            "a.txt", "sub/D.TXT", "sub/c.md", "sub/deeper/e.html", ".hidden.txt", ".hidden-folder/b.txt", "notes.pdf",
            "README",
        ] {
            try "Experts say so.".write(to: root.appendingPathComponent(file), atomically: false, encoding: .utf8)
        }
        try fileManager.createSymbolicLink(
            at: root.appendingPathComponent("link.txt"), withDestinationURL: root.appendingPathComponent("a.txt"))
        try fileManager.createSymbolicLink(
            at: root.appendingPathComponent("linked-folder"), withDestinationURL: root.appendingPathComponent("sub"))
        try fileManager.createSymbolicLink(
            atPath: root.appendingPathComponent("broken.txt").path, withDestinationPath: "/no/such/file")
        let expected = ["a.txt", "sub/D.TXT", "sub/c.md", "sub/deeper/e.html"].map { root.path + "/" + $0 }
        #expect(InputCollector.articles(under: root.path) == expected)
        #expect(InputCollector.articles(under: root.path + "/") == expected, "a trailing slash is not doubled")
    }
}
