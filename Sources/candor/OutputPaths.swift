import CandorKit
import Foundation

/// The files a run writes, checked before anything is read or written: two outputs onto one file
/// would keep only the last, and an output onto an input of the same run would replace the article
/// with its report.
enum OutputPaths {
    /// The problem with the run's outputs, if there is one.
    static func conflict(outputs: [(flag: String, path: String)], inputs: [String]) -> String? {
        var seen: [String: String] = [:]
        // Devices and pipes (`/dev/stdout`) may be named by several outputs.
        for (flag, path) in outputs where !ReportWriter.isSpecialFile(path) {
            let key = identity(path)
            if let earlier = seen[key] {
                return "\(path): \(flag) and \(earlier) write the same file; give each output its own path"
            }
            seen[key] = flag
        }
        let inputKeys = Set(inputs.map(identity))
        for (flag, path) in outputs where !ReportWriter.isSpecialFile(path) && inputKeys.contains(identity(path)) {
            return "\(path): \(flag) would overwrite an input of this run; write the report elsewhere"
        }
        return nil
    }

    /// One name for one file: the absolute path with links resolved, as far as the file exists.
    private static func identity(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
