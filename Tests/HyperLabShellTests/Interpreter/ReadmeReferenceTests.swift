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

    /// The README's tour, run command by command in one shell on the tour's own data: every
    /// command works, and every output line the tour shows is printed as shown.
    @Test func readmeTourRunsAsShown() throws {
        let url = ShippedScriptsTests.root.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let tour = try #require(readme.range(of: "## A two-minute tour"))
        let end = try #require(readme.range(of: "### Honest evaluation"))
        let text = readme[tour.upperBound..<end.lowerBound]
        let blocks = text.components(separatedBy: "```text\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        #expect(blocks.count == 2, "the tour and its sweeps")
        let t = try Transcript(echo: false)
        for block in blocks {
            var expected: [String] = []
            var output = ""
            func check() {
                let printed = Set(output.split(separator: "\n").map(String.init))
                for line in expected { #expect(printed.contains(line), "README shows \"\(line)\"; the shell printed:\n\(output)") }
                expected = []
            }
            for line in block.split(separator: "\n").map(String.init) {
                if line.hasPrefix("hyperlab> ") {
                    check()
                    let command = String(line.dropFirst("hyperlab> ".count))
                    if command == "quit" { break }
                    let before = t.output.text.count
                    #expect(t.shell.run(command) == .completed, "\(command): \(t.output.text.dropFirst(before))")
                    output = String(t.output.text.dropFirst(before))
                } else if !line.hasPrefix("$ ") {
                    expected.append(line)
                }
            }
            check()
        }
    }
}
