using OciBackup.Engine.Kinds;
using Xunit;

namespace OciBackup.Tests.Kinds
{
    public sealed class LifecycleStatesTests
    {
        [Theory]
        [InlineData("AVAILABLE", "AVAILABLE", "Reached")]
        [InlineData("AVAILABLE", "COMMITTED", "Pending")]
        [InlineData("AVAILABLE", "SOMETHING_NEW", "Pending")]
        [InlineData("COMMITTED", "AVAILABLE", "Reached")]
        [InlineData("CREATING", "COMMITTED", "Reached")]
        [InlineData("CREATING", "REQUEST_RECEIVED", "Pending")]
        [InlineData("REQUEST_RECEIVED", "AVAILABLE", "Reached")]
        [InlineData("available", "AVAILABLE", "Reached")]
        public void A_state_further_on_the_way_to_available_counts_as_reached(string wanted, string observed, string verdict)
        {
            Assert.Equal(verdict, BackupKind.VolumeGroup.Lifecycle.Judge(wanted, observed).ToString());
        }

        [Theory]
        [InlineData("AVAILABLE", "FAULTY", "Faulty")]
        [InlineData("COMMITTED", "FAULTY", "Faulty")]
        [InlineData("AVAILABLE", "TERMINATING", "Terminated")]
        [InlineData("AVAILABLE", "TERMINATED", "Terminated")]
        [InlineData("FAULTY", "TERMINATED", "Terminated")]
        public void Faulty_and_terminated_backups_never_get_there(string wanted, string observed, string verdict)
        {
            Assert.Equal(verdict, BackupKind.VolumeGroup.Lifecycle.Judge(wanted, observed).ToString());
        }

        [Theory]
        [InlineData("FAULTY", "FAULTY", "Reached")]
        [InlineData("FAULTY", "CREATING", "Pending")]
        [InlineData("TERMINATED", "TERMINATED", "Reached")]
        [InlineData("TERMINATED", "TERMINATING", "Pending")]
        [InlineData("TERMINATED", "AVAILABLE", "Pending")]
        [InlineData("TERMINATING", "TERMINATED", "Reached")]
        [InlineData("TERMINATING", "FAULTY", "Pending")]
        public void Waiting_for_an_end_state_waits_through_the_others(string wanted, string observed, string verdict)
        {
            Assert.Equal(verdict, BackupKind.Volume.Lifecycle.Judge(wanted, observed).ToString());
        }

        [Theory]
        [InlineData("PROVISIONING", "Pending")]
        [InlineData("RESTORING", "Pending")]
        [InlineData("AVAILABLE", "Reached")]
        [InlineData("FAULTY", "Faulty")]
        [InlineData("TERMINATED", "Terminated")]
        public void A_restored_volume_is_judged_on_its_own_road_to_available(string observed, string verdict)
        {
            Assert.Equal(verdict, VolumeKind.Instance.Lifecycle.Judge("AVAILABLE", observed).ToString());
        }

        [Fact]
        public void A_volume_backup_waited_for_as_committed_is_there_once_available_as_group_backups_are()
        {
            Assert.Equal("Reached", BackupKind.Volume.Lifecycle.Judge("COMMITTED", "AVAILABLE").ToString());
            Assert.Equal("Pending", BackupKind.Volume.Lifecycle.Judge("COMMITTED", "CREATING").ToString());
        }

        [Fact]
        public void Each_kind_knows_its_own_states_and_which_are_final()
        {
            Assert.True(BackupKind.VolumeGroup.Lifecycle.Knows("COMMITTED"));
            Assert.False(BackupKind.Volume.Lifecycle.Knows("PROVISIONING"));
            Assert.True(VolumeGroupKind.Instance.Lifecycle.Knows("UPDATE_PENDING"));
            Assert.False(VolumeKind.Instance.Lifecycle.Knows("CREATING"));
            Assert.Equal(new[] { "AVAILABLE", "FAULTY", "TERMINATED" }, BackupKind.Volume.Lifecycle.Final);
            Assert.False(BackupKind.Volume.Lifecycle.IsFinal("CREATING"));
        }
    }
}
