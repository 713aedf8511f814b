import Foundation
import HyperLabKit

// hyperlab-bench: HyperLab's training and GEMM benchmarks (see benchmarks/README.md).
exit(BenchCommand.run(Array(CommandLine.arguments.dropFirst())))
