/// How HyperLab names itself to Jupyter: the kernel a notebook asks for and the language of its
/// code cells. A saved `.ipynb` carries these in its metadata, so Jupyter offers the HyperLab
/// kernel when the notebook is opened, and `run FILE.ipynb` knows a HyperLab notebook from
/// another kernel's.
public enum JupyterLanguage {
    /// The kernelspec's name (the folder `hyperlab kernel install` will write).
    public static let kernelName = "hyperlab"
    /// The name Jupyter shows in its kernel menu.
    public static let displayName = "HyperLab"
    /// The language of the code cells.
    public static let language = "hyperlab"
    /// The extension of a script of that language.
    public static let fileExtension = ".hlab"
    /// The MIME type of a script.
    public static let mimeType = "text/x-hyperlab"

    /// The notebook-level `metadata` of a HyperLab notebook titled `title`.
    static func notebookMetadata(title: String) -> JupyterJSON {
        .object([
            "kernelspec": .object([
                "display_name": .string(displayName),
                "language": .string(language),
                "name": .string(kernelName),
            ]),
            "language_info": .object([
                "file_extension": .string(fileExtension),
                "mimetype": .string(mimeType),
                "name": .string(language),
            ]),
            "title": .string(title),
        ])
    }
}
