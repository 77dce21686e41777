using System;
using System.IO;

namespace OciBackup.Bench;

/// <summary>The repository a benchmark was built from: the folder holding OciBackup.sln above the program.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "OciBackup.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new DirectoryNotFoundException("OciBackup.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
