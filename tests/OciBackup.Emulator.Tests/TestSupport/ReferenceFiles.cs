namespace OciBackup.Emulator.Tests.TestSupport;

/// <summary>The repository's copy of the signing vectors and their throwaway keys (tests/vectors, copied beside the test binaries).</summary>
internal static class ReferenceFiles
{
    public static string Root { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "vectors");

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(Path(relative));
}
