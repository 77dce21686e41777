using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace OciBackup.Loading
{
    /// <summary>
    /// Where the engine and its dependencies (BouncyCastle, System.Text.Json and its netstandard polyfills) live:
    /// the module's <c>dependencies</c> folder, which PowerShell never probes on its own. On PowerShell 7 they load
    /// into a private AssemblyLoadContext (OciBackup.Isolation.dll), so other modules' copies cannot clash with
    /// ours; Windows PowerShell has one load context per AppDomain, so there an AssemblyResolve handler serves the
    /// folder's assemblies to whoever asks for them and could not find them elsewhere.
    /// </summary>
    internal static class EngineDependencies
    {
        public const string FolderName = "dependencies";
        public const string IsolationAssemblyFileName = "OciBackup.Isolation.dll";
        public const string IsolationResolverTypeName = "OciBackup.Isolation.EngineAssemblyResolver";

        private static readonly object Gate = new object();
        private static bool _registered;

        public static string ModuleFolder => Path.GetDirectoryName(typeof(EngineDependencies).Assembly.Location) ?? ".";

        public static string DependencyFolder => Path.Combine(ModuleFolder, FolderName);

        public static void Register()
        {
            lock (Gate)
            {
                if (_registered)
                {
                    return;
                }

                _registered = true;
                var isolated = !IsNetFramework() && TryRegisterIsolatedContext();
                if (!isolated)
                {
                    AppDomain.CurrentDomain.AssemblyResolve += ResolveFromDependencyFolder;
                }
            }
        }

        private static bool IsNetFramework() =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        // The resolver is compiled for .NET 8; a PowerShell 7 older than 7.4 cannot load it and gets the
        // shared-context resolver instead (it works, without the isolation).
        private static bool TryRegisterIsolatedContext()
        {
            try
            {
                var assembly = Assembly.LoadFrom(Path.Combine(ModuleFolder, IsolationAssemblyFileName));
                var register = assembly.GetType(IsolationResolverTypeName, throwOnError: false)?.GetMethod("Register", new[] { typeof(string) });
                if (register == null)
                {
                    return false;
                }

                register.Invoke(null, new object[] { DependencyFolder });
                return true;
            }
            catch (Exception e) when (e is IOException || e is BadImageFormatException || e is TypeLoadException || e is TargetInvocationException)
            {
                return false;
            }
        }

        private static Assembly? ResolveFromDependencyFolder(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            var path = Path.Combine(DependencyFolder, name + ".dll");
            // By simple name, ignoring the version: this stands in for the binding redirects Windows PowerShell
            // has no app.config for (System.Text.Json 8 asks for a newer Unsafe than System.Memory does).
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
