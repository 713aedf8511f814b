import Foundation
import Testing
@testable import HyperLabShell

/// The README's command reference is the shell's `help` overview, so the two cannot drift apart.
@Suite struct ReadmeReferenceTests {
    @Test func readmeCommandReferenceMatchesHelp() throws {
        let url = ShippedScriptsTests.root.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- help:begin -->\n", end = "<!-- help:end -->"
        let start = try #require(readme.range(of: begin))
        let stop = try #require(readme.range(of: end))
        let block = "```text\n" + Shell.overview() + "```\n"
        if Transcript.updating {
            try (readme[..<start.upperBound] + block + readme[stop.lowerBound...]).write(to: url, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(readme[start.upperBound..<stop.lowerBound]) == block,
                "README's command reference differs from help (HYPERLAB_UPDATE_GOLDEN=1 rewrites it)")
    }
}
