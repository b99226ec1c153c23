import Foundation

extension Document {
    /// What is read off a document's text once: its lines, sentences, words, attributed quotations
    /// and web addresses. Each reads the text alone, so a large text has them read side by side on
    /// all cores; a small one in turn, where starting threads would cost more than it saves.
    struct Analysis {
        let lines: LineTable
        let sentences: [Range<Int>]
        let wordCount: Int
        let quotations: [Range<Int>]
        let addresses: [Range<Int>]

        static let sideBySideFrom = 1 << 20

        init(decoded: [UInt8], text: [UInt8]) {
            guard text.count >= Self.sideBySideFrom, ProcessInfo.processInfo.activeProcessorCount > 1 else {
                lines = LineTable(bytes: decoded)
                sentences = SentenceSplitter.split(text)
                wordCount = WordCounter.count(text)
                quotations = QuotationFinder.attributedQuotations(in: text)
                addresses = URLFinder.ranges(in: text)
                return
            }
            let lines = Slots<LineTable>(count: 1, initial: LineTable(bytes: []))
            let ranges = Slots<[Range<Int>]>(count: 3, initial: [])
            let words = Slots<Int>(count: 1, initial: 0)
            DispatchQueue.concurrentPerform(iterations: 5) { task in
                switch task {
                case 0: lines[0] = LineTable(bytes: decoded)
                case 1: ranges[0] = SentenceSplitter.split(text)
                case 2: words[0] = WordCounter.count(text)
                case 3: ranges[1] = QuotationFinder.attributedQuotations(in: text)
                default: ranges[2] = URLFinder.ranges(in: text)
                }
            }
            self.lines = lines.values[0]
            (sentences, quotations, addresses) = (ranges.values[0], ranges.values[1], ranges.values[2])
            wordCount = words.values[0]
        }
    }
}
