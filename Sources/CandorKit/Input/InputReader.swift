import Foundation

/// Reads one input into a `Document`, or explains why it cannot be audited.
public enum InputReader {
    /// The display name used for standard input.
    public static let standardInputName = "<stdin>"

    public static func read(_ input: InputCollector.Input) -> Swift.Result<Document, InputProblem> {
        let path: String
        let data: Data
        switch input {
        case .standardInput:
            path = standardInputName
            data = FileHandle.standardInput.readDataToEndOfFile()
        case .file(let file):
            path = file
            guard FileManager.default.isReadableFile(atPath: file),
                let contents = FileManager.default.contents(atPath: file)
            else {
                return .failure(InputProblem(path: file, message: "cannot read file (permission denied or not a file)"))
            }
            data = contents
        }
        let bytes = [UInt8](data)
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(InputProblem(path: path, message: "binary file (NUL byte at offset \(nul)); skipped"))
        }
        return .success(Document(path: path, bytes: bytes))
    }
}
