import CandorTestSupport
import Foundation
import Testing

@Suite struct AuditCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func jsonReportKeepsTheContractNames() throws {
        let outcome = try CLIRunner.run(["audit", CLIRunner.sample, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let root = try json(outcome.stdout)
        #expect(root["version"] as? Int == 1)
        let tool = try #require(root["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "candor")
        #expect(tool["version"] is String)
        #expect(root["summary"] is [String: Any])
        let document = try #require((root["documents"] as? [[String: Any]])?.first)
        for key in [
            "path", "format", "wordCount", "score", "grade", "base", "breakdown", "findings", "signals", "diagnostics",
        ] {
            #expect(document[key] != nil, "missing \(key)")
        }
        let finding = try #require((document["findings"] as? [[String: Any]])?.first)
        for key in [
            "ruleId", "category", "severity", "scope", "message", "suggestion", "text", "line", "column", "endLine",
            "endColumn", "byteStart", "byteEnd",
        ] {
            #expect(finding[key] != nil, "missing \(key)")
        }
        let line = try #require((document["breakdown"] as? [[String: Any]])?.first)
        #expect(Set(line.keys) == ["category", "points", "reason"])
    }

    @Test func failUnderGatesWithExitOne() throws {
        let failing = try CLIRunner.run(["audit", CLIRunner.sample, "--fail-under", "50", "--format", "json"])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("gate failed"))
        #expect(!failing.stdout.isEmpty, "the report is still written")
        let passing = try CLIRunner.run(["audit", CLIRunner.sample, "--fail-under", "5", "--format", "json"])
        #expect(passing.status == 0)
    }

    @Test func invalidUserRegexExitsTwoNamingFileAndOffsetAndStillAudits() throws {
        let pack = try CLIRunner.pack(rule: "hedging.broken", category: "hedging", pattern: #"\bfoo(?=\b"#)
        let outcome = try CLIRunner.run(["audit", CLIRunner.sample, "--ruleset", pack, "--format", "json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(pack + "/rules.yml:"))
        #expect(outcome.stderr.contains("missing closing parenthesis at offset 10"))
        let documents = try #require(try json(outcome.stdout)["documents"] as? [[String: Any]])
        #expect(documents.count == 1)
    }

    @Test func catastrophicUserRuleBecomesADiagnosticAndBuiltinFindingsStand() throws {
        let pack = try CLIRunner.pack(rule: "puffery.nested", category: "puffery", pattern: "(a+)+$")
        let article = String(repeating: "a", count: 100_000) + "b\nExperts say the plan may therefore become popular.\n"
        let file = try CLIRunner.temporaryFile(article)
        let outcome = try CLIRunner.run(["audit", file, "--ruleset", pack, "--format", "json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("puffery.nested"))
        let document = try #require((try json(outcome.stdout)["documents"] as? [[String: Any]])?.first)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["ruleId"] as? String == "puffery.nested" })
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["ruleId"] as? String == "unsourced.experts-say" })
    }

    @Test func missingPathIsReportedAndOtherInputsAreStillAudited() throws {
        let outcome = try CLIRunner.run(["audit", "no/such/file.txt", CLIRunner.sample, "--format", "json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no/such/file.txt: no such file or directory"))
        let documents = try #require(try json(outcome.stdout)["documents"] as? [[String: Any]])
        #expect(documents.count == 1)
    }

    @Test func standardInputIsAudited() throws {
        let outcome = try CLIRunner.run(["audit", "-", "--format", "json"], stdin: "Experts say it works.\n")
        #expect(outcome.status == 0)
        let document = try #require((try json(outcome.stdout)["documents"] as? [[String: Any]])?.first)
        #expect(document["path"] as? String == "<stdin>")
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["ruleId"] as? String == "unsourced.experts-say" })
    }

    @Test func stdinFilenameAndInputFormatChooseTheReader() throws {
        let markdown = "Use `experts say` in code.\n\nExperts say so.\n"
        let named = try CLIRunner.run(
            ["audit", "-", "--stdin-filename", "draft.md", "--format", "json"], stdin: markdown)
        let document = try #require((try json(named.stdout)["documents"] as? [[String: Any]])?.first)
        #expect(document["path"] as? String == "draft.md")
        #expect(document["format"] as? String == "markdown")
        #expect(
            (document["findings"] as? [[String: Any]])?.filter { $0["ruleId"] as? String == "unsourced.experts-say" }
                .count == 1)
        let forced = try CLIRunner.run(
            ["audit", "-", "--stdin-filename", "draft.md", "--input-format", "text", "--format", "json"],
            stdin: markdown)
        let plain = try #require((try json(forced.stdout)["documents"] as? [[String: Any]])?.first)
        #expect(plain["format"] as? String == "text")
        #expect(
            (plain["findings"] as? [[String: Any]])?.filter { $0["ruleId"] as? String == "unsourced.experts-say" }.count
                == 2)
    }

    @Test func jsonlStreamKeepsOrderAndSurvivesBadLines() throws {
        let input =
            [
                #"{"id": 1, "text": "Experts say it may well work."}"#, "not json", "",
                ##"{"id": "b", "text": "# Hi\n\nJane Doe said so.", "format": "markdown"}"##, #"{"text": "no id"}"#,
            ].joined(separator: "\n") + "\n"
        let outcome = try CLIRunner.run(["audit", "--jsonl", "-"], stdin: input)
        #expect(outcome.status == 2)
        let lines = outcome.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 4)
        #expect(lines[0]?["id"] as? Int == 1)
        #expect(
            (lines[0]?["findings"] as? [[String: Any]])?.contains { $0["ruleId"] as? String == "unsourced.experts-say" }
                == true)
        #expect(lines[1]?["line"] as? Int == 2)
        #expect((lines[1]?["error"] as? String)?.contains("invalid JSON") == true)
        #expect(lines[2]?["id"] as? String == "b")
        #expect(lines[2]?["format"] as? String == "markdown")
        #expect((lines[3]?["error"] as? String)?.contains("missing key 'id'") == true)
    }

    @Test func jsonlOfManyDocumentsKeepsInputOrder() throws {
        let input = (1...300).map { #"{"id": \#($0), "text": "Document \#($0). Experts say so."}"# }.joined(
            separator: "\n")
        let outcome = try CLIRunner.run(["audit", "--jsonl", "-"], stdin: input)
        #expect(outcome.status == 0)
        let ids = outcome.stdout.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["id"] as? Int
        }
        #expect(ids == Array(1...300))
    }

    @Test func outputFileReceivesTheReport() throws {
        let target = try Scratch.folder("output").appendingPathComponent("report.md").path
        let outcome = try CLIRunner.run(["audit", CLIRunner.sample, "--format", "markdown", "--output", target])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("# Candor report"))
        #expect(written.contains("| Category | Reason | Points |"))
    }

    /// A report is written beside its target and renamed over it: it gets the permissions any new file
    /// gets, replaces the old report whole, and leaves no temporary file behind.
    @Test func outputFileIsReplacedWholeWithOrdinaryPermissions() throws {
        let folder = try Scratch.folder("replaced")
        let target = folder.appendingPathComponent("report.json").path
        try String(repeating: "old report\n", count: 100_000).write(toFile: target, atomically: false, encoding: .utf8)
        let outcome = try CLIRunner.run(["audit", CLIRunner.sample, "--format", "json", "--output", target])
        #expect(outcome.status == 0)
        let written = try Data(contentsOf: URL(fileURLWithPath: target))
        #expect((try? JSONSerialization.jsonObject(with: written)) != nil, "the whole new report, nothing of the old")
        let mask = umask(0)
        umask(mask)
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
        #expect(mode == Int(0o666 & ~mask))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func unwritableOutputExitsTwo() throws {
        let outcome = try CLIRunner.run(["audit", CLIRunner.sample, "--output", "/no/such/dir/report.json"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("/no/such/dir/report.json: cannot write report"))
    }

    @Test func terminalReportHasNoColourWhenPipedAndColourOnRequest() throws {
        let piped = try CLIRunner.run(["audit", CLIRunner.sample])
        #expect(piped.status == 0)
        #expect(!piped.stdout.contains("\u{1B}["))
        #expect(piped.stdout.contains("Breakdown"))
        #expect(piped.stdout.contains("9:124"))
        let forced = try CLIRunner.run(["audit", CLIRunner.sample, "--color", "always"])
        #expect(forced.stdout.contains("\u{1B}["))
    }

    @Test(.needsShared("corpus/bbc/tech")) func directoriesAreAuditedRecursively() throws {
        let folder = CLIRunner.shared.appendingPathComponent("corpus/bbc/tech").path
        let outcome = try CLIRunner.run(["audit", folder, "--format", "json"])
        #expect(outcome.status == 0)
        let summary = try #require(try json(outcome.stdout)["summary"] as? [String: Any])
        #expect(summary["documents"] as? Int == 401)
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try CLIRunner.run(["audit", CLIRunner.sample, "--fail-under", "200"]).status == 2)
        #expect(try CLIRunner.run(["audit", CLIRunner.sample, "--format", "pdf"]).status == 2)
        #expect(try CLIRunner.run(["audit"]).status == 2)
    }
}
