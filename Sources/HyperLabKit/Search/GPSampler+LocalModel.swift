import Foundation

/// The local model of `GPSampler`'s polish: a GP fitted only to the trials nearest the
/// incumbent, whose scores are standardized among themselves, so that differences far below
/// the global model's noise floor (on the scale of every trial's scores) are resolved.
extension GPSampler {
    /// A model of the `neighbours` trials nearest the incumbent of `global` (distance in the
    /// global model's length scales; failed trials among them at their worst score), the pending
    /// trials at its posterior mean; nil if there are no more complete trials than
    /// `neighbours` (the global model is that one), or no fit.
    func localModel(_ data: History, global: Model, space: SearchSpace, neighbours: Int,
                    _ generator: inout SeededGenerator) -> Model? {
        guard neighbours >= 2, data.inputs.count > neighbours else { return nil }
        let center = global.observed[0]
        let lambda = global.gp.hyperparameters.inverseSquaredLengthscales
        let categorical = space.parameters.map(\.distribution.isCategorical)
        func distance(_ x: [Double]) -> Double {
            var r2 = 0.0
            for j in 0..<x.count {
                r2 += lambda[j] * GaussianProcess.delta2(x[j], center[j], categorical: categorical[j])
            }
            return r2
        }
        // Complete trials first (index below the count), then failed ones; ties by index.
        let all = data.inputs + data.bad
        let distances: [Double] = all.map(distance)
        let nearest: [Int] = all.indices.sorted { (a: Int, b: Int) -> Bool in
            distances[a] != distances[b] ? distances[a] < distances[b] : a < b
        }
        let order: [Int] = nearest.prefix(neighbours).sorted()
        var local = History()
        for i in order {
            if i < data.inputs.count {
                local.inputs.append(data.inputs[i])
                local.scores.append(data.scores[i])
            } else {
                local.bad.append(all[i])
            }
        }
        local.pending = data.pending
        return model(local, space: space, &generator)
    }
}
