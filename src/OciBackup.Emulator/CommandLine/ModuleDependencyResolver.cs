using System.Reflection;
using System.Runtime.Loader;

namespace OciBackup.Emulator.CommandLine;

/// <summary>
/// The OciBackup module ships the emulator in <c>&lt;module&gt;/emulator/</c> without a copy of BouncyCastle: the
/// module already carries one (the same package version) in <c>&lt;module&gt;/dependencies/</c>. An assembly the
/// emulator's own folder lacks is served from that sibling folder. In the build output every dependency sits beside
/// the emulator, so this never runs there.
/// </summary>
internal static class ModuleDependencyResolver
{
    public const string SiblingFolderName = "dependencies";

    public static void Register(string emulatorFolder)
    {
        string folder = Path.GetFullPath(Path.Combine(emulatorFolder, "..", SiblingFolderName));
        if (!Directory.Exists(folder))
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += (context, name) => Resolve(context, name, folder);
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name, string folder)
    {
        if (string.IsNullOrEmpty(name.Name))
        {
            return null;
        }

        string path = Path.Combine(folder, name.Name + ".dll");
        if (!File.Exists(path))
        {
            return null;
        }

        // Only a copy at least as new as the one the emulator was compiled against.
        Version? available = AssemblyName.GetAssemblyName(path).Version;
        return name.Version is null || (available is not null && available >= name.Version) ? context.LoadFromAssemblyPath(path) : null;
    }
}
