using System;
using System.IO;
using System.Reflection;
using System.Reflection.Emit;

namespace OciBackup.IsolationProbe
{
    /// <summary>
    /// An assembly named BouncyCastle.Cryptography at another version than the module's, as another module would
    /// bring it, written to disk so it loads exactly as a module's dependency does.
    /// </summary>
    internal static class ForeignBouncyCastle
    {
        public const string MarkerTypeName = "Org.BouncyCastle.ForeignModuleMarker";

        public static readonly Version Version = new Version(1, 8, 10, 0);

        public static string Write(string directory)
        {
            var name = new AssemblyName("BouncyCastle.Cryptography") { Version = Version };
            var builder = new PersistedAssemblyBuilder(name, typeof(object).Assembly);
            var module = builder.DefineDynamicModule("BouncyCastle.Cryptography");
            module.DefineType(MarkerTypeName, TypeAttributes.Public | TypeAttributes.Class | TypeAttributes.Sealed).CreateType();
            var path = Path.Combine(directory, "BouncyCastle.Cryptography.dll");
            builder.Save(path);
            return path;
        }
    }
}
