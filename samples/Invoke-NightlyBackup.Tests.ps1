#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }, OciBackup
# Proves the nightly runbook Invoke-NightlyBackup.ps1 against a local emulator of two regions seeded with a month of
# history (NightlyDemo.seed.json): it backs up exactly the tagged volumes, copies each backup to the DR region once,
# keeps the newest 7 of each of those volumes in both regions and leaves every other backup alone; -WhatIf sends
# nothing; a second run the same night does nothing twice. Each result is read from the emulator's own state and the
# raw API, not from the runbook's summary alone.
# Run it with: Invoke-Pester ./samples/Invoke-NightlyBackup.Tests.ps1

BeforeAll {
    Import-Module OciBackup
    $emu = Start-OciEmulator -SeedFile (Join-Path $PSScriptRoot 'NightlyDemo.seed.json') -Region us-ashburn-1, us-phoenix-1 -BackupSeconds 1
    $runbook = Join-Path $PSScriptRoot 'Invoke-NightlyBackup.ps1'
    $shop = $emu.Compartments['shop']
    $session = $emu.Session

    # The volumes by name, from the raw API of the home region.
    $volumeId = @{}
    foreach ($compartment in $emu.CompartmentIds) {
        foreach ($volume in Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartment } -All -Session $session) {
            $volumeId[$volume.displayName] = $volume.id
        }
    }

    $tagged = 'shop-web', 'shop-data', 'shop-db'

    # A volume's backups that are not being deleted, in a region, from the raw API.
    function Get-LiveBackup {
        param([string] $Volume, [string] $Region)
        $compartment = if ($Volume -eq 'shop-db') { $emu.Compartments['db'] } else { $shop }
        @(Invoke-OciRestMethod /20160918/volumeBackups -Query @{ compartmentId = $compartment; volumeId = $volumeId[$Volume] } -All -Region $Region -Session $session |
                Where-Object lifecycleState -NotIn 'TERMINATING', 'TERMINATED')
    }

    function Get-Count { param([hashtable] $Table, [string] $Key) if ($Table[$Key]) { $Table[$Key] } else { 0 } }
}

AfterAll {
    $emu | Stop-OciEmulator
}

Describe 'Invoke-NightlyBackup.ps1' {
    It 'with -WhatIf sends no create, copy or delete, and says what it would delete and why' {
        $transcript = Join-Path ([System.IO.Path]::GetTempPath()) "nightly-whatif-$([guid]::NewGuid().ToString('N')).txt"
        $null = Start-Transcript -Path $transcript
        try {
            $summary = & $runbook -CompartmentId $shop -Recurse -DrRegion us-phoenix-1 -Session $session -WhatIf -ErrorAction Stop
        }
        finally {
            $null = Stop-Transcript
        }
        $whatIf = @(Get-Content -LiteralPath $transcript | Where-Object { $_ -like 'What if:*' })
        Remove-Item -LiteralPath $transcript

        $summary.WhatIf | Should -BeTrue
        $summary.Volumes | Should -Be 3
        $summary.BackedUp | Should -Be 0
        $summary.Removed | Should -Be 0
        $state = Get-OciEmulatorState $emu
        foreach ($operation in 'CreateVolumeBackup', 'CopyVolumeBackup', 'DeleteVolumeBackup') {
            Get-Count $state.RequestsByOperation $operation | Should -Be 0 -Because "-WhatIf sends no $operation"
        }
        @($whatIf | Where-Object { $_ -like '*"Create *' }) | Should -HaveCount 3
        # Tonight's backup is not made, so 30 AVAILABLE backups of each volume are there: 23 beyond the newest 7, and
        # shop-web's FAULTY one; in the DR region 3 beyond the newest 7 of 10 copies.
        $deletes = @($whatIf | Where-Object { $_ -like '*"Delete (KeepLast: *' })
        $deletes | Should -HaveCount (3 * 23 + 1 + 3 * 3)
        @($deletes | Where-Object { $_ -like "*beyond the 7 newest AVAILABLE backups of volume $($volumeId['shop-web'])*" }) | Should -HaveCount (23 + 3)
        @($deletes | Where-Object { $_ -like '*(KeepLast: FAULTY, so not one of the 7 kept of volume *' }) | Should -HaveCount 1
    }

    It 'backs up the tagged volumes, copies each backup to the DR region, and keeps the newest 7 of each in both regions' {
        $summary = & $runbook -CompartmentId $shop -Recurse -DrRegion us-phoenix-1 -Session $session -ErrorAction Stop

        $state = Get-OciEmulatorState $emu
        foreach ($name in $tagged) {
            $state.VolumeBackupsCreated[$volumeId[$name]] | Should -Be 1 -Because "$name is tagged backup=nightly"
            $inHome = Get-LiveBackup $name us-ashburn-1
            $dr = Get-LiveBackup $name us-phoenix-1
            $inHome | Should -HaveCount 7 -Because "$name keeps 7 in its own region"
            $inHome.lifecycleState | Should -Not -Contain 'FAULTY'
            $inHome.displayName | Should -Contain "nightly $([DateTime]::UtcNow.ToString('yyyy-MM-dd'))"
            ($inHome.displayName -like "$name night -*" | Sort-Object) | Should -Be (1..6 | ForEach-Object { "$name night -$_" })
            $dr | Should -HaveCount 7 -Because "$name keeps 7 copies in the DR region"
            @($dr | Where-Object sourceVolumeBackupId) | Should -HaveCount 1 -Because "tonight's backup of $name was copied once"
        }

        Get-Count $state.VolumeBackupsCreated $volumeId['scratch'] | Should -Be 0
        Get-LiveBackup scratch us-ashburn-1 | Should -HaveCount 30 -Because 'scratch is not tagged, so neither backed up nor pruned'
        $state.VolumeBackupCopiesMade | Should -Be 3
        # 24 AVAILABLE of each volume's 31 and shop-web's FAULTY one; 4 copies of each volume's 11.
        $state.VolumeBackupsDeleted | Should -Be (3 * 24 + 1 + 3 * 4)
        $state.RequestsByRegion['us-phoenix-1'] | Should -BeGreaterThan 0

        $summary.Volumes | Should -Be 3
        $summary.BackedUp | Should -Be 3
        $summary.Copied | Should -Be 3
        $summary.RemovedByRegion['us-ashburn-1'] | Should -Be (3 * 24 + 1)
        $summary.RemovedByRegion['us-phoenix-1'] | Should -Be (3 * 4)
        $summary.Failed | Should -Be 0
    }

    It 'run again the same night, makes no second backup or copy and deletes nothing more' {
        $before = Get-OciEmulatorState $emu

        $summary = & $runbook -CompartmentId $shop -Recurse -DrRegion us-phoenix-1 -Session $session -ErrorAction Stop

        $after = Get-OciEmulatorState $emu
        foreach ($name in $tagged) { $after.VolumeBackupsCreated[$volumeId[$name]] | Should -Be 1 }
        $after.VolumeBackupCopiesMade | Should -Be $before.VolumeBackupCopiesMade
        $after.VolumeBackupsDeleted | Should -Be $before.VolumeBackupsDeleted
        $summary.BackedUp | Should -Be 3
        $summary.Copied | Should -Be 3
        $summary.Removed | Should -Be 0
    }
}
