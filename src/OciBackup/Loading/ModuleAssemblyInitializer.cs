using System.Management.Automation;

namespace OciBackup.Loading
{
    /// <summary>
    /// Runs when PowerShell imports OciBackup.dll, before any cmdlet: makes the engine and its dependencies
    /// loadable from the module's dependency folder. Loads nothing itself, so an import stays cheap.
    /// </summary>
    public sealed class ModuleAssemblyInitializer : IModuleAssemblyInitializer
    {
        public void OnImport() => EngineDependencies.Register();
    }
}
