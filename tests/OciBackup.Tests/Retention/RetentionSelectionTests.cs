using System;
using System.Collections.Generic;
using System.Linq;
using OciBackup.Engine.Models;
using OciBackup.Engine.Retention;
using Xunit;

namespace OciBackup.Tests.Retention
{
    public sealed class RetentionSelectionTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

        [Fact]
        public void Keep_last_keeps_the_newest_available_backups_of_each_volume_and_selects_the_rest()
        {
            var backups = Nightly("v1", 5).Concat(Nightly("v2", 2)).ToList();

            var decisions = RetentionSelection.Decide(backups, new RetentionPolicy(keepLast: 3), Now);

            Assert.Equal(new[] { "v1-day3", "v1-day4" }, Selected(decisions));
            Assert.All(decisions.Where(d => d.Selected), d => Assert.Equal(RetentionRule.KeepLast, d.Rule));
            Assert.Equal("beyond the 3 newest AVAILABLE backups of volume v1", decisions.Single(d => d.Backup.Id == "v1-day4").Reason);
            Assert.Equal("one of the 3 newest AVAILABLE backups of volume v1", decisions.Single(d => d.Backup.Id == "v1-day2").Reason);
        }

        [Fact]
        public void Decisions_come_back_one_per_backup_in_the_order_given()
        {
            var backups = Nightly("v1", 4).Reverse().ToList();

            var decisions = RetentionSelection.Decide(backups, new RetentionPolicy(keepLast: 1), Now);

            Assert.Equal(backups.Select(b => b.Id), decisions.Select(d => d.Backup.Id));
            Assert.All(decisions, d => Assert.Equal("v1", d.SourceId));
        }

        [Fact]
        public void Older_than_selects_by_age_but_never_the_newest_available_backup()
        {
            // Every backup of v1 is older than a day, the newest one too.
            var backups = Nightly("v1", 3, firstAge: TimeSpan.FromDays(10)).ToList();

            var decisions = RetentionSelection.Decide(backups, new RetentionPolicy(olderThan: TimeSpan.FromDays(1)), Now);

            Assert.Equal(new[] { "v1-day1", "v1-day2" }, Selected(decisions));
            Assert.Equal("the newest AVAILABLE backup of volume v1 is always kept", decisions.Single(d => d.Backup.Id == "v1-day0").Reason);
            Assert.Equal("created 2026-11-12 02:00 UTC, older than 1 day", decisions.Single(d => d.Backup.Id == "v1-day1").Reason);
        }

        [Fact]
        public void Keep_last_zero_still_keeps_the_newest_available_backup()
        {
            var decisions = RetentionSelection.Decide(Nightly("v1", 3), new RetentionPolicy(keepLast: 0), Now);

            Assert.Equal(new[] { "v1-day1", "v1-day2" }, Selected(decisions));
        }

        [Fact]
        public void With_both_rules_a_backup_is_selected_only_when_both_select_it_and_says_so()
        {
            // Days 0 to 5: keep the 2 newest, and anything not older than 3 days.
            var decisions = RetentionSelection.Decide(Nightly("v1", 6), new RetentionPolicy(keepLast: 2, olderThan: TimeSpan.FromDays(3)), Now);

            Assert.Equal(new[] { "v1-day4", "v1-day5" }, Selected(decisions));
            Assert.All(decisions.Where(d => d.Selected), d => Assert.Equal(RetentionRule.KeepLast | RetentionRule.OlderThan, d.Rule));
            Assert.Equal("not older than 3 days", decisions.Single(d => d.Backup.Id == "v1-day3").Reason);
            Assert.Equal("beyond the 2 newest AVAILABLE backups of volume v1; created 2026-11-18 02:00 UTC, older than 3 days", decisions.Single(d => d.Backup.Id == "v1-day5").Reason);
        }

        [Fact]
        public void Only_backups_in_a_final_state_are_candidates()
        {
            var backups = Nightly("v1", 3).ToList();
            backups.Add(Backup("v1-creating", "v1", TimeSpan.FromDays(30), "CREATING"));
            backups.Add(Backup("v1-requested", "v1", TimeSpan.FromDays(31), "REQUEST_RECEIVED"));
            backups.Add(Backup("v1-going", "v1", TimeSpan.FromDays(32), "TERMINATING"));
            backups.Add(Backup("v1-gone", "v1", TimeSpan.FromDays(33), "TERMINATED"));
            backups.Add(Backup("v1-new-state", "v1", TimeSpan.FromDays(34), "SOMETHING_NEW"));

            var decisions = RetentionSelection.Decide(backups, new RetentionPolicy(keepLast: 1, names: new[] { "v1-creating" }), Now);

            Assert.Equal(new[] { "v1-day1", "v1-day2" }, Selected(decisions));
            Assert.Equal("CREATING: only backups in a final state (AVAILABLE, FAULTY) are removed", decisions.Single(d => d.Backup.Id == "v1-creating").Reason);
            Assert.Equal("TERMINATED: already being deleted", decisions.Single(d => d.Backup.Id == "v1-gone").Reason);
        }

        [Fact]
        public void Faulty_backups_never_count_among_those_kept()
        {
            var backups = new List<BackupResource>
            {
                Backup("v1-faulty-new", "v1", TimeSpan.FromHours(1), "FAULTY"),
                Backup("v1-good", "v1", TimeSpan.FromDays(1), "AVAILABLE"),
                Backup("v1-good-older", "v1", TimeSpan.FromDays(2), "AVAILABLE"),
            };

            var decisions = RetentionSelection.Decide(backups, new RetentionPolicy(keepLast: 2), Now);

            Assert.Equal(new[] { "v1-faulty-new" }, Selected(decisions));
            Assert.Equal("FAULTY, so not one of the 2 kept of volume v1", decisions.Single(d => d.Selected).Reason);
        }

        [Fact]
        public void The_newest_available_backup_is_selected_when_it_is_named_by_id_or_display_name()
        {
            var byId = RetentionSelection.Decide(Nightly("v1", 2), new RetentionPolicy(names: new[] { "v1-day0" }), Now);
            var byName = RetentionSelection.Decide(Nightly("v1", 2), new RetentionPolicy(keepLast: 5, names: new[] { "nightly v1-day0" }), Now);

            Assert.Equal(new[] { "v1-day0" }, Selected(byId));
            Assert.Equal(RetentionRule.Named, byId.Single(d => d.Selected).Rule);
            Assert.Equal("not named", byId.Single(d => d.Backup.Id == "v1-day1").Reason);
            Assert.Equal(new[] { "v1-day0" }, Selected(byName));
        }

        [Fact]
        public void Each_region_keeps_its_own_count_of_a_volumes_backups()
        {
            var here = Nightly("v1", 3).ToList();
            var copies = Nightly("v1", 3).Select(b => { b.Id += "-copy"; b.Region = "us-phoenix-1"; return b; }).ToList();

            var decisions = RetentionSelection.Decide(here.Concat(copies), new RetentionPolicy(keepLast: 2), Now);

            Assert.Equal(new[] { "v1-day2", "v1-day2-copy" }, Selected(decisions));
        }

        [Fact]
        public void Group_backups_are_counted_per_group_and_their_member_volume_backups_are_left_to_them()
        {
            var groups = Enumerable.Range(0, 3).Select(day => new VolumeGroupBackup
            {
                Id = $"g1-day{day}",
                VolumeGroupId = "g1",
                LifecycleState = "AVAILABLE",
                TimeCreated = Now - TimeSpan.FromDays(day),
                VolumeBackupIds = new List<string> { $"g1-day{day}-m1", $"g1-day{day}-m2" },
            }).ToList<BackupResource>();
            var members = groups.SelectMany(g => ((VolumeGroupBackup)g).VolumeBackupIds!.Select(id => Backup(id, id.Split('-')[2], Now - g.TimeCreated!.Value, "AVAILABLE"))).ToList();

            var decisions = RetentionSelection.Decide(groups.Concat(members), new RetentionPolicy(keepLast: 1), Now);

            Assert.Equal(new[] { "g1-day1", "g1-day2" }, Selected(decisions));
            Assert.Equal("volume group g1", decisions.Single(d => d.Backup.Id == "g1-day0").Reason.Substring("the newest AVAILABLE backup of ".Length, "volume group g1".Length));
            Assert.Equal("a member of volume group backup g1-day2, removed with it", decisions.Single(d => d.Backup.Id == "g1-day2-m1").Reason);
        }

        [Fact]
        public void A_backup_of_unknown_age_is_never_selected_by_age()
        {
            var backups = Nightly("v1", 2).ToList();
            var ageless = Backup("v1-ageless", "v1", TimeSpan.Zero, "AVAILABLE");
            ageless.TimeCreated = null;
            backups.Add(ageless);

            var decisions = RetentionSelection.Decide(backups, new RetentionPolicy(olderThan: TimeSpan.FromHours(12)), Now);

            Assert.Equal(new[] { "v1-day1" }, Selected(decisions));
            // Counted as the newest, it is the one always kept.
            Assert.Equal("the newest AVAILABLE backup of volume v1 is always kept", decisions.Single(d => d.Backup.Id == "v1-ageless").Reason);
        }

        [Fact]
        public void A_policy_must_say_what_to_select()
        {
            Assert.Throws<ArgumentException>(() => new RetentionPolicy());
            Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionPolicy(keepLast: -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => new RetentionPolicy(olderThan: TimeSpan.Zero));
        }

        private static IEnumerable<string> Selected(IEnumerable<RetentionDecision> decisions) => decisions.Where(d => d.Selected).Select(d => d.Backup.Id).OrderBy(id => id, StringComparer.Ordinal);

        /// <summary>One AVAILABLE backup a day of a volume: day 0 is the newest, <paramref name="firstAge"/> old.</summary>
        private static IEnumerable<BackupResource> Nightly(string volume, int days, TimeSpan? firstAge = null) =>
            Enumerable.Range(0, days).Select(day => (BackupResource)Backup($"{volume}-day{day}", volume, (firstAge ?? TimeSpan.Zero) + TimeSpan.FromDays(day), "AVAILABLE"));

        private static VolumeBackup Backup(string id, string volume, TimeSpan age, string state) => new VolumeBackup
        {
            Id = id,
            VolumeId = volume,
            DisplayName = "nightly " + id,
            LifecycleState = state,
            TimeCreated = Now - age,
            Region = "us-ashburn-1",
        };
    }
}
