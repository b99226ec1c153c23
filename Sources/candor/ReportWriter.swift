import Foundation

/// Writes reports so that a failure never leaves a half-written file or destroys the previous one:
/// the text goes to a temporary file beside the target, which is then renamed over it.
enum ReportWriter {
    static func write(_ text: String, to path: String) -> Bool {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return true
        } catch {
            Console.error("\(path): cannot write report: \(error.localizedDescription)")
            return false
        }
    }

    static func standardOutput(_ text: String) -> Bool {
        FileHandle.standardOutput.write(Data(text.utf8))
        return true
    }
}
