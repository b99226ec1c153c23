import Foundation
import Testing

@testable import CandorKit

/// How far back from one of its words a match can begin: counted from the pattern, then found in the text.
@Suite struct SpaceRunsTests {
    @Test func patternsCountTheRunsOfWhiteSpaceTheirMatchesCanHold() {
        #expect(SpaceRuns.most(in: #"\b[A-Z]\w+(?:\s+[A-Z]\w+){0,3}\s+said\b"#) == 4)
        #expect(SpaceRuns.most(in: #"a(?:\h+|\h*\r?\n\h*)b"#) == 1, "white space side by side is one run")
        #expect(SpaceRuns.most(in: #"\bsaid\b"#) == 0)
        #expect(SpaceRuns.most(in: #"[\p{L}'’-]+,[ \t]+x"#) == 1)
        #expect(SpaceRuns.most(in: #"a.b"#) == 1, "a dot may take a space")
        #expect(SpaceRuns.most(in: #"a[^.]{0,80}b"#) == 80)
        #expect(SpaceRuns.most(in: #"a[ -~]b"#) == 1, "a range over the space")
        #expect(SpaceRuns.most(in: #"a[!-~]b"#) == 0, "a range above it")
        #expect(SpaceRuns.most(in: #"a\p{Zs}b\pLc"#) == 1)
        #expect(SpaceRuns.most(in: #"a[[:alpha:]]b[[:space:]]c"#) == 1)
        #expect(SpaceRuns.most(in: "a\u{00A0}b") == 1, "a literal no-break space")
        #expect(SpaceRuns.most(in: #"(?!a b c)x\s+y(?<=x y)"#) == 1, "negative lookarounds read no match text")
        #expect(SpaceRuns.most(in: #"x\s+y(?=[^.]{0,5}\bsaid)"#) == 1, "a lookahead's words are not searched from")
        #expect(SpaceRuns.most(in: #"a.*b"#) == nil)
        #expect(SpaceRuns.most(in: #"(a b)\1"#) == nil, "a back reference")
        #expect(SpaceRuns.most(in: #"(?x) a b"#) == nil)
    }

    /// The tracker, reading forward between words and walking back over long gaps, against a plain
    /// walk back from every word, over text with runs of ASCII and other white space.
    @Test func theTrackerFindsWhatAWalkBackFinds() {
        var generator = SeededGenerator(seed: 6)
        let pieces = ["word", "é", " ", "  ", "\n", "\u{00A0}", "\u{3000}", "x", "\t \n", "—"]
        for _ in 0..<200 {
            let text = Array(
                (0..<Int.random(in: 1...120, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined().utf8)
            let boundaries = text.indices.filter { text[$0] & 0xC0 != 0x80 }
            let offsets = boundaries.filter { _ in Bool.random(using: &generator) }
            for runs in [0, 1, 2, 5] {
                var tracker = SpaceRuns.Tracker(runs: runs)
                text.withUnsafeBufferPointer { buffer in
                    for offset in offsets {
                        #expect(
                            tracker.earliestStart(before: offset, in: buffer)
                                == Self.walkBack(from: offset, runs: runs, in: text),
                            "\(String(decoding: text, as: UTF8.self).debugDescription) at \(offset), \(runs) runs")
                    }
                }
            }
        }
    }

    /// Just after the run of white space before the last `runs` runs that end at or before `offset`.
    private static func walkBack(from offset: Int, runs: Int, in text: [UInt8]) -> Int {
        let scalars = String(decoding: text[..<offset], as: UTF8.self).unicodeScalars
        var position = offset
        var seen = 0
        var previousWasSpace = false
        for scalar in scalars.reversed() {
            let isSpace = SpaceRuns.isSpace(scalar.value)
            if isSpace && !previousWasSpace {
                if seen == runs { return position }
                seen += 1
            }
            previousWasSpace = isSpace
            position -= scalar.utf8.count
        }
        return 0
    }

    /// A named speaker before "said", three runs of no-break spaces and a line break back, is found
    /// by a search that starts no more than three runs back, as a scan of the whole text finds it;
    /// figures whose lookahead looks for "said" are scanned for whole, and all of them found.
    @Test func shortReachesFindEveryMatch() throws {
        let yaml =
            "rules:\n"
            + TestSupport.ruleYAML("figure", #"pattern: '\d+%(?=[^.]{0,40}\b(?:said|says)\b)'"#)
            + TestSupport.ruleYAML(
                "speaker", "caseSensitive: true\n    " + #"pattern: '\b[A-Z]\w+(?:\s+[A-Z]\w+){0,2}\s+said\b'"#)
        let pack = try TestSupport.loadPack(yaml, trusted: true)
        let index = try #require(PhraseIndex(rules: pack.ruleset.rules))
        #expect(index.gatedRules == [1])
        #expect(index.mostSpaceRuns == [nil, 3])
        let text =
            String(repeating: "Sales rose by some way over the long year. ", count: 20)
            + "Up 5% and 6% and 7% last year, Acme said. Then Jane\u{00A0}Quinn\u{00A0}Doe\nsaid it again; "
            + String(repeating: "nobody said so, and they said it twice. ", count: 10) + "Costs rose 9%, Bob says."
        let document = Document(path: "a.txt", bytes: Array(text.utf8))
        let shared = Auditor(ruleset: pack.ruleset).audit(document).findings.map(\.text)
        #expect(shared == ["5%", "6%", "7%", "Acme said", "Jane\u{00A0}Quinn\u{00A0}Doe\nsaid", "9%"])
        let separate = Auditor(ruleset: pack.ruleset, sharedPhrasePass: false).audit(document).findings.map(\.text)
        #expect(shared == separate)
    }

    /// Only the items before the required word bound how far back a search starts: what follows may
    /// run on without limit.
    @Test func theRunsBeforeTheRequiredWordBoundTheReach() throws {
        let tail = #"\b[A-Z]\w+\s+(?:said|says)\s+(?:\w+\s+)*"#
        #expect(try #require(RequiredWords.analysis(of: tail)).spaceRuns == 1)
        #expect(SpaceRuns.most(in: tail) == nil)
        let twoWays = #"\b(?:\w+\s+){0,3}claims?\b|\bwidely\s+\w+\s+reported"#
        #expect(try #require(RequiredWords.analysis(of: twoWays)).spaceRuns == 3)
        #expect(try #require(RequiredWords.analysis(of: #"\b(?:\w+\s+)*said"#)).spaceRuns == nil)
    }

    @Test func requiredWordsCountRareConsonantPairs() {
        #expect(RequiredWords.words(for: #"\b(?:chief|MP)\b"#) == ["chief", "mp"])
        #expect(RequiredWords.isRare("mp"))
        #expect(!RequiredWords.isRare("th"), "begins many words")
        #expect(!RequiredWords.isRare("on"), "has a vowel")
    }
}
