namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// What the engine reads from the process it runs in: environment variables, the home directory
    /// and files. Injected so tests never depend on the machine's real ~/.oci or variables.
    /// </summary>
    internal interface IProcessEnvironment
    {
        /// <summary>The value of an environment variable, or null when it is unset or empty.</summary>
        string? GetVariable(string name);

        /// <summary>The user's home directory (what <c>~</c> expands to).</summary>
        string HomeDirectory { get; }

        bool FileExists(string path);

        /// <summary>Reads a whole text file; throws the usual IO exceptions.</summary>
        string ReadAllText(string path);

        /// <summary>
        /// Something that changes whenever the file is rewritten (its last write time and length), or null when it
        /// does not exist or cannot be inspected: how token files rewritten by another program are noticed
        /// without reading them for every request.
        /// </summary>
        string? FileStamp(string path);
    }
}
