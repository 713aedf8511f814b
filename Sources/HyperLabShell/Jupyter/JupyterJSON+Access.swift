extension JupyterJSON {
    /// The member `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> JupyterJSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The member `key` when it is a string.
    public subscript(string key: String) -> String? {
        guard case .string(let text)? = self[key] else { return nil }
        return text
    }

    /// The member `key` when it is an integer.
    public subscript(integer key: String) -> Int? {
        guard case .integer(let number)? = self[key] else { return nil }
        return number
    }

    /// The member `key` when it is `true` or `false`.
    public subscript(boolean key: String) -> Bool? {
        guard case .boolean(let flag)? = self[key] else { return nil }
        return flag
    }
}
