using System;

namespace OciBackup.Engine.Huawei.Bulk
{
    /// <summary>
    /// How a Huawei create whose answer was lost (no response, a timeout, a 5xx) finds out whether it made a backup
    /// before it asks again: neither VBS nor RDS takes a retry token, so the backup is looked for by what it was asked
    /// to be (the disk and name, the instance and name), made since the first attempt.
    /// </summary>
    internal sealed class LostAnswerPolicy
    {
        /// <summary>
        /// How far the service's clock may be behind ours when "made since the first attempt" is judged: Huawei's gateway
        /// refuses requests more than 15 minutes off, so no accepted request is further off than that.
        /// </summary>
        public static readonly TimeSpan DefaultClockSkewAllowance = TimeSpan.FromMinutes(15);

        /// <summary>How long after a VBS create was sent its job may take to record the backup, by default.</summary>
        public static readonly TimeSpan DefaultSettleTime = TimeSpan.FromSeconds(30);

        public TimeSpan ClockSkewAllowance { get; set; } = DefaultClockSkewAllowance;

        /// <summary>
        /// VBS only: how long to keep looking for the backup of a create whose answer was lost before asking again,
        /// counted from when that create was sent. VBS records the backup only when its job starts running; a job
        /// slower than this may still make a backup, and asking again would then make a second one.
        /// </summary>
        public TimeSpan SettleTime { get; set; } = DefaultSettleTime;

        /// <summary>How long between two looks within <see cref="SettleTime"/>.</summary>
        public TimeSpan SearchInterval { get; set; } = TimeSpan.FromSeconds(2);

        public IClock Clock { get; set; } = SystemClock.Instance;

        public IDelay Delay { get; set; } = TaskDelay.Instance;

        public IRandomSource Random { get; set; } = ThreadSafeRandom.Instance;
    }
}
