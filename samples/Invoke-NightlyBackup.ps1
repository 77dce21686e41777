<#
.SYNOPSIS
    The nightly job: backs up the volumes tagged for it, copies the backups to a disaster-recovery region, and keeps
    the newest backups of each of those volumes in both regions.
.DESCRIPTION
    1. Finds the AVAILABLE volumes of -CompartmentId (with -Recurse, of every compartment below it too) that carry
       every freeform tag of -Tag (default backup=nightly), in -Region or the session's region.
    2. Backs each one up and waits until the backup is AVAILABLE.
    3. Copies each new backup to -DrRegion and waits there until the copy is AVAILABLE.
    4. In the volumes' region and in -DrRegion, keeps the -KeepLast newest AVAILABLE backups of each of those volumes
       (never fewer than one) and deletes the rest, FAULTY ones included. Backups of other volumes, and the member
       backups of volume group backups, are never touched.
    5. Writes a summary.

    Safe to run again the same night: the retry tokens derive from -RunKey (by default the date), so a re-run makes no
    second backup or copy of a volume already done, and a backup already deleted counts as deleted. One volume that
    fails is reported as an error and the others go on; the summary counts the failures. -WhatIf sends nothing and
    shows what would be backed up and deleted (and the rule that chose each deletion); -Verbose tells each step.

    Uses -Session, else $PSDefaultParameterValues['*-Oci*:Session'], else the default profile of ~/.oci/config. One
    session signs for both regions.
.EXAMPLE
    ./samples/Invoke-NightlyBackup.ps1 -CompartmentId ocid1.compartment.oc1..aaaa -Recurse -DrRegion us-phoenix-1
.EXAMPLE
    ./samples/Invoke-NightlyBackup.ps1 -CompartmentId $c -DrRegion phx -Tag @{ backup = 'nightly'; env = 'prod' } -KeepLast 14 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # Where the volumes are: a compartment or the tenancy.
    [Parameter(Mandatory)]
    [ValidatePattern('^ocid1\.(compartment|tenancy)\.')]
    [string] $CompartmentId,

    # The disaster-recovery region the backups are copied to (us-phoenix-1, or a short code such as phx).
    [Parameter(Mandatory)]
    [string] $DrRegion,

    # The volumes' region, when not the session's own.
    [string] $Region,

    # Back up only volumes that carry every one of these freeform tags (values are wildcard patterns).
    [ValidateNotNull()]
    [hashtable] $Tag = @{ backup = 'nightly' },

    # Also the compartments below -CompartmentId.
    [switch] $Recurse,

    # How many AVAILABLE backups of each volume to keep in each region.
    [ValidateRange(1, 1000)]
    [int] $KeepLast = 7,

    # Same key, same night: no second backup or copy of what is already done.
    [ValidateNotNullOrEmpty()]
    [string] $RunKey = "nightly-$([DateTime]::UtcNow.ToString('yyyy-MM-dd'))",

    # How long each backup, copy and deletion may take.
    [TimeSpan] $Timeout = [TimeSpan]::FromHours(4),

    [object] $Session
)

$started = [DateTime]::UtcNow
$oci = @{}
if ($Session) { $oci.Session = $Session }
$failures = [System.Collections.Generic.List[object]]::new()
$stepFailed = $null

# 1. The volumes tagged for tonight.
$find = @{ CompartmentId = $CompartmentId; Recurse = $Recurse; Tag = $Tag; LifecycleState = 'Available' }
if ($Region) { $find.Region = $Region }
$volumes = @(Get-OciVolume @find @oci -ErrorVariable stepFailed)
$failures.AddRange(@($stepFailed))
Write-Verbose "Found $($volumes.Count) volumes tagged $(($Tag.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join ', ')."

# 2. Back them up, each in its own region, and wait until every backup is AVAILABLE.
$backups = @($volumes | New-OciVolumeBackup -DisplayName "nightly $($started.ToString('yyyy-MM-dd'))" -RunKey $RunKey -Wait -Timeout $Timeout @oci -ErrorVariable stepFailed)
$failures.AddRange(@($stepFailed))

# 3. Copy them to the DR region and wait there.
$copies = @($backups | Copy-OciVolumeBackup -DestinationRegion $DrRegion -RunKey $RunKey -Wait -Timeout $Timeout @oci -ErrorVariable stepFailed)
$failures.AddRange(@($stepFailed))

# 4. Keep the newest of each volume in both regions. Only these volumes' backups are looked at; the member backups of
# volume group backups are left alone (the service deletes them only with their group backup).
$ours = [System.Collections.Generic.HashSet[string]]::new([string[]] @($volumes.Id), [StringComparer]::Ordinal)
$regions = @(@($volumes.Region) + $DrRegion | Where-Object { $_ } | Select-Object -Unique)
$removed = [ordered]@{}
foreach ($where in $regions) {
    $list = @{ CompartmentId = $CompartmentId; Recurse = $Recurse; Region = $where }
    $members = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::Ordinal)
    foreach ($groupBackup in Get-OciVolumeGroupBackup @list @oci -ErrorVariable stepFailed) {
        foreach ($member in @($groupBackup.VolumeBackupIds)) { $null = $members.Add($member) }
    }
    $failures.AddRange(@($stepFailed))
    $candidates = @(Get-OciVolumeBackup @list @oci -ErrorVariable stepFailed |
            Where-Object { $ours.Contains([string] $_.VolumeId) -and -not $members.Contains($_.Id) })
    $failures.AddRange(@($stepFailed))

    $selected = @($candidates | Select-OciBackupToRemove -KeepLast $KeepLast)
    $selected | Remove-OciVolumeBackup -Force -Wait -Timeout $Timeout @oci -ErrorVariable stepFailed
    $failures.AddRange(@($stepFailed))
    $removed[$where] = if ($WhatIfPreference) { 0 } else { $selected.Count - @($stepFailed).Count }
    Write-Verbose "$where`: $($candidates.Count) backups of these volumes, $($selected.Count) beyond the newest $KeepLast of each."
}

# 5. What happened.
[pscustomobject]@{
    Volumes         = $volumes.Count
    BackedUp        = $backups.Count
    Copied          = $copies.Count
    DrRegion        = $DrRegion
    Removed         = [int] ($removed.Values | Measure-Object -Sum).Sum
    RemovedByRegion = $removed
    Failed          = $failures.Count
    WhatIf          = [bool] $WhatIfPreference
    Elapsed         = [DateTime]::UtcNow - $started
}
