import CandorKit
import Foundation

extension BenchRun {
    /// Prints how fast matching, and so the whole run, could be if a prefilter skipped every rule
    /// that finds nothing in a document at no cost: the most that any cheaper way of ruling rules
    /// out could give, with the rules and reports as they are.
    static func headroom(
        files: [String], auditor: Auditor, runs: Int, megabytes: Double, allCores: Double, speedUp: Double
    ) {
        let headroom = MatchHeadroom.measure(files: files, auditor: auditor, runs: runs)
        guard headroom.sameMatches else {
            print("headroom: the bounded run gave other matches than the full one; not reported")
            return
        }
        let full = BenchMath.median(headroom.full.map(\.seconds))
        let bound = BenchMath.median(headroom.bound.map(\.seconds))
        // The one-core time saved, shared over the cores as this run's end to end was.
        let estimate = max(0, allCores - (full - bound) / speedUp)
        print("headroom (each rule run only where it finds something, as a perfect prefilter at no cost would):")
        print(
            String(
                format:
                    "  match       %.3f s against %.3f s as run (%.2fx); rules find something in %d of %d document-rule pairs",
                bound, full, full / bound, headroom.pairsFinding, headroom.pairs))
        print(
            String(
                format:
                    "  end to end  about %.3f s on %d cores, %.1f MB/s (this run's, less the time saved at its %.2fx)",
                estimate, ProcessInfo.processInfo.activeProcessorCount, megabytes / estimate, speedUp))
    }
}
