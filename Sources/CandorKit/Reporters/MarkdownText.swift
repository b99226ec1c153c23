/// The one place where article and rule text becomes Markdown: every character that could start
/// emphasis, code, a link, an HTML tag, a table cell or strikethrough is backslash-escaped, and
/// control and reordering characters are shown (see `VisibleText`; with `newlines` false, line
/// feeds too, for headings).
public enum MarkdownText {
    public static func escape(_ text: String, newlines: Bool = true) -> String {
        var out = ""
        for character in VisibleText.escape(text, newlines: newlines) {
            if "\\`*_[]<>|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
