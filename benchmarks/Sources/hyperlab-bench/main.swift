import Foundation
import HyperLabKit

// hyperlab-bench: HyperLab's training and GEMM benchmarks (see benchmarks/README.md).
// As the product does: OpenBLAS single-threaded, its idle worker threads stopped.
OpenBLASGEMM.useOneThread()
exit(BenchCommand.run(Array(CommandLine.arguments.dropFirst())))
