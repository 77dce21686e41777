<#
.SYNOPSIS
    Runs the nightly runbook, Invoke-NightlyBackup.ps1, against a local OCI emulator of two regions with a month of
    backup history, and shows what it did. No OCI account needed.
.DESCRIPTION
    Builds the module if out/OciBackup is not there yet, imports it, starts an emulator serving us-ashburn-1 and
    us-phoenix-1 (seeded from NightlyDemo.seed.json: three volumes tagged backup=nightly with 30 nights of backups
    and 10 nights of DR copies, and an untagged volume), shows each volume's backups per region, runs the runbook
    (back up the tagged volumes, wait, copy to us-phoenix-1, wait, keep the newest 7 in both regions), shows its
    summary and the backups again, and stops the emulator.

    From a fresh clone:  dotnet tool restore && dotnet pwsh ./samples/Start-NightlyDemo.ps1
.PARAMETER WhatIf
    Runs the runbook with -WhatIf: it says what it would back up and delete, and why, and sends nothing.
.EXAMPLE
    dotnet pwsh ./samples/Start-NightlyDemo.ps1 -Verbose
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # Build the module even when out/OciBackup is there.
    [switch] $Build,

    # Seconds a backup or a copy takes in the emulator.
    [ValidateRange(0.1, 60)]
    [double] $BackupSeconds = 2
)

$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$manifest = Join-Path $root 'out/OciBackup/OciBackup.psd1'
if ($Build -or -not (Test-Path -LiteralPath $manifest)) {
    Write-Host 'Building the module (dotnet build OciBackup.sln -c Release)...'
    & dotnet build (Join-Path $root 'OciBackup.sln') -c Release --nologo -v quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "The build failed (exit code $LASTEXITCODE)." }
}

Import-Module $manifest -Force
$regions = 'us-ashburn-1', 'us-phoenix-1'

# Each volume's backups that are not being deleted, per region, with FAULTY ones counted apart.
function Show-Backups {
    param([string] $Title)
    $names = @{}
    Get-OciVolume -CompartmentId $shop -Recurse -Session $emu.Session | ForEach-Object { $names[$_.Id] = $_.DisplayName }
    $rows = [ordered]@{}
    foreach ($name in $names.Values | Sort-Object) { $rows[$name] = [ordered]@{ Volume = $name } }
    foreach ($region in $regions) {
        $live = @(Get-OciVolumeBackup -CompartmentId $shop -Recurse -Region $region -Session $emu.Session |
                Where-Object LifecycleState -In 'AVAILABLE', 'FAULTY')
        foreach ($name in $rows.Keys) {
            $mine = @($live | Where-Object { $names[$_.VolumeId] -eq $name })
            $faulty = @($mine | Where-Object LifecycleState -EQ 'FAULTY').Count
            $rows[$name][$region] = "$($mine.Count - $faulty)" + $(if ($faulty) { " (+$faulty FAULTY)" })
        }
    }

    Write-Host "`n$Title"
    $rows.Values | ForEach-Object { [pscustomobject] $_ } | Format-Table -AutoSize | Out-Host
}

Write-Host 'Starting a local OCI emulator for us-ashburn-1 and us-phoenix-1 with a month of backups...'
$emu = Start-OciEmulator -SeedFile (Join-Path $PSScriptRoot 'NightlyDemo.seed.json') -Region $regions -BackupSeconds $BackupSeconds -WhatIf:$false
try {
    $shop = $emu.Compartments['shop']
    Show-Backups 'AVAILABLE backups of each volume, before the nightly run (shop-db is in the sub-compartment shop/db; scratch is not tagged backup=nightly):'

    $arguments = @{ CompartmentId = $shop; Recurse = $true; DrRegion = 'us-phoenix-1'; KeepLast = 7; Session = $emu.Session; WhatIf = [bool] $WhatIfPreference }
    Write-Host "Running: ./samples/Invoke-NightlyBackup.ps1 -CompartmentId $shop -Recurse -DrRegion us-phoenix-1 -KeepLast 7$(if ($WhatIfPreference) { ' -WhatIf' })"
    $summary = & (Join-Path $PSScriptRoot 'Invoke-NightlyBackup.ps1') @arguments
    Write-Host "`nThe runbook's summary:"
    $summary | Format-List Volumes, BackedUp, Copied, DrRegion, Removed,
        @{ Name = 'RemovedByRegion'; Expression = { ($_.RemovedByRegion.GetEnumerator() | ForEach-Object { "$($_.Key): $($_.Value)" }) -join ', ' } },
        Failed, WhatIf, @{ Name = 'Elapsed'; Expression = { $_.Elapsed.ToString('mm\:ss') } } | Out-Host

    Show-Backups $(if ($WhatIfPreference) { 'AVAILABLE backups of each volume, after it (-WhatIf: nothing was sent):' } else { 'AVAILABLE backups of each volume, after it (tonight''s backup and its DR copy among the 7 kept):' })
    $state = Get-OciEmulatorState $emu
    Write-Host ("The emulator counted {0} requests: {1} backups created, {2} copies made, {3} backups deleted." -f
        $state.Requests, ($state.VolumeBackupsCreated.Values | Measure-Object -Sum).Sum, $state.VolumeBackupCopiesMade, $state.VolumeBackupsDeleted)
}
finally {
    $emu | Stop-OciEmulator -WhatIf:$false | Out-Null
    Write-Host 'The emulator is stopped.'
}
