import Foundation
import HyperLabFuzz
import Testing

/// The fuzz pass of `benchmarks/fuzz.sh`, short: a few thousand mutated lines through the
/// built `hyperlab` binary, none of which may crash or hang it; and the pass's own parts (the
/// generator is deterministic and bounded, a fault is narrowed to its line and the lines it needs).
@Suite(.timeLimit(.minutes(3))) struct FuzzPassTests {
    /// The checkout: its tutorials and golden scripts are what the pass mutates.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func threeThousandMutatedLinesNeitherCrashNorHangTheBinary() throws {
        let binary = try #require(HyperLabBinary.path, Comment(rawValue: HyperLabBinary.missing))
        var settings = FuzzCampaign.Settings(binary: binary, lines: 3_000)
        settings.seed = 20_261_205
        settings.timeout = 60
        let summary = try FuzzCampaign(settings: settings, corpus: try FuzzCorpus(root: Self.root)).run()
        #expect(summary.lines == 3_000 && summary.batches == 6)
        for reproducer in summary.reproducers {
            let script = String(decoding: reproducer.script(seed: settings.seed), as: UTF8.self)
            Issue.record("\(reproducer.verdict): \(script.prefix(2_000))\n\(reproducer.errorTail)")
        }
        #expect(summary.crashes == 0 && summary.hangs == 0)
    }

    @Test func theSameSeedGivesTheSameLinesAndEveryKindOfMutation() throws {
        let mutator = FuzzMutator(corpus: try FuzzCorpus(root: Self.root))
        let batch = FuzzBatch(index: 7, count: 500, seed: 42, mutator: mutator)
        #expect(batch.lines == FuzzBatch(index: 7, count: 500, seed: 42, mutator: mutator).lines)
        #expect(batch.lines != FuzzBatch(index: 7, count: 500, seed: 43, mutator: mutator).lines)
        #expect(batch.lines != FuzzBatch(index: 8, count: 500, seed: 42, mutator: mutator).lines)
        #expect(batch.lines.allSatisfy { !$0.contains(0x0A) && $0.count <= FuzzMutator.maximumLength })
        let texts = batch.lines.map { String(decoding: $0, as: UTF8.self) }
        #expect(batch.lines.contains { String(validating: $0, as: UTF8.self) == nil }, "no invalid UTF-8")
        #expect(batch.lines.contains { $0.contains { $0 < 0x20 && $0 != 0x09 } }, "no control bytes")
        #expect(texts.contains { $0.contains(String(repeating: "[", count: 65)) || $0.contains(String(repeating: "log(", count: 65)) })
        #expect(texts.contains { $0.contains("1e19") || $0.contains("9999999999999999999") || $0.contains("1e-320") })
        #expect(texts.allSatisfy(FuzzCorpus.isAllowed))
    }

    @Test func workIsCappedButValuesOutsideTheirRangeStay() {
        func bounded(_ line: String) -> String { String(decoding: FuzzBudget.bounded(Array(line.utf8)), as: UTF8.self) }
        #expect(bounded("sweep random n=500 lr=log(1e-4, 1) epochs=200") == "sweep random n=3 lr=log(1e-4, 1) epochs=3")
        #expect(bounded("sweep grid units=[8, 4096] epochs=int(1, 50)") == "sweep grid n=3 units=[8, 128] epochs=int(1, 3)")
        #expect(bounded("load moons n=50000") == "load moons n=300")
        #expect(bounded("train epochs=1e19 n=100001") == "train epochs=1e19 n=100001")
        #expect(bounded("compare trial 1 current") == "compare repeats=2 trial 1 current")
        #expect(bounded("reset") == "reset ; set epochs=2 ;")
    }

    /// A stand-in for the binary: a shell script that dies by SIGSEGV on a line holding `boom`
    /// once a line `arm` has been read, and sleeps on a line holding `hang` (by `exec`, so that
    /// killing the one process ends the run: Foundation sees a run end only when every process
    /// holding its descriptors has).
    static func fakeBinary() throws -> String {
        let folder = try HyperLabBinary.temporaryFolder()
        let path = folder.appendingPathComponent("fake-hyperlab").path
        let script = """
            #!/bin/sh
            armed=no
            while IFS= read -r line; do
              case "$line" in
                arm) armed=yes ;;
                *boom*) [ "$armed" = yes ] && kill -SEGV $$ ;;
                *hang*) exec sleep 30 ;;
              esac
            done
            exit 1

            """
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func aCrashIsNarrowedToItsLineAndTheLinesItNeeds() throws {
        let scratch = try HyperLabBinary.temporaryFolder()
        let runner = FuzzRunner(binary: try Self.fakeBinary(), timeout: 5, files: [], scratch: scratch)
        var lines = (0..<40).map { Array("say \"\($0)\"".utf8) }
        lines[11] = Array("arm".utf8)
        lines[25] = Array("load boom".utf8)
        let batch = FuzzBatch(index: 3, prelude: [Array("load iris".utf8)], lines: lines)
        let (verdict, _) = try runner.run(FuzzBatch.script(prelude: batch.prelude, lines: batch.lines))
        #expect(verdict == .crashed("signal 11 (SIGSEGV)"))
        let reproducer = try FuzzReducer(runner: runner).reduce(batch, verdict: verdict)
        #expect(reproducer.lineNumber == 26)
        #expect(reproducer.lines == [Array("arm".utf8), Array("load boom".utf8)])
        let script = String(decoding: reproducer.script(seed: 9), as: UTF8.self)
        #expect(script.contains("seed 9, batch 3, line 26 crashed: signal 11"))
        #expect(script.hasSuffix("arm\nload boom\n"))
    }

    @Test func aHangIsKilledAtTheTimeoutAndNarrowedToItsLine() throws {
        let scratch = try HyperLabBinary.temporaryFolder()
        let runner = FuzzRunner(binary: try Self.fakeBinary(), timeout: 1, files: [], scratch: scratch)
        let lines = ["say \"a\"", "say \"b\"", "plot hang", "say \"c\""].map { Array($0.utf8) }
        let batch = FuzzBatch(index: 0, prelude: [], lines: lines)
        let (verdict, _) = try runner.run(FuzzBatch.script(prelude: [], lines: lines))
        #expect(verdict == .hung)
        let reproducer = try FuzzReducer(runner: runner).reduce(batch, verdict: verdict)
        #expect(reproducer.lines == [Array("plot hang".utf8)] && reproducer.lineNumber == 3)
    }
}
