import Foundation
import HyperLabKit

/// Sampler quality: the simple regret (best value found − known minimum) of HyperLab's samplers
/// on the test functions of `SamplerProblem`, over several sweep seeds.
///
/// With `lag` above 0 each run goes through the product path, `Study.run(parallel: 1)` of a
/// study with that lag, where trial n sees the finished trials below n − lag and treats
/// the others as pending. With `lag` 0 the same sampler is called directly with every earlier
/// trial finished and none pending (the plain sequential loop of Optuna and hyperopt), using the
/// study's own per-trial generators, to show what the lag costs.
enum SamplerQuality {
    /// A HyperLab sampler under test.
    struct Entry {
        /// The name on the command line, a `SamplerKind` (`random`, `sobol`, `tpe`, `bayes`, `cmaes`).
        let name: String
        /// The sampler.
        let sampler: any Sampler

        /// Its name in the result lines at `lag`: `hyperlab_tpe` at the product's lag (and for a
        /// sampler that reads no history), `hyperlab_tpe_lag0` at another.
        func label(lag: Int) -> String {
            "hyperlab_\(name)" + (sampler.usesHistory && lag != Study.defaultLag ? "_lag\(lag)" : "")
        }
    }

    /// The samplers `names`: the kinds of `SamplerKind` that need no grid or base configuration.
    static func entries(_ names: [String]) throws(BenchError) -> [Entry] {
        let kinds = SamplerKind.allCases.filter { $0 != .grid && $0 != .around }
        var result: [Entry] = []
        for name in names {
            guard let kind = SamplerKind(rawValue: name), kinds.contains(kind) else {
                throw .usage("unknown sampler '\(name)' (\(kinds.map(\.rawValue).joined(separator: ", ")))")
            }
            do {
                result.append(Entry(name: name, sampler: try kind.sampler(space: SearchSpace([]), baseline: nil)))
            } catch {
                throw .usage("\(name): \(error.message)")
            }
        }
        return result
    }

    /// Best-so-far regret after each trial of one run of `sampler` on `problem` with sweep `seed`.
    static func regrets(_ sampler: any Sampler, _ problem: SamplerProblem, seed: UInt64, lag: Int) -> [Double] {
        let values: [Double]
        if lag > 0 {
            let study = Study(space: problem.space, sampler: sampler, direction: .minimize, seed: seed,
                              trials: problem.budget, lag: lag)
            let report = study.run(parallel: 1) { trial in TrialOutcome(value: problem.value(trial.parameters)) }
            values = report.trials.sorted { $0.number < $1.number }.map { $0.value ?? .infinity }
        } else {
            var trials: [Trial] = []
            trials.reserveCapacity(problem.budget)
            for n in 0..<problem.budget {
                var generator = Study.samplerGenerator(studySeed: seed, number: n)
                let context = SamplingContext(number: n, space: problem.space, direction: .minimize,
                                              finished: sampler.usesHistory ? trials : [], pending: [], studySeed: seed,
                                              budget: problem.budget)
                let p = sampler.suggest(context, using: &generator)
                trials.append(Trial(number: n, parameters: p, state: .complete, value: problem.value(p)))
            }
            values = trials.map { $0.value ?? .infinity }
        }
        var best = Double.infinity
        return values.map { v in
            best = min(best, v)
            return best - problem.minimum
        }
    }

    /// Runs every sampler on every problem for seeds 0..<seeds and prints, per pair, the median
    /// regret at each checkpoint, the final regret of each seed, and the seconds taken.
    static func run(problems: [SamplerProblem], samplers: [Entry], seeds: Int, lags: [Int]) {
        for problem in problems {
            for entry in samplers {
                for lag in lags where entry.sampler.usesHistory || lag == lags[0] {
                    let label = entry.label(lag: lag)
                    let (seconds, runs) = Statistics.timed { () -> [[Double]] in
                        (0..<seeds).map { regrets(entry.sampler, problem, seed: UInt64($0), lag: lag) }
                    }
                    for checkpoint in problem.checkpoints {
                        let median = Statistics.median(runs.map { $0[min(checkpoint, $0.count) - 1] })
                        print("\(label) \(problem.name) regret_at_\(checkpoint) \(format(median))")
                    }
                    print("\(label) \(problem.name) final_regrets \(runs.map { format($0.last ?? .nan) }.joined(separator: ","))")
                    print("\(label) \(problem.name) seconds \(String(format: "%.2f", seconds))")
                }
            }
        }
    }

    /// Four significant digits, in the form Python's `%.4g` gives.
    static func format(_ x: Double) -> String { String(format: "%.4g", x) }
}
