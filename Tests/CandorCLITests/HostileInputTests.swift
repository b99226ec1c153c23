import CandorTestSupport
import Foundation
import Testing

/// Inputs that are not articles must be refused quickly, never read without end, never block the
/// run and never crash it; the other inputs of the run are still audited.
@Suite struct HostileInputTests {
    @Test func devicesAndFIFOsAreRefusedAndTheOtherInputIsAudited() throws {
        let folder = try Scratch.folder("hostile")
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let outcome = try CLIRunner.run(["audit", "/dev/zero", fifo, CLIRunner.sample, "--format", "json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("/dev/zero: cannot read file: not a regular file (a character device)"))
        #expect(outcome.stderr.contains("fifo: cannot read file: not a regular file (a pipe or FIFO)"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect((json["documents"] as? [Any])?.count == 1, "the sample was still audited")
    }

    @Test func aConfigurationLinkedToADeviceIsAnErrorNotAnEndlessRead() throws {
        let folder = try Scratch.folder("linked-config")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent(".candor.yml").path, withDestinationPath: "/dev/zero")
        try FileManager.default.copyItem(
            atPath: CLIRunner.sample, toPath: folder.appendingPathComponent("a.txt").path)
        let outcome = try CLIRunner.run(["audit", "a.txt"], directory: folder)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(".candor.yml:1:1: cannot read configuration: not a regular file"))
    }

    @Test func aSmallLimitIsNamedInBytes() throws {
        let outcome = try CLIRunner.run(["audit", CLIRunner.sample, "--max-bytes", "1000"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("larger than the 1000 byte limit; skipped (raise it with --max-bytes)"))
    }

    @Test func theLargestMaximumDoesNotOverflow() throws {
        let text = try String(contentsOfFile: CLIRunner.sample, encoding: .utf8)
        let outcome = try CLIRunner.run(["audit", "-", "--max-bytes", String(Int.max)], stdin: text)
        #expect(outcome.status == 0)
        #expect(try CLIRunner.run(["audit", CLIRunner.sample, "--max-bytes", String(Int.max)]).status == 0)
    }

    @Test func aClosedStandardInputIsAnErrorLine() throws {
        let outcome = try CLIRunner.run(
            ["-c", "exec \"$0\" audit --jsonl - <&-", CLIRunner.binary.path],
            executable: URL(fileURLWithPath: "/bin/sh"))
        #expect(outcome.status == 2)
        #expect(outcome.stdout.hasPrefix("{\"error\":\"cannot read the input:"))
    }

    @Test func jsonLinesAreHeldToTheLimits() throws {
        let long = String(repeating: "x", count: 70_000)
        let lines = [
            #"{"id": 1, "text": "Experts say it may work, and it might."}"#, long,
            #"{"id": 2, "text": "\#(String(repeating: "Experts say so. ", count: 100))"}"#,
            #"{"id": 3, "text": "Fine."}"#,
        ]
        let outcome = try CLIRunner.run(
            ["audit", "--jsonl", "-", "--max-bytes", "1000"], stdin: lines.joined(separator: "\n") + "\n")
        let results = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(results.count == 4)
        #expect(results[0].hasPrefix("{\"id\":1,"))
        #expect(results[1].contains("line 2: longer than the"))
        #expect(results[2].contains("line 3: text larger than the 1000 byte limit"))
        #expect(results[3].hasPrefix("{\"id\":3,"))
        #expect(outcome.status == 2)
        let device = try CLIRunner.run(["audit", "--jsonl", "/dev/zero"])
        #expect(device.status == 2)
        #expect(device.stderr.contains("/dev/zero: cannot read: not a regular file"))
    }

    @Test func anOutOfRangeGroupIsALocatedError() throws {
        let pack = try CLIRunner.pack(
            rule: "hedging.big-group", category: "hedging", pattern: "may (be)",
            extra: "    group: 99999999999999999999")
        let outcome = try CLIRunner.run(["rules", "lint", "--ruleset", pack])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("rules.yml:10:12: 'group' must be a whole number from 0 to 65535"))
    }

    @Test func anElementWithTooManyAttributesIsCutOffWithAWarning() throws {
        let folder = try Scratch.folder("attributes")
        let attributes = (0..<5_000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let page = "<html><body><p \(attributes)>Experts say it may work.</p></body></html>\n"
        let file = folder.appendingPathComponent("page.html")
        try page.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try CLIRunner.run(["audit", file.path, "--format", "json"])
        #expect(
            outcome.stderr.contains(
                "page.html: line 1: an element with more than 1000 attributes; the rest are ignored"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        let document = try #require((json["documents"] as? [[String: Any]])?.first)
        let texts = (document["findings"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        #expect(texts.contains("Experts say"), "the paragraph is still read: \(texts)")
    }

    @Test func controlAndReorderingCharactersNeverReachAReader() throws {
        let folder = try Scratch.folder("controls")
        let text = "Experts say \u{1B}]0;pwned\u{07} it may \u{202E} work, \u{9B}2J it might.\n"
        let file = folder.appendingPathComponent("a\u{1B}[31m\nb.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let raw: [Unicode.Scalar] = ["\u{1B}", "\u{07}", "\u{202E}", "\u{9B}"]
        for format in ["terminal", "markdown", "checklist", "github"] {
            let outcome = try CLIRunner.run(["audit", file.path, "--format", format, "--color", "never"])
            let output = outcome.stdout + outcome.stderr
            #expect(!output.unicodeScalars.contains { raw.contains($0) }, "\(format) wrote a raw control character")
            #expect(output.contains("\\x1b"), "\(format) shows the escape visibly")
        }
        let missing = try CLIRunner.run(["audit", folder.appendingPathComponent("no\u{1B}[2Jfile.txt").path])
        #expect(!missing.stderr.unicodeScalars.contains("\u{1B}"))
        #expect(missing.stderr.contains("no\\x1b[2Jfile.txt"))
    }

    @Test func outputsNeverOverwriteAnInputOrEachOther() throws {
        let folder = try Scratch.folder("outputs")
        let article = folder.appendingPathComponent("a.txt")
        try FileManager.default.copyItem(atPath: CLIRunner.sample, toPath: article.path)
        let before = try Data(contentsOf: article)
        let ontoInput = try CLIRunner.run(["audit", "--format", "json", "-o", "a.txt", "a.txt"], directory: folder)
        #expect(ontoInput.status == 2)
        #expect(ontoInput.stderr.contains("a.txt: --output would overwrite an input of this run"))
        #expect(try Data(contentsOf: article) == before, "the article is untouched")
        let twice = try CLIRunner.run(
            ["audit", "a.txt", "--report", "sarif:r.out", "--report", "json:r.out"], directory: folder)
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("write the same file"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.out").path))
    }

    @Test func aReportIsWrittenThroughALinkAndKeepsItsPermissions() throws {
        let folder = try Scratch.folder("link")
        let real = folder.appendingPathComponent("real.json")
        try "old".write(to: real, atomically: true, encoding: .utf8)
        #expect(chmod(real.path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.json").path, withDestinationPath: "real.json")
        let outcome = try CLIRunner.run(
            ["audit", CLIRunner.sample, "--format", "json", "-o", "link.json"], directory: folder)
        #expect(outcome.status == 0)
        let link = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("link.json").path)
        #expect(link[.type] as? FileAttributeType == .typeSymbolicLink, "the link stays a link")
        let written = try FileManager.default.attributesOfItem(atPath: real.path)
        #expect((written[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOf: real, encoding: .utf8).hasPrefix("{"))
    }

    @Test func aPatternMatchingSingleBytesIsRefused() throws {
        let pack = try CLIRunner.pack(rule: "hedging.byte", category: "hedging", pattern: #"may\C"#)
        let outcome = try CLIRunner.run(["rules", "lint", "--ruleset", pack])
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr.contains(#"rules.yml:9:14: invalid regular expression in 'pattern': using \C is disabled"#))
    }
}
