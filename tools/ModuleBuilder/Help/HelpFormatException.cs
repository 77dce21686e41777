using System;

namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>A help page that does not follow the PlatyPS schema, with the file and what is wrong.</summary>
    public sealed class HelpFormatException : Exception
    {
        public HelpFormatException(string path, string problem)
            : base($"{path}: {problem}")
        {
            Path = path;
        }

        public string Path { get; }
    }
}
