import Foundation
import Testing

/// A store that fills its disk part-way through a sweep, through the real binary: the sweep
/// says the store failed (not Ctrl-C), starts no more trials, and the run exits non-zero.
@Suite(.timeLimit(HyperLabBinary.timeLimit),
       .enabled(if: SmallDisk.canMount, "mounting a small tmpfs was refused (it needs root with CAP_SYS_ADMIN)"))
struct StoreFailureCommandLineTests {
    @Test func aFullDiskStopsTheSweepWithTheStoresReasonAndStatus1() throws {
        let disk = try #require(SmallDisk.mount(kilobytes: 300))
        defer { disk.unmount() }
        let store = disk.folder.appendingPathComponent("studies.sqlite").path
        let result = try HyperLabBinary.run([
            "--store", store, "-c",
            "load iris; split train=0.6 dev=0.2 test=0.2 seed=1; sweep random n=2000 lr=log(1e-3, 1e-1) epochs=1",
            "-c", "say not reached",
        ])
        let all = result.output + result.error
        #expect(result.status == 1, "\(all)")
        #expect(result.output.contains("stopped: the store could not be written: cannot record trial"), "\(all)")
        #expect(all.contains("the disk is full"), "\(all)")
        #expect(!all.contains("Ctrl-C"), "\(all)")
        #expect(result.error.contains("could not be stored in") || result.error.contains("its finished trials are stored"),
                "\(result.error)")
        #expect(!result.output.contains("not reached"))
        let done = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("sweep 1 done: ") })
        #expect(!done.hasPrefix("sweep 1 done: 2000 trials"), "the sweep stopped starting trials: \(done)")
    }
}
