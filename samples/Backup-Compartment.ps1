<#
.SYNOPSIS
    Backs up every volume in a compartment, with a volume group backup beside each volume group, and
    waits until all of them are AVAILABLE.
.DESCRIPTION
    A runbook: safe to re-run the same day (the retry tokens derive from -RunKey, so a re-run never
    makes a second backup of a volume already done), concurrent, and it reports each failed volume as
    an error without stopping the others.
    Uses the session in $PSDefaultParameterValues['*-Oci*:Session'], or -Session, or the default
    profile of ~/.oci/config.
.EXAMPLE
    ./samples/Backup-Compartment.ps1 -CompartmentId ocid1.compartment.oc1..aaaa -Type Full
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [ValidatePattern('^ocid1\.(compartment|tenancy)\.')]
    [string] $CompartmentId,

    [ValidateSet('Full', 'Incremental')]
    [string] $Type = 'Incremental',

    # Same key, same day: no second backup of what is already done.
    [string] $RunKey = "backup-compartment-$([DateTime]::UtcNow.ToString('yyyy-MM-dd'))",

    [object] $Session
)

$common = @{}
if ($Session) { $common.Session = $Session }

$volumes = @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $CompartmentId; lifecycleState = 'AVAILABLE' } -All @common)
$groups = @(Invoke-OciRestMethod /20160918/volumeGroups -Query @{ compartmentId = $CompartmentId; lifecycleState = 'AVAILABLE' } -All @common)
$PSCmdlet.WriteVerbose("$($volumes.Count) volumes and $($groups.Count) volume groups in $CompartmentId.")

$stamp = [DateTime]::UtcNow.ToString('yyyy-MM-dd')
# Objects from Invoke-OciRestMethod carry 'id': it binds to -VolumeId / -VolumeGroupId by property name.
$volumes | New-OciVolumeBackup -Type $Type -DisplayName "runbook $stamp" -RunKey $RunKey -Wait @common
$groups | New-OciVolumeGroupBackup -Type $Type -DisplayName "runbook group $stamp" -RunKey $RunKey -Wait @common
