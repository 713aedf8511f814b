import Foundation
import Testing
@testable import HyperLabKit

/// Multi-objective ask-and-tell: values told per objective, a Pareto front, refusals with hints,
/// and a stored study reopened with its objectives and resumed.
@Suite struct AskTellMultiObjectiveTests {
    static let objectives = MultiObjectiveTPETests.objectives

    static func space() throws -> SearchSpace { try SearchSpace([("x", .uniform(0, 1)), ("y", .uniform(0, 1))]) }

    static func values(_ trial: AskedTrial) throws -> [Double] {
        let x = try trial.double("x"), y = try trial.double("y")
        let g = 1 + 9 * y
        return [x, g * (1 - (x / g).squareRoot())]
    }

    @Test func toldValuesGiveTheTrialsOfStudyRunAndAFront() throws {
        let study = try AskTellStudy(space: Self.space(), objectives: Self.objectives, seed: 3, lag: Study.defaultLag)
        for _ in 0..<30 {
            let trial = try study.ask()
            try study.tell(trial, values: try Self.values(trial))
        }
        var run = Study(space: try Self.space(), sampler: TPESampler(), direction: .minimize, seed: 3, trials: 30)
        run.objectives = Self.objectives
        let report = run.run(parallel: 2, objective: MultiObjectiveTPETests.objective)
        #expect(study.trials.map(\.parameters) == report.trials.map(\.parameters))
        #expect(study.paretoFront.map(\.number) == report.trials.paretoFront(Self.objectives).map(\.number))
        #expect(!study.paretoFront.isEmpty)
    }

    @Test func refusalsNameTheProblemAndAHint() throws {
        let space = try Self.space()
        #expect(throws: AskTellError.self) { try AskTellStudy(space: space, objectives: [Self.objectives[0]]) }
        let twice = [StudyObjective("f1", .minimize), StudyObjective("f1", .maximize)]
        #expect(throws: AskTellError(.invalidObjectives, "the objective f1 is given twice",
                                     hint: "each objective is a different metric")) {
            try AskTellStudy(space: space, objectives: twice)
        }
        #expect(throws: AskTellError(.invalidObjectives, "bayes models one metric and cannot search for several",
                                     hint: "use tpe (MOTPE) or random for several metrics")) {
            try AskTellStudy(space: space, sampler: .bayes, objectives: Self.objectives)
        }
        let study = try AskTellStudy(space: space, objectives: Self.objectives)
        let trial = try study.ask()
        #expect(throws: AskTellError.self) { try study.tell(trial, values: [1]) }
        try study.tell(trial, values: [1, .infinity])
        #expect(study.trials[0].state == .failed)
    }

    @Test func aStoredStudyIsReopenedWithItsObjectivesAndResumed() throws {
        let (repository, cleanUp) = try StorageFixtures.repository(.sqlite)
        defer { cleanUp() }
        let whole = try AskTellStudy(space: Self.space(), objectives: Self.objectives, seed: 9)
        let first = try AskTellStudy.create(named: "front", in: repository, space: Self.space(),
                                            objectives: Self.objectives, seed: 9)
        for study in [whole, first] {
            for _ in 0..<14 {
                let trial = try study.ask()
                try study.tell(trial, values: try Self.values(trial))
            }
        }
        let reopened = try AskTellStudy.open(named: "front", in: repository)
        #expect(reopened.study.objectives == Self.objectives)
        for study in [whole, reopened] {
            for _ in 0..<10 {
                let trial = try study.ask()
                try study.tell(trial, values: try Self.values(trial))
            }
        }
        #expect(reopened.trials.map(\.parameters) == whole.trials.map(\.parameters))
        #expect(reopened.paretoFront.map(\.number) == whole.paretoFront.map(\.number))
    }

    @Test func aDefinitionStoredBeforeObjectivesDecodesAsOneMetric() throws {
        let definition = try StorageFixtures.definition()
        let text = try SQLiteCoding.encode(definition)
        #expect(!text.contains("objectives"))
        let old = try SQLiteCoding.decoder().decode(StudyDefinition.self, from: Data(text.utf8))
        #expect(old.objectives == nil && old == definition)
        var multi = definition
        multi.objectives = Self.objectives
        let back = try SQLiteCoding.decoder().decode(StudyDefinition.self, from: Data(try SQLiteCoding.encode(multi).utf8))
        #expect(back.objectives == Self.objectives)
        #expect(try Study(definition: back).objectives == Self.objectives)
    }
}
