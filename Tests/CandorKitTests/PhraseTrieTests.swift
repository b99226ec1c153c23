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
}
