using System.IO;
using System.Reflection.PortableExecutable;

namespace OciBackup.ImportBenchmark
{
    /// <summary>
    /// Whether an assembly carries precompiled (ReadyToRun) native code. crossgen2 fills the CLI header's
    /// ManagedNativeHeader directory with the ReadyToRun header; an IL-only assembly leaves it empty.
    /// </summary>
    internal static class ReadyToRunCode
    {
        public static bool IsIn(string assemblyPath)
        {
            using var stream = File.OpenRead(assemblyPath);
            using var reader = new PEReader(stream);
            var header = reader.PEHeaders.CorHeader;
            return header != null && header.ManagedNativeHeaderDirectory.Size != 0;
        }
    }
}
