using OciBackup.Engine.Models;
using OciBackup.Engine.Waiting;
using Xunit;

namespace OciBackup.Tests.Waiting
{
    public sealed class StateVerdictsTests
    {
        [Theory]
        [InlineData(BackupLifecycleState.Available, BackupLifecycleState.Available, "Reached")]
        [InlineData(BackupLifecycleState.Available, BackupLifecycleState.Committed, "Pending")]
        [InlineData(BackupLifecycleState.Available, BackupLifecycleState.Unknown, "Pending")]
        [InlineData(BackupLifecycleState.Committed, BackupLifecycleState.Available, "Reached")]
        [InlineData(BackupLifecycleState.Creating, BackupLifecycleState.Committed, "Reached")]
        [InlineData(BackupLifecycleState.Creating, BackupLifecycleState.RequestReceived, "Pending")]
        [InlineData(BackupLifecycleState.RequestReceived, BackupLifecycleState.Available, "Reached")]
        public void A_state_further_on_the_way_to_available_counts_as_reached(BackupLifecycleState wanted, BackupLifecycleState observed, string verdict)
        {
            Assert.Equal(verdict, StateVerdicts.Judge(wanted, observed).ToString());
        }

        [Theory]
        [InlineData(BackupLifecycleState.Available, BackupLifecycleState.Faulty, "Faulty")]
        [InlineData(BackupLifecycleState.Committed, BackupLifecycleState.Faulty, "Faulty")]
        [InlineData(BackupLifecycleState.Available, BackupLifecycleState.Terminating, "Terminated")]
        [InlineData(BackupLifecycleState.Available, BackupLifecycleState.Terminated, "Terminated")]
        [InlineData(BackupLifecycleState.Faulty, BackupLifecycleState.Terminated, "Terminated")]
        public void Faulty_and_terminated_backups_never_get_there(BackupLifecycleState wanted, BackupLifecycleState observed, string verdict)
        {
            Assert.Equal(verdict, StateVerdicts.Judge(wanted, observed).ToString());
        }

        [Theory]
        [InlineData(BackupLifecycleState.Faulty, BackupLifecycleState.Faulty, "Reached")]
        [InlineData(BackupLifecycleState.Faulty, BackupLifecycleState.Creating, "Pending")]
        [InlineData(BackupLifecycleState.Terminated, BackupLifecycleState.Terminated, "Reached")]
        [InlineData(BackupLifecycleState.Terminated, BackupLifecycleState.Terminating, "Pending")]
        [InlineData(BackupLifecycleState.Terminated, BackupLifecycleState.Available, "Pending")]
        [InlineData(BackupLifecycleState.Terminating, BackupLifecycleState.Terminated, "Reached")]
        [InlineData(BackupLifecycleState.Terminating, BackupLifecycleState.Faulty, "Pending")]
        public void Waiting_for_an_end_state_waits_through_the_others(BackupLifecycleState wanted, BackupLifecycleState observed, string verdict)
        {
            Assert.Equal(verdict, StateVerdicts.Judge(wanted, observed).ToString());
        }
    }
}
