/// The one place where article and rule text becomes Markdown: every character that could start
/// emphasis, code, a link, an HTML tag, a table cell or strikethrough is backslash-escaped.
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
