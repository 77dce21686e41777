using System.Management.Automation;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>
    /// Reads output by property name, as a script would: the module's types live in the module's own
    /// load context, so tests never cast to them.
    /// </summary>
    public static class PSObjectExtensions
    {
        public static object? Prop(this PSObject value, string name) => value.Properties[name]?.Value;
    }
}
