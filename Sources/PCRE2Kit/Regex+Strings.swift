extension Regex {
    /// Whether the pattern matches anywhere in `string`; a convenience for validation, not for hot paths.
    public func matches(_ string: String) -> Bool {
        var copy = string
        return copy.withUTF8 { buffer in
            (try? Matcher().firstMatch(of: self, in: buffer, from: 0)) != nil
        }
    }
}
