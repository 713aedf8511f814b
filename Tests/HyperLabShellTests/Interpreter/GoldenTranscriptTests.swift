import Foundation
import Testing
@testable import HyperLabShell

/// Every script in Golden/ run through the shell, compared byte for byte with its `.out` file.
/// Regenerate after an intended change with `HYPERLAB_UPDATE_GOLDEN=1 swift test --filter Golden`.
@Suite struct GoldenTranscriptTests {
    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Transcript.goldenFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".hlab") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test(arguments: scripts)
    func transcriptMatches(name: String) throws {
        let folder = Transcript.goldenFolder
        let script = try String(contentsOf: folder.appendingPathComponent("\(name).hlab"), encoding: .utf8)
        let actual = try Transcript().type(script)
        let expectedURL = folder.appendingPathComponent("\(name).out")
        if Transcript.updating {
            try actual.write(to: expectedURL, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("""
            \(name): transcript differs from \(name).out at line \(first + 1)
              expected: \(first < e.count ? String(e[first]) : "<end>")
              actual:   \(first < a.count ? String(a[first]) : "<end>")
            (HYPERLAB_UPDATE_GOLDEN=1 swift test --filter Golden regenerates after an intended change)
            """)
        }
    }

    @Test func thereAreGoldenScripts() {
        #expect(Self.scripts.count >= 3)
    }
}
