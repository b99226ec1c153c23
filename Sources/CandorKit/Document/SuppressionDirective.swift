/// An inline comment that silences rules: `<!-- candor-disable TARGET -->` ... `<!-- candor-enable
/// TARGET -->`, or `<!-- candor-disable-next-line TARGET -->`. A target is a rule id or a category;
/// several may be given, separated by spaces or commas; none means every rule.
public struct SuppressionDirective: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case disable = "candor-disable"
        case enable = "candor-enable"
        case disableNextLine = "candor-disable-next-line"
    }

    public let kind: Kind
    public let targets: [String]
    /// The comment's range in the decoded file.
    public let range: Range<Int>

    /// Whether this directive names the rule (by id or category), or names nothing and so covers all.
    public func covers(ruleId: String, category: Category) -> Bool {
        targets.isEmpty || targets.contains(ruleId) || targets.contains(category.rawValue)
    }

    /// Every directive in a decoded file, in order.
    static func scan(_ decoded: [UInt8]) -> [SuppressionDirective] {
        let opener = Array("<!--".utf8)
        let closer = Array("-->".utf8)
        var directives: [SuppressionDirective] = []
        var index = 0
        while let start = decoded.firstRange(of: opener, from: index) {
            guard let end = decoded.firstRange(of: closer, from: start.upperBound) else { break }
            let body = String(decoding: decoded[start.upperBound..<end.lowerBound], as: UTF8.self)
            let words = body.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
            if let first = words.first, let kind = Kind(rawValue: first) {
                directives.append(
                    SuppressionDirective(
                        kind: kind, targets: Array(words.dropFirst()), range: start.lowerBound..<end.upperBound))
            }
            index = end.upperBound
        }
        return directives
    }
}
