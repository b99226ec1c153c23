import ArgumentParser
import CBuildInfo
import CandorKit
import Foundation

@main
struct Candor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candor",
        abstract: "Audit articles for credibility and transparency.",
        discussion: """
            Exit codes: 0 success; 1 a gate failed (--fail-under); 2 usage, configuration or input error \
            (readable inputs are still audited and reported).
            """,
        version: CandorVersionInfo.version,
        subcommands: [Audit.self, Rules.self, Explain.self, Eval.self, Diff.self, Init.self, Bench.self],
        defaultSubcommand: nil
    )

    /// Runs the command, mapping argument errors to exit code 2 as documented.
    static func main() {
        do {
            var command = try PathArguments.parseAsRoot(Array(CommandLine.arguments.dropFirst()))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? ExitStatus.inputError.rawValue : code.rawValue)
        }
    }
}

/// The documented exit codes.
enum ExitStatus: Int32 {
    case success = 0
    case gateFailed = 1
    case inputError = 2
}

enum CandorVersionInfo {
    /// The release and the commit it was built from (`make` records it; "unknown" otherwise).
    static let version = "\(CandorVersion.current) (commit \(String(cString: candor_build_commit())))"
}
