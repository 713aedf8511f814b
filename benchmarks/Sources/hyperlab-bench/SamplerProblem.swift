import Foundation
import HyperLabKit

/// The test functions of the sampler-quality benchmark, with their search spaces and known minima.
///
/// `benchmarks/peers/sampler_functions.py` defines the same functions on the same domains for
/// the Python peers; a change here must be made there too.
struct SamplerProblem: Sendable {
    /// The name used on the command line and in result lines.
    let name: String
    /// The domain, one uniform range per coordinate.
    let space: SearchSpace
    /// The global minimum of `f` on the domain.
    let minimum: Double
    /// Trials per run.
    let budget: Int
    /// The trial counts at which the median regret is reported.
    let checkpoints: [Int]
    /// The function, of the coordinates in the space's order.
    let f: @Sendable ([Double]) -> Double

    /// The function at a trial's parameters (NaN if a coordinate is missing).
    func value(_ p: TrialParameters) -> Double { f(space.names.map { p[$0]?.asReal ?? .nan }) }

    /// Every problem, in report order.
    static let names = ["branin", "hartmann6", "rosenbrock4"]

    /// The problem called `name`, if there is one.
    static func named(_ name: String) throws(BenchError) -> SamplerProblem {
        do {
            switch name {
            case "branin": return try branin()
            case "hartmann6": return try hartmann6()
            case "rosenbrock4": return try rosenbrock4()
            default: throw BenchError.usage("unknown function '\(name)' (\(names.joined(separator: ", ")))")
            }
        } catch let error as BenchError {
            throw error
        } catch {
            throw .usage("cannot build the space of '\(name)': \(error)")
        }
    }

    /// Branin with 50 trials.
    static func branin() throws -> SamplerProblem {
        SamplerProblem(try SamplerTestFunction.branin(), budget: 50, checkpoints: [10, 25, 50])
    }

    /// Hartmann-6 with 100 trials.
    static func hartmann6() throws -> SamplerProblem {
        SamplerProblem(try SamplerTestFunction.hartmann6(), budget: 100, checkpoints: [10, 25, 50, 100])
    }

    /// Rosenbrock-4 with 50 trials.
    static func rosenbrock4() throws -> SamplerProblem {
        SamplerProblem(try SamplerTestFunction.rosenbrock4(), budget: 50, checkpoints: [10, 25, 50])
    }
}

extension SamplerProblem {
    /// A benchmark problem on a Kit test function.
    init(_ function: SamplerTestFunction, budget: Int, checkpoints: [Int]) {
        self.init(name: function.name, space: function.space, minimum: function.minimum, budget: budget,
                  checkpoints: checkpoints, f: function.f)
    }
}
