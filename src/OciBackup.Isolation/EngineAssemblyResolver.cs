using System;
using System.Reflection;
using System.Runtime.Loader;

namespace OciBackup.Isolation
{
    /// <summary>
    /// Answers the default load context's request for OciBackup.Engine (made when a cmdlet first touches an
    /// engine type) with the engine loaded in its own <see cref="EngineLoadContext"/>. Only that one name is
    /// answered: PowerShell resolves everything else as usual.
    /// </summary>
    public static class EngineAssemblyResolver
    {
        public const string EngineAssemblyName = "OciBackup.Engine";

        private static readonly object Gate = new object();
        private static EngineLoadContext? _context;

        /// <summary>The context the engine loads into, once <see cref="Register"/> has run.</summary>
        public static EngineLoadContext? Context => _context;

        /// <summary>
        /// Installs the resolver once per process. Called by OciBackup.dll on every import; imports in other
        /// runspaces share the one context, since an assembly, once loaded, stays for the life of the process.
        /// </summary>
        public static void Register(string dependencyFolder)
        {
            lock (Gate)
            {
                if (_context != null)
                {
                    return;
                }

                _context = new EngineLoadContext(dependencyFolder);
                AssemblyLoadContext.Default.Resolving += ResolveEngine;
            }
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName assemblyName)
        {
            var context = _context;
            if (context == null || !string.Equals(assemblyName.Name, EngineAssemblyName, StringComparison.Ordinal))
            {
                return null;
            }

            return context.LoadFromAssemblyName(assemblyName);
        }
    }
}
