import Foundation
import FoundationXML
import Testing
@testable import HyperLabShell

/// `plot ... to="FILE.svg"`: each plot also written as valid SVG, for slides.
@Suite struct PlotFileTests {
    @Test func everyPlotWritesValidSVG() throws {
        let t = try Transcript(echo: false)
        t.type("load moons n=100 seed=1\nsplit train=0.6 dev=0.2 test=0.2 seed=1\nmodel mlp hidden=[8]\ntrain epochs=10")
        t.type("sweep grid lr=[1e-3, 1e-2, 1e-1] units=[4, 8] epochs=5")
        let plots = ["plot curve to=\"a.svg\"", "plot boundary to=\"b.svg\"", "plot lr to=\"c.svg\"",
                     "plot heatmap lr units to=\"d.svg\"", "plot history to=\"e.svg\"", "plot importance to=\"f.svg\"",
                     "plot parallel to=\"g.svg\"", "plot curve trial 1 2 to=\"h.svg\""]
        for (plot, name) in zip(plots, ["a", "b", "c", "d", "e", "f", "g", "h"]) {
            #expect(t.shell.run(plot) == .completed, "\(plot)")
            let data = try Data(contentsOf: t.directory.appendingPathComponent("\(name).svg"))
            let parser = XMLParser(data: data)
            #expect(parser.parse(), "\(name).svg is not valid XML")
        }
        #expect(t.output.text.contains("wrote a.svg"))
    }

    @Test func toNeedsAnSVGName() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2\ntrain epochs=2")
        #expect(t.shell.run("plot curve to=\"curve.png\"") == .failed)
        #expect(t.output.text.contains("to= writes an SVG file"))
    }

    @Test func aPlotDoesNotOverwriteAFileWithoutForce() throws {
        let t = try Transcript(echo: false)
        t.type("load iris\nsplit train=0.6 dev=0.2 test=0.2\ntrain epochs=2")
        #expect(t.shell.run("plot curve to=\"curve.svg\"") == .completed)
        let url = t.directory.appendingPathComponent("curve.svg")
        try Data("keep me".utf8).write(to: url)
        #expect(t.shell.run("plot curve to=\"curve.svg\"") == .failed)
        #expect(t.output.text.contains("curve.svg exists already"))
        #expect(t.output.text.contains("hint: add force=yes to overwrite it"))
        #expect(try String(contentsOf: url, encoding: .utf8) == "keep me")
        #expect(t.shell.run("plot curve to=\"curve.svg\" force=yes") == .completed)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("<svg"))
    }
}
