import CandorTestSupport
import Foundation
import Testing

/// Runs the real `candor` binary built beside the test bundle, as a user would.
enum CLIRunner {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared = SharedData.directory
    /// The sample article that ships in the repository.
    static let sample = SharedData.projectSample.path

    static var binary: URL {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = testBundle.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("candor").path),
            folder.path != "/"
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("candor")
    }

    /// Runs as `run` does, but as root drops the capabilities that let it read any file
    /// (`setpriv`, util-linux), so a file's permissions apply as they would to a writer.
    static func runUnprivileged(_ arguments: [String]) throws -> Outcome {
        guard geteuid() == 0 else { return try run(arguments) }
        return try run(
            ["--bounding-set=-dac_override,-dac_read_search", binary.path] + arguments,
            executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
    }

    static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: URL? = nil,
        executable: URL? = nil
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data((stdin ?? "").utf8))
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting so a large report cannot fill a pipe and block the child.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes a one-rule pack to a temporary folder and returns the folder; `extra` lines of YAML
    /// (indented as the rule's keys) follow the pattern.
    static func pack(rule id: String, category: String, pattern: String, extra: String = "") throws -> String {
        let folder = try Scratch.folder("cli").appendingPathComponent("user")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let yaml = """
            rules:
              - id: \(id)
                category: \(category)
                severity: warning
                weight: 1
                message: Test rule.
                rationale: For tests.
                suggestion: None.
                pattern: '\(pattern)'
            \(extra)
            """
        try yaml.write(to: folder.appendingPathComponent("rules.yml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    static func temporaryFile(_ contents: String, name: String = "article.txt") throws -> String {
        let file = try Scratch.folder("cli").appendingPathComponent(name)
        try contents.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test or suite only where `../shared/<relative>` is at hand (see `SharedData.has`).
    static func needsShared(_ relative: String) -> Self {
        .enabled(if: SharedData.has(relative), Comment(rawValue: SharedData.missing(relative)))
    }
}
