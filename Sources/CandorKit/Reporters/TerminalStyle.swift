/// ANSI styling for the terminal report; every method returns its input untouched when colour is off.
struct TerminalStyle {
    let enabled: Bool

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func highlight(_ text: String) -> String { wrap(text, "1;4") }

    func color(_ text: String, for category: Category) -> String {
        let codes: [Category: String] = [
            .hedging: "33", .unsourced: "31", .socialProof: "35", .puffery: "36", .disclaimer: "34", .bias: "91",
            .sponsorship: "93", .transparency: "32",
        ]
        return wrap(text, codes[category] ?? "0")
    }

    func score(_ text: String, _ value: Int) -> String {
        wrap(text, value >= 70 ? "1;32" : value >= 45 ? "1;33" : "1;31")
    }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// Pads with spaces to `width` characters, counting characters rather than bytes.
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Pads on the left, for right-aligned numbers.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
