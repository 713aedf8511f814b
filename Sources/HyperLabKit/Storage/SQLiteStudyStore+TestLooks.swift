import GRDB

/// The looks at test parts kept in the SQLite store (`test_look`, schema 2).
extension SQLiteStudyStore {
    /// Keeps a look (once per id).
    public func recordLook(_ look: TestLook) throws(StorageError) {
        let json = try SQLiteCoding.encode(look)
        try write("store a test look") { db in
            try db.execute(sql: "INSERT INTO test_look (id, dataset_hash, created, look) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                           arguments: [look.id, look.datasetHash, look.date.timeIntervalSince1970, json])
        }
    }

    /// The looks at the dataset with content hash `hash`, oldest first.
    public func looks(ofDataset hash: String) throws(StorageError) -> [TestLook] {
        let texts = try read { db in
            try String.fetchAll(db, sql: "SELECT look FROM test_look WHERE dataset_hash = ? ORDER BY created, id",
                                arguments: [hash])
        }
        var looks: [TestLook] = []
        for text in texts { looks.append(try SQLiteCoding.decode(TestLook.self, from: text, what: "a test look")) }
        return looks
    }
}
