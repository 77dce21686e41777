using System.Collections.Generic;
using System.Linq;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Huawei.Bulk
{
    /// <summary>What every instance of a New-HwcRdsBackup run is backed up with: name, description and, for a partial backup, the databases.</summary>
    internal sealed class RdsBackupRequest
    {
        public RdsBackupRequest(string name)
        {
            Name = name;
        }

        public string Name { get; }

        public string? Description { get; set; }

        /// <summary>Back up only these databases (SQL Server; PostgreSQL on newer versions); null for the whole instance.</summary>
        public IReadOnlyList<string>? Databases { get; set; }

        public IEnumerable<InputProblem> Problems()
        {
            var problems = new List<InputProblem?> { HwcInputRules.CheckRdsName(Name), HwcInputRules.CheckRdsDescription(Description) };
            if (Databases != null)
            {
                problems.AddRange(Databases.Where(d => string.IsNullOrWhiteSpace(d)).Select(d => new InputProblem("database", d, "A database name cannot be empty.")));
            }

            return problems.Where(p => p != null).Select(p => p!);
        }

        /// <summary><c>a backup 'before-upgrade'</c>.</summary>
        public string Describe() => (Databases == null ? "a backup" : $"a backup of {Databases.Count} database(s)") + $" '{Name}'";

        public RdsCreateBackupDetails For(string instanceId) =>
            new RdsCreateBackupDetails(instanceId, Name)
            {
                Description = Description,
                Databases = Databases?.Select(d => new RdsDatabaseName(d)).ToList(),
            };
    }
}
