using System;
using System.Collections.Generic;
using System.IO;
using OciBackup.ModuleBuilder.Help;
using OciBackup.ModuleBuilder.Packaging;

namespace OciBackup.ModuleBuilder
{
    /// <summary>
    /// ModuleBuilder help --source docs/help --module-folder out/OciBackup [--culture en-US]
    /// ModuleBuilder package --module-folder out/OciBackup --output out/packages
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            try
            {
                if (args.Length == 0)
                {
                    return Usage();
                }

                var options = Options(args);
                switch (args[0])
                {
                    case "help":
                        var culture = Path.Combine(options["--module-folder"], options.GetValueOrDefault("--culture", "en-US"));
                        foreach (var written in HelpCompiler.Compile(options["--source"], culture))
                        {
                            Console.WriteLine("help -> " + Path.GetFullPath(written));
                        }

                        return 0;
                    case "package":
                        Console.WriteLine("package -> " + Path.GetFullPath(GalleryPackageWriter.Write(options["--module-folder"], options["--output"])));
                        return 0;
                    default:
                        return Usage();
                }
            }
            catch (Exception e) when (e is HelpFormatException || e is InvalidDataException || e is KeyNotFoundException || e is IOException || e is ArgumentException)
            {
                // MSBuild's canonical error form, so the build shows the failing page as an error.
                Console.Error.WriteLine((e is HelpFormatException h ? h.Path : "ModuleBuilder") + ": error OCIHELP: " + e.Message);
                return 1;
            }
        }

        private static Dictionary<string, string> Options(string[] args)
        {
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 1; i + 1 < args.Length; i += 2)
            {
                options[args[i]] = args[i + 1];
            }

            return options;
        }

        private static int Usage()
        {
            Console.Error.WriteLine("usage: ModuleBuilder help --source DIR --module-folder DIR [--culture en-US]");
            Console.Error.WriteLine("       ModuleBuilder package --module-folder DIR --output DIR");
            return 2;
        }
    }
}
