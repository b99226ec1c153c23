import CandorKit
import Foundation

/// Messages for people on standard error, in the `candor: error: ...` form linters use.
enum Console {
    static func error(_ message: String) { write("candor: error: \(message)") }
    static func warning(_ message: String) { write("candor: warning: \(message)") }
    static func note(_ message: String) { write("candor: \(message)") }

    /// Messages quote file names, rule text and YAML: their control characters are shown, not sent.
    private static func write(_ line: String) {
        FileHandle.standardError.write(Data((VisibleText.escape(line) + "\n").utf8))
    }

    /// Whether standard output is a terminal that should get colour (never when NO_COLOR is set).
    static var stdoutWantsColor: Bool {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return !noColor && isatty(STDOUT_FILENO) == 1
    }
}
