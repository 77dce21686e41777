using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup
{
    /// <summary>
    /// Reads a backup from any object that has a backup's properties: this module's own, Oracle's OCI.PSModules
    /// objects (the .NET SDK's models: enum states such as Available, DateTime times) and Invoke-OciRestMethod's
    /// (camelCase, text times). The kind comes from the OCID; an object that is no backup is a problem, not a guess.
    /// </summary>
    internal static class BackupProperties
    {
        public static BackupResource? Read(PSObject input, out InputProblem? problem)
        {
            problem = null;
            if (input.BaseObject is BackupResource own)
            {
                return own;
            }

            var id = Text(input, "Id");
            var kind = BackupKind.FromOcid(id);
            if (kind == null)
            {
                problem = InputRules.CheckOcid("backup", id, "volumebackup", "volumegroupbackup")
                    ?? new InputProblem("backup", id, $"'{id}' is not a backup.");
                return null;
            }

            var backup = kind == BackupKind.Volume
                ? new VolumeBackup { VolumeId = Text(input, "VolumeId"), SourceVolumeBackupId = Text(input, "SourceVolumeBackupId") }
                : (BackupResource)new VolumeGroupBackup
                {
                    VolumeGroupId = Text(input, "VolumeGroupId"),
                    VolumeBackupIds = Texts(input, "VolumeBackupIds"),
                    SourceVolumeGroupBackupId = Text(input, "SourceVolumeGroupBackupId"),
                };
            backup.Id = id!;
            backup.CompartmentId = Text(input, "CompartmentId");
            backup.DisplayName = Text(input, "DisplayName");
            backup.LifecycleState = State(Text(input, "LifecycleState"));
            backup.TimeCreated = Time(input, "TimeCreated");
            backup.TimeRequestReceived = Time(input, "TimeRequestReceived");
            // Counted per region: the object's own, else the region part of its OCID.
            backup.Region = Text(input, "Region") ?? id!.Split('.').ElementAtOrDefault(3);
            return backup;
        }

        /// <summary>The service's spelling of a state an SDK enum writes as RequestReceived or Available.</summary>
        private static string? State(string? text)
        {
            if (text == null || text.Contains("_") || text.ToUpperInvariant() == text)
            {
                return text;
            }

            var spelled = new System.Text.StringBuilder();
            for (var i = 0; i < text.Length; i++)
            {
                if (i > 0 && char.IsUpper(text[i]))
                {
                    spelled.Append('_');
                }

                spelled.Append(char.ToUpperInvariant(text[i]));
            }

            return spelled.ToString();
        }

        private static object? Value(PSObject input, string name)
        {
            var value = input.Properties[name]?.Value;
            return value is PSObject wrapped ? wrapped.BaseObject : value;
        }

        private static string? Text(PSObject input, string name) =>
            Value(input, name) is object value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

        private static List<string>? Texts(PSObject input, string name) =>
            Value(input, name) is IEnumerable values && !(values is string)
                ? values.Cast<object?>().Select(v => Convert.ToString(v is PSObject w ? w.BaseObject : v, CultureInfo.InvariantCulture)).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList()
                : null;

        private static DateTimeOffset? Time(PSObject input, string name)
        {
            switch (Value(input, name))
            {
                case DateTimeOffset time:
                    return time;
                case DateTime time:
                    return time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(time, TimeSpan.Zero) : new DateTimeOffset(time);
                case string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time):
                    return time;
                default:
                    return null;
            }
        }
    }
}
