using System;
using System.Globalization;

namespace OciBackup.Bench;

/// <summary>A benchmark's <c>--name value</c> options, each with its default.</summary>
public sealed class BenchmarkArguments
{
    private readonly string[] _args;

    public BenchmarkArguments(string[] args)
    {
        _args = args ?? throw new ArgumentNullException(nameof(args));
    }

    public int Int(string name, int fallback) =>
        Value(name) is string text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Whether a switch (an option without a value) is given.</summary>
    public bool Has(string name) => Array.IndexOf(_args, name) >= 0;

    public double Double(string name, double fallback) =>
        Value(name) is string text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private string? Value(string name)
    {
        var index = Array.IndexOf(_args, name);
        return index >= 0 && index + 1 < _args.Length ? _args[index + 1] : null;
    }
}
