using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.Loader;

namespace OciBackup.IsolationProbe
{
    /// <summary>
    /// Usage: OciBackup.IsolationProbe MODULE_MANIFEST CONFIG_FILE REGION_ID. Prints one fact per line
    /// ("assembly NAME VERSION CONTEXT", "control ...", "session ..."); exits 1 when a step fails.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: OciBackup.IsolationProbe MODULE_MANIFEST CONFIG_FILE REGION_ID");
                return 2;
            }

            var manifest = args[0];
            var dependencyFolder = Path.Combine(Path.GetDirectoryName(manifest)!, "dependencies");
            var scratch = Directory.CreateTempSubdirectory("ocibackup-foreign-");
            try
            {
                // PowerShell 7's own System.Text.Json, as any script using ConvertTo-Json would load it.
                Console.WriteLine("inbox " + System.Text.Json.JsonSerializer.Serialize(new[] { typeof(System.Text.Json.JsonSerializer).Assembly.GetName().Version!.ToString() }));

                // Another module's BouncyCastle, loaded the way PowerShell loads a module's assemblies: by path, into the default context.
                var foreign = Assembly.LoadFrom(ForeignBouncyCastle.Write(scratch.FullName));
                Console.WriteLine($"foreign {foreign.GetName().Version} {foreign.GetType(ForeignBouncyCastle.MarkerTypeName) != null}");

                // The control: without a context of its own, our BouncyCastle could not join it there.
                try
                {
                    AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(dependencyFolder, "BouncyCastle.Cryptography.dll"));
                    Console.WriteLine("control loaded-beside");
                }
                catch (FileLoadException)
                {
                    Console.WriteLine("control conflict");
                }

                using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
                runspace.Open();
                using var shell = PowerShell.Create();
                shell.Runspace = runspace;
                shell.AddScript("Import-Module $args[0] -ErrorAction Stop").AddArgument(manifest);
                shell.Invoke();
                // Nothing heavy at import: the engine and its dependencies load on first use.
                Console.WriteLine("after-import " + string.Join(",", AppDomain.CurrentDomain.GetAssemblies()
                    .Where(a => a != typeof(Program).Assembly)
                    .Where(a => AssemblyLoadContext.GetLoadContext(a) != AssemblyLoadContext.Default || (a.GetName().Name ?? string.Empty).StartsWith("OciBackup", StringComparison.Ordinal))
                    .Select(a => a.GetName().Name).OrderBy(n => n, StringComparer.Ordinal)));

                // A region only OCI_REGION_METADATA defines: resolving it parses JSON with the engine's System.Text.Json.
                shell.Commands.Clear();
                shell.AddScript("New-OciSession -ConfigFile $args[0] -Region $args[1] -ErrorAction Stop").AddArgument(args[1]).AddArgument(args[2]);
                var session = shell.Invoke().Single();
                Console.WriteLine($"session {session.Properties["Region"].Value} {session.Properties["Endpoint"].Value} {session.Properties["Fingerprint"].Value}");

                foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies()
                    .Where(a => a.GetName().Name is "BouncyCastle.Cryptography" or "System.Text.Json" or "OciBackup.Engine" or "OciBackup")
                    .OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
                {
                    Console.WriteLine($"assembly {assembly.GetName().Name} {assembly.GetName().Version} {AssemblyLoadContext.GetLoadContext(assembly)?.Name}");
                }

                return 0;
            }
            catch (Exception e)
            {
                Console.WriteLine("failed " + e.GetType().FullName + ": " + e.Message.Replace('\n', ' '));
                return 1;
            }
            finally
            {
                scratch.Delete(recursive: true);
            }
        }
    }
}
