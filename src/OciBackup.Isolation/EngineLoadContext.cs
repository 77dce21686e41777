using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace OciBackup.Isolation
{
    /// <summary>
    /// The load context of OciBackup.Engine on PowerShell 7: every assembly the engine needs comes from the
    /// module's dependency folder, whatever versions PowerShell or other modules loaded into the default context.
    /// </summary>
    public sealed class EngineLoadContext : AssemblyLoadContext
    {
        // The netstandard2.0 packages of these only polyfill types that .NET defines in its core library
        // (Span<T>, Vector<T>, Unsafe, ValueTask<T>, IAsyncEnumerable<T>). A private copy would bring a second,
        // incompatible Span<T>, so .NET's own are used; the folder's copies serve Windows PowerShell, or any
        // PowerShell 7 that lacks one.
        private static readonly HashSet<string> DefinedByTheRuntime = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "System.Buffers",
            "System.Memory",
            "System.Numerics.Vectors",
            "System.Runtime.CompilerServices.Unsafe",
            "System.Threading.Tasks.Extensions",
            "Microsoft.Bcl.AsyncInterfaces",
        };

        private readonly string _dependencyFolder;

        public EngineLoadContext(string dependencyFolder)
            : base("OciBackup.Engine", isCollectible: false)
        {
            _dependencyFolder = dependencyFolder ?? throw new ArgumentNullException(nameof(dependencyFolder));
            Resolving += LoadFromFolderWhenTheRuntimeLacksIt;
        }

        public string DependencyFolder => _dependencyFolder;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name is null || DefinedByTheRuntime.Contains(assemblyName.Name))
            {
                return null;
            }

            var path = PathInFolder(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }

        private Assembly? LoadFromFolderWhenTheRuntimeLacksIt(AssemblyLoadContext context, AssemblyName assemblyName)
        {
            var path = PathInFolder(assemblyName);
            return path is null ? null : LoadFromAssemblyPath(path);
        }

        private string? PathInFolder(AssemblyName assemblyName)
        {
            if (string.IsNullOrEmpty(assemblyName.Name))
            {
                return null;
            }

            var path = Path.Combine(_dependencyFolder, assemblyName.Name + ".dll");
            return File.Exists(path) ? path : null;
        }
    }
}
