/// The looks at test parts kept in the PostgreSQL store (`test_look`, schema 2).
extension PostgreSQLStudyStore {
    /// Keeps a look (once per id).
    public func recordLook(_ look: TestLook) throws(StorageError) {
        let json = try SQLiteCoding.encode(look)
        try session.transaction("store a test look") { db in
            _ = try db.execute("INSERT INTO test_look (id, dataset_hash, created, look) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
                               [.text(look.id), .text(look.datasetHash), .double(look.date.timeIntervalSince1970), .text(json)])
        }
    }

    /// The looks at the dataset with content hash `hash`, oldest first.
    public func looks(ofDataset hash: String) throws(StorageError) -> [TestLook] {
        let texts = try session.transaction("read the test looks") { db in
            try db.query("SELECT look FROM test_look WHERE dataset_hash = $1 ORDER BY created, id", [.text(hash)])
                .map { try $0.string("look") }
        }
        var looks: [TestLook] = []
        for text in texts { looks.append(try SQLiteCoding.decode(TestLook.self, from: text, what: "a test look")) }
        return looks
    }
}
