#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }, OciBackup
# Proves that the runbook Backup-Compartment.ps1 backs up every volume and volume group of a compartment exactly
# once, even when OCI throttles it and loses responses, and that a re-run with the same run key makes no second backup.
# No OCI account needed: a local emulator stands in for OCI. Run it with: Invoke-Pester ./Backup-Compartment.Tests.ps1

BeforeAll {
    Import-Module OciBackup
    $emu = Start-OciEmulator -Volumes 20 -BackupSeconds 1
    $runbook = Join-Path $PSScriptRoot 'Backup-Compartment.ps1'
}

AfterAll {
    $emu | Stop-OciEmulator
}

Describe 'Backup-Compartment.ps1' {
    AfterEach {
        Set-OciEmulatorFault -Reset
    }

    It 'backs up every volume and volume group exactly once through throttling and lost responses' {
        Set-OciEmulatorFault -RateLimit 5 -DropShare 0.5

        $backups = & $runbook -CompartmentId $emu.CompartmentId -Session $emu.Session -ErrorAction Stop

        $backups.LifecycleState | Should -Not -Contain 'FAULTY'
        $backups | Should -HaveCount ($emu.VolumeIds.Count + $emu.VolumeGroupIds.Count)
        $state = Get-OciEmulatorState
        foreach ($id in $emu.StandaloneVolumeIds) { $state.VolumeBackupsCreated[$id] | Should -Be 1 }
        foreach ($id in $emu.VolumeGroupIds) { $state.VolumeGroupBackupsCreated[$id] | Should -Be 1 }
        $state.FaultCounts.RateLimited | Should -BeGreaterThan 0
        $state.FaultCounts.DroppedResponse | Should -BeGreaterThan 0
    }

    It 'makes no second backup when run again with the same run key' {
        $runKey = 'rerun-' + [guid]::NewGuid().ToString('N')
        $null = & $runbook -CompartmentId $emu.CompartmentId -Session $emu.Session -RunKey $runKey -ErrorAction Stop
        $before = Get-OciEmulatorState

        $again = & $runbook -CompartmentId $emu.CompartmentId -Session $emu.Session -RunKey $runKey -ErrorAction Stop

        $again | Should -HaveCount ($emu.VolumeIds.Count + $emu.VolumeGroupIds.Count)
        $after = Get-OciEmulatorState
        $after.VolumeBackups | Should -Be $before.VolumeBackups
        $after.VolumeGroupBackups | Should -Be $before.VolumeGroupBackups
    }
}
