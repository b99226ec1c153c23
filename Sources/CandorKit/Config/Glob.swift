import PCRE2Kit

/// Shell-style globs for include and exclude: `*` and `?` stay within a folder, `**` crosses folders.
enum Glob {
    /// The glob as an anchored, case-sensitive pattern over a relative path.
    static func compile(_ pattern: String) -> Regex? {
        try? Regex(expression(pattern), caseSensitive: true)
    }

    static func expression(_ pattern: String) -> String {
        var out = "^"
        var characters = Array(pattern)[...]
        while let character = characters.popFirst() {
            switch character {
            case "*":
                if characters.first == "*" {
                    characters.removeFirst()
                    if characters.first == "/" {
                        characters.removeFirst()
                        out += "(?:.*/)?"
                    } else {
                        out += ".*"
                    }
                } else {
                    out += "[^/]*"
                }
            case "?": out += "[^/]"
            default:
                out += "\\^$.|+()[]{}".contains(character) ? "\\" + String(character) : String(character)
            }
        }
        return out + "$"
    }
}
