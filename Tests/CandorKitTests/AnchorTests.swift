import Testing

@testable import CandorKit

@Suite struct AnchorTests {
    @Test func plainShapesGiveTheirLeadingWords() {
        #expect(AnchorDeriver.anchors(for: #"\b(?:may|might|could)\s+become"#) == ["could", "may", "might"])
        #expect(AnchorDeriver.anchors(for: #"\banalysts\s+(?:are|were)"#) == ["analysts"])
        #expect(AnchorDeriver.anchors(for: #"\bgain(?:ed|s)?\s+x|\bpick(?:ed)?\s+up"#) == ["gain", "pick"])
        #expect(AnchorDeriver.anchors(for: #"(?m)^[ \t]*disclaimers?"#) == ["disclaimer"])
        #expect(AnchorDeriver.anchors(for: #"(?<!the\s)\bmost\s+\w+"#) == ["most"])
        #expect(
            AnchorDeriver.anchors(for: #"\b(?:(?:some|many)\s+)?(?:experts|analysts)\s+say"#) == [
                "analysts", "experts",
            ],
            "an optional run of words before the anchor")
        #expect(AnchorDeriver.anchors(for: #"\b(?:\w+ly\s+)?likely\s+to"#) == ["likely"])
        #expect(
            AnchorDeriver.anchors(for: #"\b(?:ab[)]c|might)\s+be"#) == ["ab", "might"],
            "a parenthesis inside a class does not close the group")
    }

    @Test func matchesStartAtTheAnchorUnlessOptionalWordsComeFirst() {
        #expect(AnchorDeriver.matchesStartAtAnchors(#"\b(?:may|might)\s+become"#))
        #expect(AnchorDeriver.matchesStartAtAnchors(#"(?m)^[ \t]*disclaimers?"#))
        #expect(!AnchorDeriver.matchesStartAtAnchors(#"\b(?:(?:some|many)\s+)?experts\s+say"#))
    }

    @Test func startWordsCountTheOptionalWordsAMatchCanBeginWith() {
        #expect(
            AnchorDeriver.startWords(for: #"\b(?:(?:some|many)\s+)?(?:experts|analysts)\s+say"#) == [
                "analysts", "experts", "many", "some",
            ])
        #expect(AnchorDeriver.startWords(for: #"\b(?:the\s+)?(?:crypto|tech)\s+world"#) == ["crypto", "tech", "the"])
        #expect(AnchorDeriver.startWords(for: #"\b(?:may|might)\s+become|\bit\s+is"#) == ["it", "may", "might"])
        #expect(
            AnchorDeriver.startWords(for: #"\b(?:\w+ly\s+)?likely\s+to"#) == nil,
            "an optional word that is not literal could begin a match anywhere")
        #expect(AnchorDeriver.startWords(for: #"\b[A-Z]\w+\s+said"#) == nil)
    }

    @Test func anythingElseIsNotAnchored() {
        #expect(AnchorDeriver.anchors(for: #"\b[A-Z]\w+\s+said"#) == nil)
        #expect(AnchorDeriver.anchors(for: #"(?:very\s+)?good"#) == nil)
        #expect(AnchorDeriver.anchors(for: #"\b(?:very)?good"#) == nil, "the optional word is not followed by space")
        #expect(AnchorDeriver.anchors(for: #"\bmay\b|\d+%"#) == nil)
        #expect(AnchorDeriver.anchors(for: #"\ba\s+b"#) == nil)
        #expect(AnchorDeriver.anchors(for: #"\b(?:is|are)\s+said"#) == nil, "too common to help")
        #expect(AnchorDeriver.anchors(for: #"(?:may|might)\s+be"#) == nil, "no word boundary before the anchor")
    }

    @Test func listAnchorsOfCoreRules() {
        var anchored = 0
        var total = 0
        for rule in TestSupport.core.ruleset.rules {
            guard case .span(let span) = rule.kind, span.phrases == nil else { continue }
            total += 1
            if AnchorDeriver.anchors(for: span.regex.pattern) != nil { anchored += 1 }
        }
        print("anchored pattern rules: \(anchored) of \(total)")
        #expect(anchored > 0)
    }

    /// Alternatives are split only at bars outside groups, escapes and classes, whatever the letters
    /// around them: an escaped letter beyond ASCII is one escape, and a bar after it still splits.
    @Test func alternativesSplitOnlyAtTopLevelBars() {
        let split = { (pattern: String) in AnchorDeriver.split(Substring(pattern), on: "|").map(String.init) }
        #expect(split(#"a|b(?:c|d)|e"#) == ["a", "b(?:c|d)", "e"])
        #expect(split(#"x\|y|[|(]z|\(w"#) == [#"x\|y"#, "[|(]z", #"\(w"#])
        #expect(split(#"\é|é(?:ü|\))|ß"#) == [#"\é"#, #"é(?:ü|\))"#, "ß"])
        #expect(split("") == [""])
    }
}
