import ArgumentParser
import XCTest

@testable import candor

/// Lifting a long command line's paths out before parsing must read every line as the plain parse does.
final class PathArgumentsTests: XCTestCase {
    private let paths = (1...80).map { "corpus/article-\($0).txt" }

    func testTheAuditOptionsAreReadFromTheCommand() throws {
        let names = try XCTUnwrap(PathArguments.OptionNames.audit, "the help description could not be read")
        XCTAssertTrue(names.takingValue.isSuperset(of: ["--format", "-o", "--output", "--ruleset", "--jsonl"]))
        XCTAssertTrue(names.flags.isSuperset(of: ["-h", "--help"]))
        let split = try XCTUnwrap(PathArguments.lift(["audit"] + paths, names: names))
        XCTAssertEqual(split.kept, ["audit", paths[0]])
        XCTAssertEqual(split.lifted, Array(paths.dropFirst()))
    }

    func testLongLinesParseAsThePlainParseDoes() throws {
        let lines: [[String]] = [
            ["audit"] + paths,
            ["audit", "--format", "json"] + paths + ["-o", "out.json"] + paths.prefix(3),
            ["audit", "--format=json", "-", "a=b.txt"] + paths + ["--", "--weird", "-", "-o"],
            ["audit", "--output", "-", "--color", "never"] + paths + ["--max-bytes", "100"],
            ["audit"] + paths + [
                "--report", "sarif:x.sarif", "--ruleset", "r", "--ruleset", "s", "--fail-on", "error",
            ],
            ["audit", "--stdin-filename", "draft.md", "--input-format", "markdown", "--"] + paths,
            // Errors, help and lines the lifting leaves whole.
            ["audit", "--jsonl", "stream.jsonl"] + paths,
            ["audit", "--fail-under", "-5"] + paths,
            ["audit", "--fail-under", "120"] + paths,
            ["audit", "-ho"] + paths,
            ["audit", "--unknown"] + paths,
            ["audit", "--help"] + paths,
            ["audit"] + paths + ["--format"],
            ["audit"] + paths + ["--format", "--color", "never"],
            ["audit", "--format", "yaml"] + paths,
            ["audit", "-o=out.json"] + paths,
            ["rules", "list"] + paths,
        ]
        for line in lines {
            XCTAssertGreaterThanOrEqual(line.count, PathArguments.threshold)
            XCTAssertEqual(
                Self.reading { try PathArguments.parseAsRoot(line) }, Self.reading { try Candor.parseAsRoot(line) },
                line.prefix(6).joined(separator: " "))
        }
    }

    /// What a parse gives: the command's every stored value, or its error's message and exit code.
    private static func reading(_ parse: () throws -> ParsableCommand) -> String {
        do {
            var text = ""
            dump(try parse(), to: &text)
            return text
        } catch {
            return "\(Candor.exitCode(for: error).rawValue): \(Candor.fullMessage(for: error))"
        }
    }
}
