import Foundation
import Testing

/// The same script prints the same bytes whatever the environment says about BLAS kernels:
/// HyperLab's matrix products are its own, and nothing reads `OPENBLAS_CORETYPE` or
/// `OPENBLAS_L2_SIZE` (before the deterministic kernel, each setting gave other trials).
@Suite struct KernelEnvironmentTests {
    static let script = """
        load digits; split train=0.6 dev=0.2 test=0.2 seed=1; model mlp hidden=[48, 24] dropout=0.1
        sweep tpe n=6 lr=log(1e-3, 1e-1) units=intlog(16, 64) epochs=3 seed=2 parallel=2
        use best; train epochs=4; evaluate test
        """

    @Test func everyKernelSettingPrintsTheSameBytes() throws {
        let unset = try HyperLabBinary.run(["--store", "memory", "-c", Self.script],
                                           removing: ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"])
        #expect(unset.status == 0, "\(unset.error)")
        #expect(unset.output.contains("test_acc"))
        for coreType in ["Haswell", "SkylakeX", "Sandybridge", "Zen"] {
            let run = try HyperLabBinary.run(["--store", "memory", "-c", Self.script],
                                             environment: ["OPENBLAS_CORETYPE": coreType, "OPENBLAS_L2_SIZE": "512"])
            #expect(run.output == unset.output, "OPENBLAS_CORETYPE=\(coreType) changed the output")
        }
    }
}
