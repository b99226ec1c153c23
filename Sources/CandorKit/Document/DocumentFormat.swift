/// The kind of file a document was read from; plain text is the only reader so far.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    case text

    /// The extensions audited when a directory is walked.
    public static let auditedExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]
}
