import Foundation
import HyperLabShell
import Testing

/// examples/kubernetes, checked without a cluster: the Job manifest passes kubernetes-validate's
/// strict schema check (the Kubernetes API schemas, bundled in the package) for the oldest and
/// newest Kubernetes it knows, a broken copy does not, and the Job runs `hyperlab worker` in
/// `parallelism` pods with the password from a Secret. `./test` installs the validator into a
/// virtual environment outside the repository (scripts/install-test-tools.sh).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["HYPERLAB_TEST_VENV"] != nil,
                "needs HYPERLAB_TEST_VENV, a virtual environment with kubernetes-validate (./test installs one with scripts/install-test-tools.sh; see its output for why it could not)"))
struct KubernetesWorkerJobTests {
    static let manifest = ShippedScriptsTests.root.appendingPathComponent("examples/kubernetes/hyperlab-workers.yaml")

    /// A program of the virtual environment, which must be there once the variable is set.
    static func tool(_ name: String) throws -> String {
        let folder = ProcessInfo.processInfo.environment["HYPERLAB_TEST_VENV"] ?? ""
        let path = URL(fileURLWithPath: folder).appendingPathComponent("bin/\(name)").path
        try #require(FileManager.default.isExecutableFile(atPath: path),
                     "HYPERLAB_TEST_VENV=\(folder) has no bin/\(name): run scripts/install-test-tools.sh")
        return path
    }

    /// Runs kubernetes-validate --strict on `file` for Kubernetes `version`.
    static func validate(_ file: URL, version: String) throws -> HyperLabBinary.Result {
        try HyperLabBinary.runProgram(tool("kubernetes-validate"), ["--strict", "--kubernetes-version", version, file.path])
    }

    @Test(arguments: ["1.25.0", "1.37.0"])
    func manifestPassesTheStrictSchemaCheck(version: String) throws {
        let result = try Self.validate(Self.manifest, version: version)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("passed for resource job/hyperlab-workers"), "\(result.output)\(result.error)")
    }

    /// The check can fail: a misspelt field and a wrong type are refused, with the path of each.
    @Test(arguments: [("secretKeyRef:", "secretKeyReference:", "secretKeyReference"),
                      ("parallelism: 4", "parallelism: four", "spec.parallelism")])
    func aBrokenCopyFailsTheCheck(original: String, broken: String, reported: String) throws {
        let text = try String(contentsOf: Self.manifest, encoding: .utf8)
        #expect(text.contains(original))
        let copy = try HyperLabBinary.temporaryFolder().appendingPathComponent("broken.yaml")
        try text.replacingOccurrences(of: original, with: broken).write(to: copy, atomically: true, encoding: .utf8)
        let result = try Self.validate(copy, version: "1.37.0")
        #expect(result.status != 0)
        #expect((result.output + result.error).contains(reported), "\(result.output)\(result.error)")
    }

    @Test func theJobRunsWorkersWithThePasswordFromASecret() throws {
        let json = try HyperLabBinary.runProgram(
            Self.tool("python"), ["-c", "import json, sys, yaml; json.dump(list(yaml.safe_load_all(open(sys.argv[1]))), sys.stdout)",
                             Self.manifest.path])
        #expect(json.status == 0, "\(json.error)")
        let documents = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(documents.count == 1)
        let job = try #require(documents.first)
        #expect(job["kind"] as? String == "Job")
        let spec = try #require(job["spec"] as? [String: Any])
        #expect((spec["parallelism"] as? Int ?? 0) > 1)
        #expect(spec["completions"] == nil, "a work queue: the workers end when no trial is left")
        let pod = try #require((spec["template"] as? [String: Any])?["spec"] as? [String: Any])
        let container = try #require((pod["containers"] as? [[String: Any]])?.first)
        let command = (container["command"] as? [String] ?? []) + (container["args"] as? [String] ?? [])
        #expect(Array(command.prefix(2)) == ["hyperlab", "worker"])
        #expect(command.contains("--store") && command.contains("--study"))
        let env = container["env"] as? [[String: Any]] ?? []
        let password = try #require(env.first { $0["name"] as? String == "PGPASSWORD" })
        #expect(password["value"] == nil, "the password is not written in the manifest")
        let secret = try #require((password["valueFrom"] as? [String: Any])?["secretKeyRef"] as? [String: Any])
        #expect(secret["name"] as? String == "hyperlab-postgres")
        #expect(secret["key"] as? String == "password")
        let store = try #require(env.first { $0["name"] as? String == "HYPERLAB_STORE" }?["value"] as? String)
        #expect(store.hasPrefix("postgresql://"))
        let problem = Shell.storeProblem(store)?.message
        #expect(problem == nil, "hyperlab worker refuses this store URL")
    }
}
