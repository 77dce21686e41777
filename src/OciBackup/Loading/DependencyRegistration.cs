using System.Runtime.CompilerServices;

namespace OciBackup.Loading
{
    /// <summary>
    /// Registers the engine's resolver the moment OciBackup.dll loads: PowerShell reads the cmdlets'
    /// attributes (OutputType names engine types) before it calls IModuleAssemblyInitializer.OnImport,
    /// so waiting for OnImport would be too late.
    /// </summary>
    internal static class DependencyRegistration
    {
#pragma warning disable CA2255 // A module initializer is exactly what is needed here.
        [ModuleInitializer]
#pragma warning restore CA2255
        internal static void OnLoad() => EngineDependencies.Register();
    }
}
