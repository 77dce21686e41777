using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using OciBackup.Engine.Kinds;
using OciBackup.Engine.Models;

namespace OciBackup.Engine.Retention
{
    /// <summary>
    /// Decides which backups a retention policy removes: a pure function of the backups, the policy and the time.
    /// Backups are counted per source (the volume or volume group they are of) in each region, so a region's copies
    /// keep their own count. Only backups in a final state (AVAILABLE, FAULTY) are candidates; the newest AVAILABLE
    /// backup of a source is never selected unless it is named; a volume backup that is a member of a group backup
    /// listed beside it is left to its group backup (deleting the group deletes it).
    /// </summary>
    internal static class RetentionSelection
    {
        /// <returns>One decision per backup, in the order given.</returns>
        public static IReadOnlyList<RetentionDecision> Decide(IEnumerable<BackupResource> backups, RetentionPolicy policy, DateTimeOffset now)
        {
            if (backups == null)
            {
                throw new ArgumentNullException(nameof(backups));
            }

            if (policy == null)
            {
                throw new ArgumentNullException(nameof(policy));
            }

            var all = backups.ToList();
            var groupOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var group in all.OfType<VolumeGroupBackup>())
            {
                foreach (var member in group.VolumeBackupIds ?? new List<string>())
                {
                    groupOf[member] = group.Id;
                }
            }

            var decisions = new Dictionary<BackupResource, RetentionDecision>();
            foreach (var source in all.GroupBy(b => (Kind: BackupKind.Of(b), b.Region, Source: BackupKind.Of(b).SourceIdOf(b))))
            {
                DecideSource(source.Key.Kind, source.Key.Source, source.ToList(), groupOf, policy, now, decisions);
            }

            return all.Select(b => decisions[b]).ToList();
        }

        /// <summary>Newest first; a backup of unknown age counts as newest, so no rule of age ever removes it.</summary>
        private static DateTimeOffset CreatedAt(BackupResource backup) => backup.TimeCreated ?? backup.TimeRequestReceived ?? DateTimeOffset.MaxValue;

        private static void DecideSource(BackupKind kind, string? sourceId, List<BackupResource> backups, IReadOnlyDictionary<string, string> groupOf, RetentionPolicy policy, DateTimeOffset now, Dictionary<BackupResource, RetentionDecision> decisions)
        {
            var source = sourceId == null ? $"its {kind.Source.Noun}" : $"{kind.Source.Noun} {sourceId}";
            var ordered = backups.OrderByDescending(CreatedAt).ThenBy(b => b.Id, StringComparer.Ordinal).ToList();
            var newestAvailable = ordered.FirstOrDefault(b => b.State == BackupLifecycleState.Available);
            var availableSeen = 0;
            foreach (var backup in ordered)
            {
                RetentionDecision Keep(string reason) => new RetentionDecision(backup, kind, sourceId, false, RetentionRule.None, reason);
                RetentionDecision Select(RetentionRule rule, string reason) => new RetentionDecision(backup, kind, sourceId, true, rule, reason);

                var state = backup.State;
                if (state == BackupLifecycleState.Available)
                {
                    availableSeen++;
                }

                var named = policy.Names.Contains(backup.Id) || (backup.DisplayName != null && policy.Names.Contains(backup.DisplayName));
                if (groupOf.TryGetValue(backup.Id, out var group))
                {
                    decisions[backup] = Keep($"a member of volume group backup {group}, removed with it");
                    continue;
                }

                if (state != BackupLifecycleState.Available && state != BackupLifecycleState.Faulty)
                {
                    decisions[backup] = Keep(state == BackupLifecycleState.Terminating || state == BackupLifecycleState.Terminated
                        ? $"{backup.LifecycleState}: already being deleted"
                        : $"{backup.LifecycleState}: only backups in a final state (AVAILABLE, FAULTY) are removed");
                    continue;
                }

                if (named)
                {
                    decisions[backup] = Select(RetentionRule.Named, "asked for by its OCID or display name");
                    continue;
                }

                if (backup == newestAvailable)
                {
                    decisions[backup] = Keep($"the newest AVAILABLE backup of {source} is always kept");
                    continue;
                }

                if (policy.KeepLast == null && policy.OlderThan == null)
                {
                    decisions[backup] = Keep("not named");
                    continue;
                }

                var rule = RetentionRule.None;
                var reasons = new List<string>();
                if (policy.KeepLast is int keep)
                {
                    if (state == BackupLifecycleState.Available && availableSeen <= keep)
                    {
                        decisions[backup] = Keep($"one of the {keep} newest AVAILABLE backups of {source}");
                        continue;
                    }

                    rule |= RetentionRule.KeepLast;
                    reasons.Add(state == BackupLifecycleState.Faulty
                        ? $"FAULTY, so not one of the {keep} kept of {source}"
                        : $"beyond the {keep} newest AVAILABLE backups of {source}");
                }

                if (policy.OlderThan is TimeSpan age)
                {
                    var created = CreatedAt(backup);
                    if (created == DateTimeOffset.MaxValue || now - created <= age)
                    {
                        decisions[backup] = Keep(created == DateTimeOffset.MaxValue ? "its age is not known" : $"not older than {Describe(age)}");
                        continue;
                    }

                    rule |= RetentionRule.OlderThan;
                    reasons.Add($"created {created.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, older than {Describe(age)}");
                }

                decisions[backup] = Select(rule, string.Join("; ", reasons));
            }
        }

        private static string Describe(TimeSpan age)
        {
            if (age.Ticks % TimeSpan.TicksPerDay == 0)
            {
                return age.Days == 1 ? "1 day" : $"{age.Days} days";
            }

            if (age.Ticks % TimeSpan.TicksPerHour == 0)
            {
                var hours = (long)age.TotalHours;
                return hours == 1 ? "1 hour" : $"{hours} hours";
            }

            return age.ToString("c", CultureInfo.InvariantCulture);
        }
    }
}
