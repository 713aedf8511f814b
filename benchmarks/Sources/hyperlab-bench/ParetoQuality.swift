import HyperLabKit

/// `hyperlab-bench samplers pareto`: the hypervolume two-objective samplers reach on ZDT1 and
/// ZDT2 (Zitzler, Deb & Thiele 2000), the same problems, budgets and reference point as
/// `peers/optuna_samplers.py pareto`.
enum ParetoQuality {
    /// A two-objective test problem on [0, 1]^d, both objectives minimized.
    struct Problem: Sendable {
        /// Its name on the command line and in the result lines.
        let name: String
        /// The number of variables.
        let dimensions: Int
        /// The objectives at a point.
        let objectives: @Sendable ([Double]) -> [Double]
    }

    /// The problems by name: ZDT1 (a convex front) and ZDT2 (a concave one), 6 variables each.
    static let problems: [String: Problem] = [
        "zdt1": Problem(name: "zdt1", dimensions: 6) { x in
            let g = zdtG(x)
            return [x[0], g * (1 - (x[0] / g).squareRoot())]
        },
        "zdt2": Problem(name: "zdt2", dimensions: 6) { x in
            let g = zdtG(x)
            return [x[0], g * (1 - (x[0] / g) * (x[0] / g))]
        },
    ]

    /// The reference point of the hypervolume: f1 ≤ 1 and f2 ≤ 10 on these problems, plus a margin.
    static let reference = [1.1, 11.0]
    /// The budgets at which the median hypervolume is printed.
    static let checkpoints = [50, 100, 200]
    /// The objectives as the studies name them.
    static let objectives = [StudyObjective("f1", .minimize), StudyObjective("f2", .minimize)]

    /// g(x) = 1 + 9 · mean(x2 … xd).
    static func zdtG(_ x: [Double]) -> Double {
        1 + 9 * x.dropFirst().reduce(0, +) / Double(x.count - 1)
    }

    /// The hypervolume after each trial of one run of `sampler` on `problem` with sweep `seed`.
    static func hypervolumes(_ sampler: any Sampler, _ problem: Problem, space: SearchSpace, seed: UInt64, lag: Int,
                             trials: Int) -> [Double] {
        var study = Study(space: space, sampler: sampler, direction: .minimize, seed: seed, trials: trials, lag: lag)
        study.objectives = objectives
        let report = study.run(parallel: 1) { trial in
            let x = space.names.map { trial.parameters[$0]?.asReal ?? 0 }
            let f = problem.objectives(x)
            return TrialOutcome(value: f[0], metrics: ["f1": f[0], "f2": f[1]])
        }
        let points = report.trials.sorted { $0.number < $1.number }.compactMap { $0.objectiveValues(objectives) }
        return checkpoints.filter { $0 <= trials }.map { Hypervolume.of(Array(points.prefix($0)), reference: reference) }
    }

    /// Runs every sampler on every problem for seeds 0..<seeds and prints, per pair, the median
    /// hypervolume at each checkpoint, the final hypervolume of each seed, and the seconds taken.
    static func run(problems: [Problem], samplers: [SamplerQuality.Entry], seeds: Int, lags: [Int], trials: Int) throws(BenchError) {
        for problem in problems {
            let space: SearchSpace
            do { space = try SearchSpace((1...problem.dimensions).map { ("x\($0)", try Distribution.uniform(0, 1)) }) } catch {
                throw .usage("\(problem.name): \(error)")
            }
            for entry in samplers {
                for lag in lags where entry.sampler.usesHistory || lag == lags[0] {
                    let label = entry.label(lag: lag)
                    let (seconds, runs) = Statistics.timed { () -> [[Double]] in
                        (0..<seeds).map { hypervolumes(entry.sampler, problem, space: space, seed: UInt64($0), lag: lag, trials: trials) }
                    }
                    for (index, checkpoint) in checkpoints.filter({ $0 <= trials }).enumerated() {
                        print("\(label) \(problem.name) hypervolume_at_\(checkpoint) \(SamplerQuality.format(Statistics.median(runs.map { $0[index] })))")
                    }
                    print("\(label) \(problem.name) final_hypervolumes \(runs.map { SamplerQuality.format($0.last ?? .nan) }.joined(separator: ","))")
                    print("\(label) \(problem.name) seconds \(String(format: "%.2f", seconds))")
                }
            }
        }
    }
}
