import CandorTestSupport
import Foundation
import Testing

/// Whatever a writer commits, Candor ends with a clear message naming the file and the cause, a
/// documented exit code, no crash and no hang, and the other inputs of the run still audited.
@Suite struct BadInputTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// Makes the bad input in a folder and returns the path to give `candor audit`.
        let make: @Sendable (URL) throws -> String
        let status: Int32
        /// Text that standard error must contain ("" when the run is clean).
        let message: String
        /// Run without the superuser's right to read any file, so permissions apply even to root.
        var unprivileged = false
        var testDescription: String { name }
    }

    static func file(_ name: String, _ bytes: [UInt8]) -> @Sendable (URL) throws -> String {
        { folder in
            let path = folder.appendingPathComponent(name)
            try Data(bytes).write(to: path)
            return path.path
        }
    }

    static let cases: [Case] = [
        Case(
            name: "missing path", make: { $0.appendingPathComponent("nope.txt").path }, status: 2,
            message: "nope.txt: no such file or directory"),
        Case(
            name: "directory without articles",
            make: { folder in
                let empty = folder.appendingPathComponent("empty")
                try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
                try Data("x".utf8).write(to: empty.appendingPathComponent("notes.pdf"))
                return empty.path
            }, status: 2, message: "directory holds no articles"),
        Case(
            name: "permission denied",
            make: { folder in
                let path = folder.appendingPathComponent("locked.txt")
                try Data("Experts say so.".utf8).write(to: path)
                try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path.path)
                return path.path
            }, status: 2, message: "locked.txt: cannot read file: Permission denied", unprivileged: true),
        Case(name: "empty file", make: file("empty.txt", []), status: 0, message: "empty.txt: no text to audit"),
        Case(
            name: "whitespace only", make: file("blank.txt", Array(" \n\t\n".utf8)), status: 0,
            message: "blank.txt: no text to audit"),
        Case(name: "one word", make: file("word.txt", Array("Hello".utf8)), status: 0, message: ""),
        Case(
            name: "binary PNG",
            make: file("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), status: 2,
            message: "image.txt: binary file"),
        Case(
            name: "invalid UTF-8", make: file("bad.txt", Array("Experts say ".utf8) + [0xC3, 0x28, 0xFF]), status: 0,
            message: "bad.txt:1: invalid UTF-8"),
        Case(
            name: "UTF-16 without BOM",
            make: file("u16.txt", Array("Hello".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }), status: 2,
            message: "UTF-16 without a byte-order mark"),
        Case(
            name: "10 MB single line", make: file("line.txt", Array(String(repeating: "word ", count: 2_000_000).utf8)),
            status: 0, message: ""),
        Case(
            name: "file over the size limit",
            make: { folder in
                let path = folder.appendingPathComponent("huge.txt")
                _ = FileManager.default.createFile(atPath: path.path, contents: nil)
                let handle = try FileHandle(forWritingTo: path)
                try handle.truncate(atOffset: 200 << 20)
                try handle.close()
                return path.path
            }, status: 2, message: "huge.txt: larger than the 64 MiB limit; skipped (raise it with --max-bytes)"),
        Case(
            name: "HTML nested 100,000 deep",
            make: file("deep.html", Array((String(repeating: "<div>", count: 100_000) + "Experts say so.").utf8)),
            status: 0, message: ""),
        Case(
            name: "unclosed tags and comments",
            make: file("broken.html", Array("<html><body><p>Experts say <b>so<!-- never closed <script>x".utf8)),
            status: 0, message: ""),
        Case(
            name: "Markdown that is one code block",
            make: file(
                "code.md", Array(("```\n" + String(repeating: "experts say it may well be\n", count: 20_000)).utf8)),
            status: 0, message: ""),
        Case(
            name: "symlink loop in a directory",
            make: { folder in
                let drafts = folder.appendingPathComponent("drafts")
                try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
                try Data("Experts say so.".utf8).write(to: drafts.appendingPathComponent("a.txt"))
                try FileManager.default.createSymbolicLink(
                    atPath: drafts.appendingPathComponent("loop").path, withDestinationPath: drafts.path)
                return drafts.path
            }, status: 0, message: ""),
    ]

    @Test(arguments: cases)
    func badInputIsReportedAndTheRunGoesOn(_ bad: Case) throws {
        let folder = try Scratch.folder("bad")
        let path = try bad.make(folder)
        let arguments = ["audit", path, CLIRunner.sample, "--format", "json"]
        let outcome = try bad.unprivileged ? CLIRunner.runUnprivileged(arguments) : CLIRunner.run(arguments)
        #expect(outcome.status == bad.status, "\(outcome.stderr)")
        if bad.message.isEmpty {
            #expect(!outcome.stderr.contains("error"), "\(outcome.stderr)")
        } else {
            #expect(outcome.stderr.contains(bad.message), "\(outcome.stderr)")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let paths = (json["documents"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(paths.contains(CLIRunner.sample), "the other input was still audited")
    }

    @Test func fullDiskIsAnErrorNotASilentLoss() throws {
        let toFile = try CLIRunner.run(["audit", CLIRunner.sample, "--output", "/dev/full"])
        #expect(toFile.status == 2)
        #expect(toFile.stderr.contains("/dev/full: cannot write report: No space left on device"))
        var info = stat()
        #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "the device is still a device")
    }

    @Test func failedWriteKeepsThePreviousReport() throws {
        let folder = try Scratch.folder("out")
        let report = folder.appendingPathComponent("report.json")
        #expect(
            try CLIRunner.run(["audit", CLIRunner.sample, "--format", "json", "--output", report.path]).status == 0)
        let before = try Data(contentsOf: report)
        // A missing ruleset folder makes the run an error, but the report still goes out whole.
        let outcome = try CLIRunner.run([
            "audit", CLIRunner.sample, "--format", "json", "--output", report.path, "--report",
            "sarif:/no/such/dir/x.sarif",
        ])
        #expect(outcome.status == 2)
        let after = try Data(contentsOf: report)
        #expect(after == before, "the report was rewritten whole, never truncated")
    }
}
