import Foundation

/// Expands the paths given on the command line into the files to audit, in a stable order.
///
/// `-` stands for standard input. A directory is walked recursively for article extensions, skipping
/// hidden entries; a file named explicitly is audited whatever its extension.
public enum InputCollector {
    public enum Input: Sendable, Equatable {
        case standardInput
        case file(String)
        /// A file found by walking a folder, subject to include and exclude globs.
        case found(String)

        public var path: String? {
            switch self {
            case .standardInput: nil
            case .file(let path), .found(let path): path
            }
        }
    }

    public struct Result: Sendable {
        public var inputs: [Input] = []
        /// Paths that could not be used, with the reason, for the error report.
        public var problems: [InputProblem] = []
    }

    public static func collect(_ paths: [String]) -> Result {
        var result = Result()
        let fileManager = FileManager.default
        for path in paths {
            if path == "-" {
                result.inputs.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                result.problems.append(InputProblem(path: path, message: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                result.inputs.append(.file(path))
                continue
            }
            let found = articles(under: path)
            if found.isEmpty {
                let extensions = DocumentFormat.auditedExtensions.sorted().map { "." + $0 }.joined(separator: ", ")
                result.problems.append(InputProblem(path: path, message: "directory holds no articles (\(extensions))"))
            }
            result.inputs += found.map(Input.found)
        }
        return result
    }

    /// Article files below `directory`, sorted by path, not following symbolic links to directories.
    static func articles(under directory: String) -> [String] {
        let root = URL(fileURLWithPath: directory)
        let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey]
        guard
            let enumerator = FileManager.default.enumerator(
                at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
        else { return [] }
        var files: [String] = []
        for case let url as URL in enumerator {
            guard DocumentFormat.auditedExtensions.contains(url.pathExtension.lowercased()),
                (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true
            else { continue }
            let relative = String(url.path.dropFirst(root.path.count)).trimmingPrefix("/")
            files.append(directory.hasSuffix("/") ? directory + relative : directory + "/" + relative)
        }
        return files.sorted()
    }
}

/// A path that could not be audited, and why.
public struct InputProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

extension String {
    fileprivate func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
