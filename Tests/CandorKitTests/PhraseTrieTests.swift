import CandorKit
import PCRE2Kit
import Testing

@Suite struct PhraseTrieTests {
    @Test func sharedPrefixesAreFactored() {
        let pattern = PhraseTrie(phrases: ["may be", "may become", "maybe"]).pattern
        #expect(pattern == #"(?<![\w])(?:may(?:\s+be(?:come)?|be))(?![\w])"#)
    }

    @Test func matchesEveryPhraseAsWholeWords() throws {
        let regex = try Regex(PhraseTrie(phrases: ["experts say", "gained traction", "can't promise"]).pattern)
        #expect(regex.matches("Experts  say so"))
        #expect(regex.matches("it gained\ntraction"))
        #expect(regex.matches("we can’t promise"))
        #expect(!regex.matches("the experts sayings"))
        #expect(!regex.matches("regained traction"))
    }

    @Test func regexMetacharactersAreLiteral() throws {
        let regex = try Regex(PhraseTrie(phrases: ["#ad", "(sponsored)"]).pattern)
        #expect(regex.matches("love it #ad"))
        #expect(regex.matches("a (sponsored) post"))
        #expect(!regex.matches("sponsored"))
    }

    @Test func emptyListNeverMatches() throws {
        #expect(!(try Regex(PhraseTrie(phrases: []).pattern)).matches("anything"))
    }

    /// Duplicates and spellings that fold together are written once, a phrase that begins another
    /// makes the rest of its branch optional, and branches are written in the order of their text,
    /// escaped characters and letters beyond ASCII included (the patterns the trie of objects this
    /// replaced wrote, to the byte).
    @Test func branchesAreOrderedAndSharedWhateverTheList() {
        let phrases = [
            "may be", "may become", "maybe", "may be", "may", "it's", "it’s", "so-called", "so called", "#ad", "(ad)",
            "a.b", "café au lait", "CAFÉ", "Zebra", "zebras", "z",
        ]
        #expect(
            PhraseTrie(phrases: phrases).pattern
                == ##"(?<![\w])(?:(?:\#ad|\(ad\)|a\.b|café(?:\s+au\s+lait)?|it['’]s|may(?:\s+be(?:come)?|be)?|so(?:[-‐‑]called|\s+called)|z(?:ebra(?:s)?)?))(?![\w])"##
        )
        #expect(
            PhraseTrie(phrases: ["x", "x y", "x y z", "x  y", "w x", "[tag]", "a|b", "up/down", "q?"]).pattern
                == #"(?<![\w])(?:(?:\[tag\]|a\|b|q\?|up\/down|w\s+x|x(?:\s+y(?:\s+z)?)?))(?![\w])"#)
    }
}
