namespace OciBackup.Emulator.Huawei;

/// <summary>
/// The Huawei Cloud side of the emulator: the Volume Backup Service and RDS of one region and project, each on a port
/// of its own (as each has a host of its own), signed with SDK-HMAC-SHA256. Off unless <see cref="Enabled"/>.
/// </summary>
public sealed class HuaweiOptions
{
    public bool Enabled { get; set; }

    /// <summary>The region both services are in.</summary>
    public string Region { get; set; } = "cn-north-4";

    /// <summary>The project id in every path; null draws one (32 hexadecimal digits) from the random seed.</summary>
    public string? ProjectId { get; set; }

    /// <summary>Port of the Volume Backup Service on 127.0.0.1; 0 picks a free one.</summary>
    public int VbsPort { get; set; }

    /// <summary>Port of RDS on 127.0.0.1; 0 picks a free one.</summary>
    public int RdsPort { get; set; }

    /// <summary>EVS disks of the generated inventory.</summary>
    public int Volumes { get; set; } = 3;

    /// <summary>RDS instances of the generated inventory (MySQL, PostgreSQL and SQL Server in turn).</summary>
    public int Instances { get; set; } = 2;

    /// <summary>How long a VBS job is INIT before it starts running and its backup record exists.</summary>
    public TimeSpan JobStartDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>From a running VBS job (or an RDS create) to the backup being done; null: the emulator's backup duration.</summary>
    public TimeSpan? BackupDuration { get; set; }

    /// <summary>AK/SK pairs (and temporary ones with their token) whose signatures are accepted, besides the generated ones.</summary>
    public IList<HuaweiCredential> TrustedCredentials { get; } = new List<HuaweiCredential>();
}
