import HyperLabKit

/// The plots of training runs: `plot curve`, `plot boundary`.
extension Shell {
    /// The runs a `plot` command names (`run 1 2`), or the latest one.
    func referencedRuns(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> [(number: Int, record: RunRecord)] {
        guard !bench.runs.isEmpty else {
            throw InputError("no runs yet", at: command.syntax.nameSpan, hint: "train first: train epochs=50")
        }
        var numbers: [Int] = []
        for (i, value) in command.arguments.enumerated() {
            guard case .integer(let n) = value else { continue }
            guard n >= 1, n <= bench.runs.count else {
                throw InputError("there is no run \(n)", at: command.span(ofArgument: i),
                                 hint: "runs are numbered 1 to \(bench.runs.count); runs lists them")
            }
            numbers.append(n)
        }
        if numbers.isEmpty { numbers = [bench.runs.count] }
        return numbers.map { ($0, bench.runs[$0 - 1]) }
    }

    /// Prints a plot, writes it as SVG too when the command has `to="FILE.svg"`, then prints its
    /// notes. The notebook keeps the drawing with the text, for a Jupyter notebook's image of the plot.
    func show(_ plot: PlotResult, _ command: BoundCommand) throws(InputError) {
        emit(plot.figure)
        try writePlot(plot.svg, command)
        emit(plot.notesOutput)
    }

    /// Writes `drawing` to the command's `to="FILE.svg"`, if it has one, and says so.
    private func writePlot(_ drawing: String, _ command: BoundCommand) throws(InputError) {
        guard let path = command.string("to") else { return }
        guard path.lowercased().hasSuffix(".svg") else {
            throw InputError("to= writes an SVG file; name it FILE.svg", at: command.span(ofOption: "to"),
                             hint: "plot history to=\"history.svg\"")
        }
        try writeUserFile(drawing, to: path, command: command, span: command.span(ofOption: "to"), overwrite: false)
        console.line("wrote \(path)")
    }

    /// `plot curve [run N ...]`: loss per epoch (train and dev) above the dev metric per epoch.
    func plotCurve(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> PlotResult {
        let runs = try referencedRuns(command, bench)
        let task = runs[0].record.run.task
        let metric = MetricName.primaryDevMetric(for: task)
        let lossChart: LineChart
        let metricChart: LineChart
        let title: String
        if runs.count == 1, let only = runs.first {
            let run = only.record.run
            guard !run.epochs.isEmpty else {
                throw InputError("run \(only.number) has no finished epoch to draw", at: command.syntax.nameSpan)
            }
            title = "run \(only.number) · \(Shell.modelSummary(run.configuration)) · \(Shell.optimizerShort(run.configuration))"
            lossChart = LineChart(title: title, yLabel: "loss", series: [
                .init("train_loss", values: run.curve("train_loss")),
                .init("dev_loss", values: run.curve("dev_loss")),
            ], height: 10)
            metricChart = LineChart(xLabel: "epoch", yLabel: metric, series: [.init(metric, values: run.curve(metric))], height: 8)
        } else {
            title = "dev curves of runs " + runs.map { String($0.number) }.joined(separator: ", ")
            lossChart = LineChart(title: title, yLabel: "dev_loss",
                                  series: runs.map { .init("run \($0.number)", values: $0.record.run.curve("dev_loss")) }, height: 10)
            metricChart = LineChart(xLabel: "epoch", yLabel: metric,
                                    series: runs.map { .init("run \($0.number)", values: $0.record.run.curve(metric)) }, height: 8)
        }
        return PlotResult(text: { LineChart.renderStacked([lossChart, metricChart], traits: $0) },
                          svg: LineChart.svgStacked([lossChart, metricChart]))
    }

    /// `plot boundary [run N]`: the model's decision regions on a 2-D dataset, dev points on top.
    func plotBoundary(_ command: BoundCommand, _ bench: Workbench) throws(InputError) -> PlotResult {
        guard let dataset = bench.dataset, bench.partitioning != nil else {
            throw InputError("no split data to draw", at: command.syntax.nameSpan, hint: "load moons; split train=0.6 dev=0.2 test=0.2; train")
        }
        guard dataset.featureCount == 2, dataset.textColumns.isEmpty, let classNames = dataset.classNames,
              case .classes(let labels, _) = dataset.target else {
            throw InputError("plot boundary needs a classification dataset with 2 features; \(dataset.name) has \(dataset.columnCount)\(dataset.classNames == nil ? " and a numeric target" : "")",
                             at: command.syntax.nameSpan, hint: "load moons, circles, spirals, xor or blobs")
        }
        let runs = try referencedRuns(command, bench)
        guard runs.count == 1, let (number, record) = runs.first else {
            throw InputError("plot boundary draws one run at a time", at: command.span(ofArgument: 2), hint: "plot boundary run \(runs[0].number)")
        }
        guard record.datasetName == dataset.name else {
            throw InputError("run \(number) was trained on \(record.datasetName), not on the data loaded now", at: command.syntax.nameSpan,
                             hint: "train on the current data first")
        }
        let inputs = record.run.model.architecture.inputs
        guard inputs == 2 else {
            throw InputError("run \(number) has \(inputs) inputs, the 2 features and missing indicators; plot boundary draws a model of the 2 features alone",
                             at: command.syntax.nameSpan, hint: "load without missing_indicators=yes, split and train again")
        }
        /// The run's predicted class at each point (raw feature values, standardized as in training).
        func predictions(at points: [PlotPoint]) -> [Int] {
            var inputs = [Float]()
            inputs.reserveCapacity(points.count * 2)
            for point in points { inputs += record.standardizer.standardize([point.x, point.y]) }
            return record.run.model.predictedClasses(Matrix(rows: points.count, columns: 2, storage: inputs))
        }
        let devPoints = record.devIndices.map { PlotPoint(x: dataset.value(row: $0, feature: 0), y: dataset.value(row: $0, feature: 1)) }
        // The model's own prediction for each dev point, so "misclassified" matches dev_acc.
        let samples = zip(zip(record.devIndices, devPoints), predictions(at: devPoints)).map { entry, predicted in
            BoundaryMap.Sample(x: entry.1.x, y: entry.1.y, label: labels[entry.0], predicted: predicted)
        }
        let grid = BoundaryMap.Grid.covering(devPoints, traits: console.traits, height: 20)
        let cellClasses = predictions(at: grid.points)
        let map = BoundaryMap(title: "run \(number) · decision regions · \(samples.count) dev points",
                              grid: grid, predictions: cellClasses, samples: samples, classNames: classNames,
                              xLabel: dataset.featureNames[0], yLabel: dataset.featureNames[1])
        return PlotResult(text: { map.render(traits: $0) }, svg: map.svg())
    }
}
