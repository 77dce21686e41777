using System;
using System.Linq;
using System.Threading.Tasks;
using OciBackup.Emulator;
using OciBackup.Engine;
using OciBackup.Engine.Bulk;
using OciBackup.Engine.Http;
using OciBackup.Engine.Huawei.Bulk;
using OciBackup.Engine.Huawei.Models;
using OciBackup.Engine.Waiting;
using OciBackup.Tests.Bulk;
using Xunit;

namespace OciBackup.Tests.Huawei.Bulk
{
    /// <summary>
    /// Huawei creates as bulk runs against the emulator's VBS and RDS over real HTTP: waited through the job API to the
    /// backup, failures with the service's reason, and "exactly once" by the emulator's counters when answers are lost.
    /// </summary>
    public sealed class HwcBulkEmulatorTests
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

        [Fact]
        public void A_disk_backup_run_is_called_a_job_when_created_and_a_backup_when_waited_for()
        {
            var vbs = new CreateVbsBackupOperation(new VbsBackupRequest("nightly-01"), FastLostAnswers());
            var rds = new CreateRdsBackupOperation(new RdsBackupRequest("nightly-01"), FastLostAnswers());

            Assert.Equal("backup jobs", vbs.ResultNounPlural);
            Assert.Equal("backups", vbs.WaitNounPlural);
            Assert.Equal("backups", rds.WaitNounPlural);
        }

        [Fact]
        public async Task Backs_up_each_disk_once_and_waits_through_its_job_to_the_available_backup()
        {
            await using var emulator = await StartAsync(faults: new FaultSettings());

            var observer = await RunAsync(emulator, new CreateVbsBackupOperation(new VbsBackupRequest("nightly-01") { Description = "nightly", Full = true }, FastLostAnswers()),
                emulator.Side.VolumeIds.Select(id => new BulkItem(id)).ToArray());

            Assert.Empty(observer.Failed);
            Assert.All(observer.Wait.Outcomes, o =>
            {
                var backup = Assert.IsType<HwcVolumeBackup>(o.Backup);
                Assert.Equal("available", backup.Status);
                Assert.Equal("nightly-01", backup.Name);
                Assert.Equal(o.Target.Id, backup.JobId);
                Assert.Equal(emulator.Side.Region, backup.Region);
            });
            Assert.Equal(emulator.Side.VolumeIds.OrderBy(id => id), observer.Wait.Outcomes.Select(o => ((HwcVolumeBackup)o.Backup!).VolumeId).OrderBy(id => id));
            Assert.All(emulator.Side.VolumeIds, id => Assert.Equal(1, emulator.Side.VolumeBackupsCreated(id)));
        }

        [Fact]
        public async Task A_failed_job_fails_its_item_with_the_jobs_reason()
        {
            await using var emulator = await StartAsync(faults: new FaultSettings { FaultyBackupShare = 1 });

            var observer = await RunAsync(emulator, new CreateVbsBackupOperation(new VbsBackupRequest("doomed"), FastLostAnswers()), new BulkItem(emulator.Side.VolumeIds[0]));

            var failure = Assert.Single(observer.Wait.Outcomes).Failure!;
            Assert.Equal(WaitFailureKind.Faulty, failure.Kind);
            Assert.Contains("FAIL", failure.Message);
            Assert.Contains("Creating the snapshot of the disk failed", failure.Message);
        }

        [Fact]
        public async Task Backs_up_each_rds_instance_once_and_waits_until_completed()
        {
            await using var emulator = await StartAsync(faults: new FaultSettings());

            var observer = await RunAsync(emulator, new CreateRdsBackupOperation(new RdsBackupRequest("before-upgrade") { Description = "weekly" }, FastLostAnswers()),
                emulator.Side.InstanceIds.Select(id => new BulkItem(id)).ToArray());

            Assert.Empty(observer.Failed);
            Assert.All(observer.Wait.Outcomes, o => Assert.Equal("COMPLETED", Assert.IsType<HwcRdsBackup>(o.Backup).Status));
            Assert.All(emulator.Side.InstanceIds, id => Assert.Equal(1, emulator.Side.RdsBackupsCreated(id)));
        }

        [Fact]
        public async Task A_vbs_create_whose_answer_is_lost_is_found_by_disk_and_name_and_not_sent_again()
        {
            await using var emulator = await StartAsync(faults: new FaultSettings { DropResponseShare = 1 });
            var volume = emulator.Side.VolumeIds[0];

            var observer = await RunAsync(emulator, new CreateVbsBackupOperation(new VbsBackupRequest("lost-answer"), FastLostAnswers()), new BulkItem(volume));

            Assert.Empty(observer.Failed);
            var backup = Assert.IsType<HwcVolumeBackup>(Assert.Single(observer.Wait.Outcomes).Backup);
            Assert.Equal("available", backup.Status);
            Assert.Equal(volume, backup.VolumeId);
            Assert.Contains(Assert.Single(observer.Done).Notes, n => n.Contains("was found", StringComparison.Ordinal));
            Assert.Equal(1, emulator.Side.VolumeBackupsCreated(volume));
            Assert.Equal(1, emulator.Side.Statistics.RequestsByOperation["CreateBackup"]);
        }

        [Fact]
        public async Task An_rds_create_whose_answer_is_lost_is_found_by_its_name_when_the_retry_is_refused_for_it()
        {
            await using var emulator = await StartAsync(faults: new FaultSettings { ErrorAfterWriteShare = 1 });
            var instance = emulator.Side.InstanceIds[0];

            var observer = await RunAsync(emulator, new CreateRdsBackupOperation(new RdsBackupRequest("lost-answer"), FastLostAnswers()), new BulkItem(instance));

            Assert.Empty(observer.Failed);
            var backup = Assert.IsType<HwcRdsBackup>(Assert.Single(observer.Wait.Outcomes).Backup);
            Assert.Equal("COMPLETED", backup.Status);
            Assert.Equal("lost-answer", backup.Name);
            Assert.Contains(Assert.Single(observer.Done).Notes, n => n.Contains("was found", StringComparison.Ordinal));
            Assert.Equal(1, emulator.Side.RdsBackupsCreated(instance));
        }

        [Fact]
        public async Task A_vbs_job_slower_to_record_its_backup_than_the_settle_time_can_make_a_second_one_and_says_so()
        {
            await using var emulator = await StartAsync(faults: new FaultSettings { DropResponseShare = 1 }, jobStart: TimeSpan.FromSeconds(2));
            var impatient = FastLostAnswers();
            impatient.SettleTime = TimeSpan.FromMilliseconds(300);
            var volume = emulator.Side.VolumeIds[0];

            var observer = await RunAsync(emulator, new CreateVbsBackupOperation(new VbsBackupRequest("late"), impatient), new[] { new BulkItem(volume) }, new RetryPolicy(2, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(10)));

            var error = Assert.IsType<HwcCreateUnconfirmedException>(Assert.Single(observer.Failed).Error);
            Assert.Equal(2, error.Attempts);
            Assert.Contains("Get-HwcVolumeBackup", error.Message);
            Assert.Equal(2, emulator.Side.VolumeBackupsCreated(volume));
        }

        [Fact]
        public async Task An_rds_name_taken_before_the_run_fails_the_item_and_makes_nothing_however_recently_it_was_taken()
        {
            await using var emulator = await StartAsync(faults: new FaultSettings());
            var instance = emulator.Side.InstanceIds[0];
            await RunAsync(emulator, new CreateRdsBackupOperation(new RdsBackupRequest("taken-name"), FastLostAnswers()), new BulkItem(instance));
            var observer = await RunAsync(emulator, new CreateRdsBackupOperation(new RdsBackupRequest("taken-name"), FastLostAnswers()), new BulkItem(instance));

            var error = Assert.IsType<OciServiceException>(Assert.Single(observer.Failed).Error);
            Assert.Equal(400, error.StatusCode);
            Assert.Contains("already exists", error.Message);
            Assert.Equal("X-Request-Id", error.RequestIdHeader);
            Assert.Equal(1, emulator.Side.RdsBackupsCreated(instance));
        }

        private static LostAnswerPolicy FastLostAnswers() => new LostAnswerPolicy { SettleTime = TimeSpan.FromSeconds(5), SearchInterval = TimeSpan.FromMilliseconds(100) };

        private static Task<RunningHuaweiEmulator> StartAsync(FaultSettings faults, int volumes = 3, int instances = 3, TimeSpan? jobStart = null) =>
            RunningHuaweiEmulator.StartAsync(options =>
            {
                options.RandomSeed = 1414;
                options.Huawei.Volumes = volumes;
                options.Huawei.Instances = instances;
                options.Huawei.JobStartDuration = jobStart ?? TimeSpan.FromMilliseconds(200);
                options.Huawei.BackupDuration = TimeSpan.FromMilliseconds(400);
                options.Faults = faults;
            });

        private static Task<RecordingBulkObserver> RunAsync(RunningHuaweiEmulator emulator, BulkOperation operation, BulkItem[] items, RetryPolicy? policy = null) =>
            RecordingBulkObserver.RunToEndAsync(emulator.Session, operation, new BulkRunOptions
            {
                ThrottleLimit = 16,
                Wait = true,
                WaitTimeout = TimeSpan.FromSeconds(60),
                Call = new OciCallOptions { RetryPolicy = policy },
                WaitOptions = new ResourceWaiterOptions { MinPollInterval = TimeSpan.FromMilliseconds(50), MaxPollInterval = TimeSpan.FromMilliseconds(200) },
            }, items, HangGuard);

        private static Task<RecordingBulkObserver> RunAsync(RunningHuaweiEmulator emulator, BulkOperation operation, params BulkItem[] items) => RunAsync(emulator, operation, items, null);
    }
}
