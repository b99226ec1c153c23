/// The one place text from articles, rules and file names is made safe for a terminal and for text
/// formats people read: control characters (C0 but tab and line feed, DEL, C1) are shown as `\x1b`
/// and the like, and the characters that reorder text (bidi overrides and isolates, marks) as
/// `<U+202E>`, never written raw. A raw ESC could move the cursor, retitle the window or hide text;
/// a raw U+202E makes a line read in another order than it is written.
public enum VisibleText {
    /// `text` with every such character shown; line feeds kept unless `newlines` is false (a file
    /// name or a heading, where one would break the line), then shown as `\n`.
    public static func escape(_ text: String, newlines: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, newlines: newlines) }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, newlines: newlines) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0..<0x20, 0x7F: out += "\\x" + hex(scalar.value, digits: 2, uppercase: false)
            default: out += "<U+" + hex(scalar.value, digits: 4, uppercase: true) + ">"
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar, newlines: Bool) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !newlines
        case 0..<0x20, 0x7F, 0x80..<0xA0: true
        // Marks and embeddings, overrides and isolates that reorder the text around them.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func hex(_ value: UInt32, digits: Int, uppercase: Bool) -> String {
        let text = String(value, radix: 16, uppercase: uppercase)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
