import CandorTestSupport
import Foundation
import Testing

/// Configuration and baselines must never let a gate pass by accident: typos are located errors with
/// a suggestion, a configuration that leaves no rule in force is exit 2 with no score, and the
/// configuration nearest a file applies to it from any working directory.
@Suite struct ConfigurationTests {
    /// A folder `t` holding the sample as `a.txt` and a `.candor.yml` with `yaml`.
    private func project(_ yaml: String) throws -> URL {
        let root = try Scratch.folder("config")
        let folder = root.appendingPathComponent("t")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLIRunner.sample, toPath: folder.appendingPathComponent("a.txt").path)
        try yaml.write(to: folder.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        return root
    }

    @Test func mistypedRulesAndCategoriesAreLocatedErrorsWithSuggestions() throws {
        let root = try project("version: 1\nrules: {hedgin: off, puffery.superlativ: off}\n")
        let outcome = try CLIRunner.run(["audit", "t/a.txt", "--format", "json"], directory: root)
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr.contains(".candor.yml:2:9: unknown rule id or category 'hedgin'; did you mean 'hedging'?"))
        #expect(outcome.stderr.contains("'puffery.superlativ'; did you mean 'puffery.superlative'?"))
    }

    @Test func aMistypedPackLeavingNoRulesIsAnErrorAndNeverAScore() throws {
        let root = try project("version: 1\npacks: [cor]\n")
        let outcome = try CLIRunner.run(["audit", "t/a.txt", "--format", "json"], directory: root)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains(".candor.yml:2:9: unknown pack 'cor'; did you mean 'core'?"))
        #expect(outcome.stderr.contains("no rules in force"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect((json["documents"] as? [Any])?.isEmpty == true, "no document is scored")
        let listed = try CLIRunner.run(["rules", "list", "--config", "t/.candor.yml"], directory: root)
        #expect(listed.status == 2)
    }

    @Test func anUnknownCategoryOnTheCommandLineIsAnError() throws {
        let outcome = try CLIRunner.run(["rules", "list", "--category", "puff"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("unknown category 'puff'; did you mean 'puffery'?"))
    }

    @Test func theConfigurationNearestTheFileGatesItFromAnyFolder() throws {
        let root = try project("version: 1\nfail-under: 90\n")
        let folder = root.appendingPathComponent("t")
        #expect(try CLIRunner.run(["audit", "t/a.txt"], directory: root).status == 1)
        #expect(try CLIRunner.run(["audit", "a.txt"], directory: folder).status == 1)
        #expect(
            try CLIRunner.run(
                ["audit", folder.appendingPathComponent("a.txt").path], directory: URL(fileURLWithPath: "/")
            ).status == 1)
    }

    @Test func aMissingOrInvalidBaselineIsOneLineAndTheReportsAreStillWritten() throws {
        let root = try project("version: 1\n")
        let missing = try CLIRunner.run(
            ["audit", "t/a.txt", "--baseline", "none.json", "--report", "sarif:out.sarif"], directory: root)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("candor: error: none.json: cannot read baseline: No such file or directory"))
        #expect(!missing.stderr.contains("NSCocoaErrorDomain"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out.sarif").path))
        try #"{"version": 1}"#.write(to: root.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let invalid = try CLIRunner.run(["audit", "t/a.txt", "--baseline", "bad.json"], directory: root)
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("bad.json: not a Candor baseline (missing key 'entries')"))
        #expect(!invalid.stderr.contains("DecodingError"))
    }

    @Test func aBaselineHoldsOldDocumentsToTheirOwnScore() throws {
        let root = try project("version: 1\nfail-under: 60\n")
        let written = try CLIRunner.run(["audit", "t/a.txt", "--write-baseline", "base.json"], directory: root)
        #expect(written.status == 0, "writing a baseline records where things stand")
        let old = try CLIRunner.run(["audit", "t/a.txt", "--baseline", "base.json"], directory: root)
        #expect(old.status == 0)
        #expect(old.stdout.contains("hedging.may-become  (baseline)"), "baselined findings are marked")
        let markdown = try CLIRunner.run(
            ["audit", "t/a.txt", "--baseline", "base.json", "--format", "markdown"], directory: root)
        #expect(markdown.stdout.contains("`hedging.may-become` (warning) *(baseline)*"))
        // The article gets worse (its byline goes): below the threshold and its baselined score, it fails.
        let article = root.appendingPathComponent("t/a.txt")
        let worse = try String(contentsOf: article, encoding: .utf8).replacingOccurrences(
            of: "By Marta Oliveira | 3 December 2026", with: "")
        try worse.write(to: article, atomically: true, encoding: .utf8)
        let failing = try CLIRunner.run(
            ["audit", "t/a.txt", "--baseline", "base.json", "--format", "github"], directory: root)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("::error file=t/a.txt,title=Candor gate::Gate failed: score"))
    }

    @Test func aGateFailureIsInEveryReportFormat() throws {
        let root = try project("version: 1\nfail-under: 90\n")
        let terminal = try CLIRunner.run(["audit", "t/a.txt"], directory: root)
        #expect(terminal.stdout.contains("Gate failed: score"))
        let markdown = try CLIRunner.run(["audit", "t/a.txt", "--format", "markdown"], directory: root)
        #expect(markdown.stdout.contains("**Gate failed:** score"))
        let sarif = try CLIRunner.run(["audit", "t/a.txt", "--format", "sarif"], directory: root)
        #expect(sarif.stdout.contains("\"toolExecutionNotifications\""))
        #expect(sarif.stdout.contains("Gate failed: score"))
    }

    @Test func aCopiedBinaryCarriesItsRules() throws {
        let folder = try Scratch.folder("copied")
        let copy = folder.appendingPathComponent("candor")
        try FileManager.default.copyItem(at: CLIRunner.binary, to: copy)
        let article = folder.appendingPathComponent("sample.txt")
        try FileManager.default.copyItem(atPath: CLIRunner.sample, toPath: article.path)
        let arguments = ["audit", "sample.txt", "--format", "json"]
        let copied = try CLIRunner.run(
            arguments, environment: ["CANDOR_RULESETS": ""], directory: folder, executable: copy)
        let built = try CLIRunner.run(arguments, environment: ["CANDOR_RULESETS": ""], directory: folder)
        #expect(copied.status == 0)
        #expect(copied.stdout == built.stdout)
        let listed = try CLIRunner.run(["rules", "list"], directory: folder, executable: copy)
        #expect(listed.status == 0)
        #expect(listed.stdout == (try CLIRunner.run(["rules", "list"], directory: folder)).stdout)
        #expect(!listed.stdout.hasSuffix("\n0 rules\n"))
    }
}

/// The README's first two commands, word for word, work in a clone with nothing beside it: the
/// first audits an article that ships in the repository.
@Suite struct ReadmeCommandTests {
    @Test func theFirstCommandAuditsTheBundledSample() throws {
        let readme = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let block = try #require(lines.firstIndex(of: "```sh"))
        #expect(lines[block + 1] == "bash .ci/setup && swift run candor audit Examples/sample-article.txt")
        #expect(lines[block + 2] == "swift test")
        let article = try #require(lines[block + 1].split(separator: " ").last.map(String.init))
        #expect(!article.contains("../"), "nothing outside the repository")
        let outcome = try CLIRunner.run(["audit", article])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Score "))
    }
}
