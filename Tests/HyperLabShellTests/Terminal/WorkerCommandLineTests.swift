import Foundation
import Testing

/// Scale-out through the real binary: a shell queues a study in PostgreSQL, two worker processes
/// run it, and the shell reports every trial. Runs when `./test` (or CI) started a test server.
@Suite(.timeLimit(HyperLabBinary.timeLimit),
       .enabled(if: ProcessInfo.processInfo.environment["HYPERLAB_TEST_POSTGRES_URL"] != nil,
                "needs HYPERLAB_TEST_POSTGRES_URL (./test starts a server)"))
struct WorkerCommandLineTests {
    @Test func twoWorkersCompleteAQueuedStudy() throws {
        guard let url = ProcessInfo.processInfo.environment["HYPERLAB_TEST_POSTGRES_URL"] else { return }
        let folder = try HyperLabBinary.temporaryFolder()
        let name = "queued-\(UUID().uuidString.prefix(8))"
        let script = "load iris; split train=0.6 dev=0.2 test=0.2 seed=1; sweep random n=8 lr=log(1e-3, 1e-1) epochs=5 workers=external name=\(name)"
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var shellResult: HyperLabBinary.Result?
        let thread = Thread {
            shellResult = try? HyperLabBinary.run(["--store", url, "-c", script], directory: folder)
            finished.signal()
        }
        thread.start()
        Thread.sleep(forTimeInterval: 2)
        let first = try HyperLabBinary.run(["worker", "--store", url, "--study", name], directory: folder)
        let second = try HyperLabBinary.run(["worker", "--store", url, "--study", name], directory: folder)
        #expect(first.status == 0, "\(first.error)")
        #expect(second.status == 0, "\(second.error)")
        finished.wait()
        let result = try #require(shellResult)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\(name) done: 8 trials · 8 complete"), "\(result.output)")
        let ran = (first.output + second.output).split(separator: "\n").filter { $0.hasPrefix("worker: trial") }
        #expect(ran.count == 8)
    }

    /// `metric=[dev_acc, parameters]` on workers: they compute the cost metric as the shell does,
    /// so the queued study's front is the one a local sweep finds.
    @Test func aMultiObjectiveStudyOnWorkersFindsTheLocalFront() throws {
        guard let url = ProcessInfo.processInfo.environment["HYPERLAB_TEST_POSTGRES_URL"] else { return }
        let folder = try HyperLabBinary.temporaryFolder()
        let name = "front-\(UUID().uuidString.prefix(8))"
        let sweep = "load iris; split train=0.6 dev=0.2 test=0.2 seed=1; model mlp hidden=[4]; "
            + "sweep random n=8 units=int(2, 24) lr=log(1e-3, 1e-1) metric=[dev_acc, parameters] epochs=4 seed=2"
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var shellResult: HyperLabBinary.Result?
        let thread = Thread {
            shellResult = try? HyperLabBinary.run(["--store", url, "-c", sweep + " workers=external name=\(name)"], directory: folder)
            finished.signal()
        }
        thread.start()
        Thread.sleep(forTimeInterval: 2)
        let worker = try HyperLabBinary.run(["worker", "--store", url, "--study", name], directory: folder)
        #expect(worker.status == 0, "\(worker.error)")
        finished.wait()
        let queued = try #require(shellResult)
        #expect(queued.status == 0, "\(queued.error)")
        let local = try HyperLabBinary.run(["--store", "memory", "-c", sweep], directory: folder)
        func front(_ output: String) -> [Substring] {
            Array(output.split(separator: "\n").drop { !$0.hasPrefix("pareto front of dev_acc and parameters") })
        }
        #expect(!front(local.output).isEmpty, "\(local.output)")
        #expect(front(queued.output) == front(local.output), "\(queued.output)")
    }

    @Test func workerNeedsAPostgreSQLStore() throws {
        let result = try HyperLabBinary.run(["worker", "--store", "studies.sqlite"])
        #expect(result.status != 0)
        #expect((result.error + result.output).contains("postgresql://"))
    }
}
