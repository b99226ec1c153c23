import CandorTestSupport
import Foundation
import Testing

/// A newsroom's repository of drafts, gated the way the README tells teams to gate it.
@Suite(.serialized) struct GatingWorkflowTests {
    static let clean = """
        # Council approves flood plan
        By Maria Okafor
        Published: 12 March 2025

        The council approved a £4m plan on Tuesday, said Dr Helen Marsh, the council's head of flood resilience.
        """
    static let vague = """
        # Wallet news
        By Tom Reeve
        Published: 12 March 2025

        The wallet launched on Monday, said Jane Doe, chief executive of Acme.
        Experts say the wallet is safe.
        """

    /// A fresh fixture repository with two drafts and a starter configuration.
    private func repository() throws -> URL {
        let root = try Scratch.folder("repository")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        try Self.clean.write(to: root.appendingPathComponent("drafts/clean.md"), atomically: true, encoding: .utf8)
        try Self.vague.write(to: root.appendingPathComponent("drafts/vague.md"), atomically: true, encoding: .utf8)
        try "version: 1\n".write(to: root.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        return root
    }

    private func run(_ arguments: [String], in root: URL) throws -> CLIRunner.Outcome {
        try CLIRunner.run(arguments, directory: root)
    }

    private func python(_ script: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func cleanDraftPassesAndVagueAttributionFails() throws {
        let root = try repository()
        #expect(try run(["audit", "drafts/clean.md", "--fail-on", "warning"], in: root).status == 0)
        let failing = try run(
            ["audit", "drafts/vague.md", "--fail-on", "warning", "--report", "sarif:out.sarif"], in: root)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("gate failed"))
    }

    @Test(.needsShared("schemas")) func sarifReportValidatesAgainstTheSchema() throws {
        let root = try repository()
        let failing = try run(
            ["audit", "drafts/vague.md", "--fail-on", "warning", "--report", "sarif:out.sarif"], in: root)
        #expect(failing.status == 1)
        let schema = CLIRunner.shared.appendingPathComponent("schemas/sarif-schema-2.1.0.json").path
        let (status, output) = try python(
            """
            import json, sys, jsonschema
            log = json.load(open(sys.argv[1])); schema = json.load(open(sys.argv[2]))
            jsonschema.Draft4Validator(schema).validate(log)
            hits = [r for r in log["runs"][0]["results"] if r["ruleId"] == "unsourced.experts-say"]
            region = hits[0]["locations"][0]["physicalLocation"]["region"]
            print(region["startLine"], region["startColumn"], hits[0]["partialFingerprints"]["candorFingerprint/v1"] != "")
            """, [root.appendingPathComponent("out.sarif").path, schema])
        #expect(status == 0, "\(output)")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "6 1 True")
    }

    @Test func baselineSilencesOldFindingsUntilANewOneAppears() throws {
        let root = try repository()
        #expect(try run(["audit", "drafts/vague.md", "--write-baseline", "base.json"], in: root).status == 0)
        #expect(
            try run(["audit", "drafts/vague.md", "--fail-on", "warning", "--baseline", "base.json"], in: root).status
                == 0)
        // Lines shift above the old finding: it stays recognised.
        let shifted = "Note from the desk.\n\n" + Self.vague
        try shifted.write(to: root.appendingPathComponent("drafts/vague.md"), atomically: true, encoding: .utf8)
        #expect(
            try run(["audit", "drafts/vague.md", "--fail-on", "warning", "--baseline", "base.json"], in: root).status
                == 0)
        try (shifted + "\nThe wallet could potentially double your savings.\n")
            .write(to: root.appendingPathComponent("drafts/vague.md"), atomically: true, encoding: .utf8)
        let again = try run(
            ["audit", "drafts/vague.md", "--fail-on", "warning", "--baseline", "base.json", "--format", "json"],
            in: root)
        #expect(again.status == 1)
        #expect(again.stdout.contains("\"baseline\" : true"))
    }

    @Test func junitHasOneCasePerDocumentAndGitHubLinesFollowTheSyntax() throws {
        let root = try repository()
        let junit = try run(["audit", "drafts", "--fail-on", "warning", "--format", "junit"], in: root)
        #expect(junit.status == 1)
        let (status, output) = try python(
            """
            import sys, xml.etree.ElementTree as ET
            root = ET.fromstring(sys.stdin.read()) if False else ET.fromstring(open(sys.argv[1]).read())
            cases = root.findall(".//testcase")
            print(len(cases), sum(1 for c in cases if c.find("failure") is not None))
            """, [try write(junit.stdout, in: root)])
        #expect(status == 0, "\(output)")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "2 1")
        let github = try run(["audit", "drafts/vague.md", "--format", "github"], in: root)
        let lines = github.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        let syntax =
            #/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$/#
        for line in lines { #expect(line.wholeMatch(of: syntax) != nil, "\(line)") }
        #expect(
            lines.contains {
                $0.hasPrefix("::warning file=drafts/vague.md,line=6,col=1,")
                    && $0.contains("title=unsourced.experts-say")
            })
    }

    /// The README's workflow, read as GitHub would: the permissions SARIF upload needs, and the
    /// action's inputs as the environment its audit step (`Scripts/action.sh`) gets.
    private func readmeWorkflow() throws -> (permissions: String, environment: [String: String]) {
        let (status, output) = try python(
            """
            import json, re, sys, yaml
            readme = open(sys.argv[1]).read()
            block = next(b for b in re.findall(r"```yaml\\n(.*?)```", readme, re.S) if "/candor@" in b)
            workflow = yaml.safe_load(block)
            steps = workflow["jobs"]["audit"]["steps"]
            action = next(s for s in steps if s.get("uses", "").split("@")[0].endswith("/candor"))
            upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
            assert upload["with"]["sarif_file"] == action["with"]["sarif"], "upload the SARIF the action writes"
            env = {"CANDOR_" + k.upper().replace("-", "_"): str(v) for k, v in action["with"].items()}
            print(json.dumps({"permissions": workflow["permissions"]["security-events"], "env": env}))
            """, [CLIRunner.repositoryRoot.appendingPathComponent("README.md").path])
        #expect(status == 0, "\(output)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        return (parsed["permissions"] as? String ?? "", parsed["env"] as? [String: String] ?? [:])
    }

    @Test func readmeWorkflowAndPreCommitHookWork() throws {
        let (permissions, environment) = try readmeWorkflow()
        #expect(permissions == "write", "upload-sarif needs security-events: write")
        let root = try repository()
        #expect(try run(["audit", "drafts", "--write-baseline", ".candor-baseline.json"], in: root).status == 0)
        let action = CLIRunner.repositoryRoot.appendingPathComponent("Scripts/action.sh").path
        let summary = root.appendingPathComponent("summary.md")
        let step = environment.merging(
            ["CANDOR_BINARY": CLIRunner.binary.path, "GITHUB_STEP_SUMMARY": summary.path]) { $1 }
        let ci = try CLIRunner.run(
            [action], environment: step, directory: root, executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(ci.status == 0, "\(ci.stderr)")
        for file in ["candor.sarif", "candor-junit.xml", "summary.md"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path), "\(file)")
        }
        let hooks = try String(
            contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hook = try #require(hooks.split(separator: "\n").first { $0.contains("entry: candor audit") })
        let hookArguments = Array(hook.split(separator: " ").drop { $0 != "candor" }.dropFirst().map(String.init))
        #expect(try run(hookArguments + ["drafts/clean.md", "drafts/vague.md"], in: root).status == 1)
        #expect(try run(hookArguments + ["drafts/clean.md"], in: root).status == 0)
        try (Self.vague + "\nAnalysts are expected to approve it.\n")
            .write(to: root.appendingPathComponent("drafts/vague.md"), atomically: true, encoding: .utf8)
        let failing = try CLIRunner.run(
            [action], environment: step, directory: root, executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("::warning file=drafts/vague.md"))
    }

    @Test func theHooksAuditDraftsNotReadmes() throws {
        let (status, output) = try python(
            """
            import re, sys, yaml
            for hook in yaml.safe_load(open(sys.argv[1])):
                files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
                def audited(path): return bool(files.search(path)) and not exclude.search(path)
                assert all(audited(p) for p in ["drafts/a.md", "site/posts/b.html", "content/c.txt"]), hook["id"]
                assert not any(audited(p) for p in ["README.md", "CHANGELOG.md", "docs/guide.md", "drafts/README.md"])
            print("ok")
            """, [CLIRunner.repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml").path])
        #expect(status == 0 && output.hasPrefix("ok"), "\(output)")
    }

    @Test func configurationErrorsAreLocatedAndOverridesApply() throws {
        let root = try repository()
        try "version: 1\nrules:\n  unsourced: off\nfail-on: warning\n".write(
            to: root.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        #expect(
            try run(["audit", "drafts/vague.md"], in: root).status == 0, "unsourced is off and the config's gate passes"
        )
        try "version: 1\nfail-on: loud\nunknown: 3\n".write(
            to: root.appendingPathComponent(".candor.yml"), atomically: true, encoding: .utf8)
        let broken = try run(["audit", "drafts/clean.md"], in: root)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".candor.yml:3:1: unknown key 'unknown'"))
        #expect(broken.stderr.contains(".candor.yml:2:10: 'fail-on' must be one of info, warning, error"))
    }

    @Test func initWritesAStarterThatLoads() throws {
        let root = try repository()
        try FileManager.default.removeItem(at: root.appendingPathComponent(".candor.yml"))
        #expect(try run(["init"], in: root).status == 0)
        #expect(try run(["init"], in: root).status == 2, "no silent overwrite")
        #expect(try run(["audit", "drafts/clean.md"], in: root).status == 0)
    }

    @Test func diffShowsTheScoreRisingWhenSourcesAreNamed() throws {
        let sample = try String(contentsOfFile: CLIRunner.sample, encoding: .utf8)
        let revised = sample.replacingOccurrences(
            of: "Analysts are expected to raise their forecasts",
            with: "Jane Doe, an analyst at Gartner, said her team will raise its forecast")
        let root = try repository()
        let path = try write(revised, in: root, name: "revised.txt")
        let outcome = try run(["diff", CLIRunner.sample, path, "--format", "json", "--fail-on-regression"], in: root)
        #expect(outcome.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect((json["scoreChange"] as? Int ?? 0) > 0)
        let removed = try #require(json["removed"] as? [[String: Any]])
        #expect(removed.contains { $0["ruleId"] as? String == "unsourced.analysts-expected" })
        let backwards = try run(["diff", path, CLIRunner.sample, "--fail-on-regression"], in: root)
        #expect(backwards.status == 1)
    }

    private func write(_ text: String, in root: URL, name: String = "out-\(UUID().uuidString).xml") throws -> String {
        let file = root.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}
