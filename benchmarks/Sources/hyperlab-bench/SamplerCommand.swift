import HyperLabKit

/// The `hyperlab-bench samplers` subcommands: `quality` (regret on the test functions), `pareto`
/// (hypervolume on two-objective problems) and `overhead` (time per suggestion).
enum SamplerCommand {
    static let usage = """
        hyperlab-bench samplers quality [--functions branin,hartmann6,rosenbrock4] [--samplers random,tpe,bayes,cmaes]
                                        [--seeds N] [--lag 4,16,64,0]
            median simple regret at 10/25/50(/100) trials over seeds 0..N-1 (default 20); each lag above 0
            is the product path (Study.run, parallel=1, a study with that lag; default 4), 0 calls the
            sampler with every earlier trial visible
        hyperlab-bench samplers pareto [--problems zdt1,zdt2] [--samplers random,tpe,nsga2] [--seeds N]
                                       [--lag 0,4] [--trials 200]
            median hypervolume (reference (1.1, 11)) at 50/100/200 trials of two-objective studies over
            seeds 0..N-1 (default 20), through Study.run with each lag (default 0, as the peers run)
        hyperlab-bench samplers overhead [--samplers tpe,bayes] [--timed N]
            median milliseconds per suggestion (of N, default 20): tpe at trial 1,000 and bayes at trial 100,
            4 parameters
        """

    /// Runs `samplers ARGUMENTS`.
    static func run(_ arguments: [String]) throws(BenchError) {
        guard let mode = arguments.first else { throw .usage("samplers needs quality or overhead\n" + usage) }
        var options: [String: String] = [:]
        var rest = arguments.dropFirst()
        while let option = rest.popFirst() {
            guard option.hasPrefix("--"), let value = rest.popFirst() else { throw .usage("\(option) needs a value\n" + usage) }
            options[String(option.dropFirst(2))] = value
        }
        switch mode {
        case "quality":
            try checkOptions(options, allowed: ["functions", "samplers", "seeds", "lag"])
            let problems = try list(options["functions"], default: SamplerProblem.names).map { name throws(BenchError) in
                try SamplerProblem.named(name)
            }
            let samplers = try SamplerQuality.entries(list(options["samplers"], default: ["random", "tpe", "bayes"]))
            let seeds = try count(options["seeds"], default: 20, name: "--seeds", limit: 1000)
            let lags = try lagList(options["lag"], default: [Study.defaultLag])
            print("# hyperlab samplers: \(seeds) seeds (sweep seeds 0..\(seeds - 1)), lag \(lags.map(String.init).joined(separator: " and "))")
            SamplerQuality.run(problems: problems, samplers: samplers, seeds: seeds, lags: lags)
        case "pareto":
            try checkOptions(options, allowed: ["problems", "samplers", "seeds", "lag", "trials"])
            var problems: [ParetoQuality.Problem] = []
            for name in list(options["problems"], default: ["zdt1", "zdt2"]) {
                guard let problem = ParetoQuality.problems[name] else {
                    throw .usage("unknown problem '\(name)' (\(ParetoQuality.problems.keys.sorted().joined(separator: ", ")))")
                }
                problems.append(problem)
            }
            let names = list(options["samplers"], default: ["random", "tpe", "nsga2"])
            if let single = names.first(where: { SamplerKind(rawValue: $0).map { !$0.supportsMultipleObjectives } ?? false }) {
                throw .usage("\(single) models one metric; pareto takes samplers of several")
            }
            let samplers = try SamplerQuality.entries(names)
            let seeds = try count(options["seeds"], default: 20, name: "--seeds", limit: 1000)
            let trials = try count(options["trials"], default: 200, name: "--trials", limit: 10_000)
            let lags = try lagList(options["lag"], default: [0])
            print("# hyperlab pareto: \(seeds) seeds (sweep seeds 0..\(seeds - 1)), \(trials) trials, lag \(lags.map(String.init).joined(separator: " and "))")
            try ParetoQuality.run(problems: problems, samplers: samplers, seeds: seeds, lags: lags, trials: trials)
        case "overhead":
            try checkOptions(options, allowed: ["samplers", "timed"])
            let timed = try count(options["timed"], default: 20, name: "--timed", limit: 10_000)
            let samplers = list(options["samplers"], default: ["tpe", "bayes"])
            if let bad = samplers.first(where: { $0 != "tpe" && $0 != "bayes" }) {
                throw .usage("overhead measures tpe and bayes, not '\(bad)'")
            }
            try SamplerOverhead.run(samplers: samplers, tpeHistory: 1000, gpHistory: 100, timed: timed)
        default:
            throw .usage("unknown samplers mode '\(mode)'\n" + usage)
        }
    }

    /// `--lag 4,16,64,0`: each a lag a study accepts.
    private static func lagList(_ text: String?, default defaults: [Int]) throws(BenchError) -> [Int] {
        var lags: [Int] = []
        for text in list(text, default: defaults.map(String.init)) {
            guard let lag = Int(text), (0...Study.maximumLag).contains(lag) else {
                throw .usage("--lag takes lags from 0 to \(Study.maximumLag), comma-separated (4,16,64,0)")
            }
            lags.append(lag)
        }
        return lags
    }

    private static func checkOptions(_ options: [String: String], allowed: Set<String>) throws(BenchError) {
        if let bad = options.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw .usage("unknown option '--\(bad)'\n" + usage)
        }
    }

    private static func list(_ text: String?, default defaults: [String]) -> [String] {
        guard let text else { return defaults }
        return text.split(separator: ",").map(String.init)
    }

    private static func count(_ text: String?, default value: Int, name: String, limit: Int) throws(BenchError) -> Int {
        guard let text else { return value }
        guard let n = Int(text), (1...limit).contains(n) else { throw .usage("\(name) takes a whole number from 1 to \(limit)") }
        return n
    }
}
