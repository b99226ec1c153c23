import Foundation

/// Inline SVG charts: the score gauge, the breakdown bars and the score histogram.
enum HTMLCharts {
    static func gauge(score: Int, grade: String) -> String {
        let radius = 70.0
        let length = Double.pi * radius
        let filled = length * Double(score) / 100
        let colour = score >= 70 ? "#1e6b2c" : score >= 45 ? "#8a6d00" : "#a3271b"
        return """
            <svg class="gauge" role="img" aria-label="Transparency score \(score) out of 100, grade \(HTMLText.escape(grade))" width="180" height="110" viewBox="0 0 180 110">
            <path d="M20,95 A70,70 0 0 1 160,95" fill="none" stroke="#ddd" stroke-width="16"/>
            <path d="M20,95 A70,70 0 0 1 160,95" fill="none" stroke="\(colour)" stroke-width="16" stroke-dasharray="\(format(filled)) \(format(length))"/>
            <text x="90" y="80" text-anchor="middle" font-size="30" font-weight="bold" fill="#1b1b1b" class="score-value">\(score)</text>
            <text x="90" y="102" text-anchor="middle" font-size="13" fill="#4a4a4a">grade \(HTMLText.escape(grade)) · of 100</text>
            </svg>
            """
    }

    /// One bar per breakdown line, negative to the left of the axis and positive to the right.
    static func breakdown(_ lines: [BreakdownLine]) -> String {
        let rowHeight = 24
        let height = rowHeight * max(lines.count, 1) + 10
        let scale = 200.0 / Double(max(lines.map { abs($0.points) }.max() ?? 1, 1))
        var bars = ""
        for (index, line) in lines.enumerated() {
            let y = index * rowHeight + 5
            let width = Double(abs(line.points)) * scale
            let x = line.points < 0 ? 500 - width : 500
            let colour = line.points < 0 ? "#a3271b" : "#1e6b2c"
            let label = Self.label(line)
            let points = (line.points > 0 ? "+" : "") + String(line.points)
            bars += """
                <text x="10" y="\(y + 16)" font-size="12" fill="#1b1b1b">\(HTMLText.escape(String(label.prefix(42))))</text>
                <rect x="\(format(x))" y="\(y + 4)" width="\(format(max(width, 1)))" height="16" fill="\(colour)"/>
                <text class="points" data-points="\(line.points)" x="\(line.points < 0 ? format(x - 4) : format(x + width + 4))" y="\(y + 16)" font-size="12" text-anchor="\(line.points < 0 ? "end" : "start")" fill="#1b1b1b">\(points)</text>

                """
        }
        return """
            <svg class="breakdown-chart" role="img" aria-label="Score breakdown: points per category" width="760" height="\(height)" viewBox="0 0 760 \(height)">
            <line x1="500" y1="0" x2="500" y2="\(height)" stroke="#888"/>
            \(bars)</svg>
            """
    }

    /// The category, and for a document check the rule's short name ("sponsorship: missing-disclosure").
    static func label(_ line: BreakdownLine) -> String {
        guard let open = line.reason.lastIndex(of: "["), line.reason.hasSuffix("]") else {
            return line.category + (line.reason.contains("signal") ? " signals" : "")
        }
        let rule = line.reason[line.reason.index(after: open)..<line.reason.index(before: line.reason.endIndex)]
        return line.category + ": " + (rule.split(separator: ".").last.map(String.init) ?? String(rule))
    }

    /// Documents per ten-point score band.
    static func histogram(_ scores: [Int]) -> String {
        var bins = [Int](repeating: 0, count: 10)
        for score in scores { bins[min(score / 10, 9)] += 1 }
        let tallest = Double(max(bins.max() ?? 1, 1))
        var bars = ""
        for (index, count) in bins.enumerated() {
            let height = 120.0 * Double(count) / tallest
            let x = 30 + index * 50
            bars += """
                <rect x="\(x)" y="\(format(140 - height))" width="40" height="\(format(height))" fill="#0b5e80"><title>\(index * 10)-\(index == 9 ? 100 : index * 10 + 9): \(count)</title></rect>
                <text x="\(x + 20)" y="\(format(136 - height))" text-anchor="middle" font-size="11">\(count)</text>
                <text x="\(x + 20)" y="156" text-anchor="middle" font-size="11">\(index * 10)</text>

                """
        }
        return """
            <svg class="histogram" role="img" aria-label="Histogram of document scores" width="540" height="165" viewBox="0 0 540 165">
            \(bars)</svg>
            """
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
