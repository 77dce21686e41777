#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Copying backups to a second region and restoring them, end to end against an emulator serving two regions, as a
# user's script runs them. Run after a build (dotnet build OciBackup.sln -c Release) with: Invoke-Pester ./tests/pester

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    $home_, $dr = 'us-ashburn-1', 'us-phoenix-1'
    $emu = Start-OciEmulator -Region $home_, $dr -Compartment pester -Volumes 30 -VolumeGroups 1 -VolumesPerGroup 2 -BackupSeconds 1 -ErrorAction Stop
    $session = $emu.Session
    $compartmentId = $emu.Compartments['pester']

    # Backups made for one test each, AVAILABLE, so that each test's counters are its own.
    $freeVolumes = [System.Collections.Generic.Queue[string]]::new([string[]] $emu.StandaloneVolumeIds)
    function New-TestBackup {
        param([int] $Count = 1)
        if ($freeVolumes.Count -lt $Count) { throw 'Out of unused volumes: start the emulator with more -Volumes.' }
        $volumeIds = @(for ($i = 0; $i -lt $Count; $i++) { $freeVolumes.Dequeue() })
        @($volumeIds | New-OciVolumeBackup -Session $session -Wait -Timeout 60 -ErrorAction Stop)
    }

    function Get-Count {
        param([hashtable] $Table, [string] $Key)
        if ($Table.ContainsKey($Key)) { $Table[$Key] } else { 0 }
    }
}

AfterAll {
    $emu | Stop-OciEmulator
    Remove-Module OciBackup -ErrorAction SilentlyContinue
}

Describe 'Copy-OciVolumeBackup' {
    AfterEach {
        Set-OciEmulatorFault $emu -Reset
    }

    It 'copies a backup given by its id into the destination, where the copy says its source' {
        $backup = New-TestBackup

        $output = @($backup.Id | Copy-OciVolumeBackup -DestinationRegion $dr -DisplayName 'dr copy' -Session $session -ErrorAction Stop)

        $output | Should -HaveCount 1
        $copy = $output[0]
        $copy.PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeBackup'
        $copy.Region | Should -Be $dr
        $copy.Id | Should -BeLike "ocid1.volumebackup.oc1.$dr.*"
        $copy.SourceVolumeBackupId | Should -Be $backup.Id
        $copy.DisplayName | Should -Be 'dr copy'
        $copy.CompartmentId | Should -Be $compartmentId
        (Get-OciEmulatorState $emu).CopiesMade[$backup.Id] | Should -Be 1
        $listed = @(Invoke-OciRestMethod /20160918/volumeBackups -Region $dr -Query @{ compartmentId = $compartmentId; sourceVolumeBackupId = $backup.Id } -Session $session -ErrorAction Stop)
        $listed.id | Should -Be $copy.Id
    }

    It 'with -Wait polls the copy in the destination and writes it AVAILABLE there' {
        $backup = New-TestBackup
        $before = Get-OciEmulatorState $emu

        $output = @($backup | Copy-OciVolumeBackup -DestinationRegion phx -Wait -Timeout 60 -Session $session -ErrorAction Stop)

        $after = Get-OciEmulatorState $emu
        $output | Should -HaveCount 1
        $output[0].LifecycleState | Should -Be 'AVAILABLE'
        $output[0].Region | Should -Be $dr
        # One copy asked of the source region; everything after it (the look for an earlier copy, the polls) in the destination.
        ($after.RequestsByRegion[$home_] - $before.RequestsByRegion[$home_]) | Should -Be 1
        ($after.RequestsByRegion[$dr] - $before.RequestsByRegion[$dr]) | Should -BeGreaterThan 1
    }

    It 'binds backups of this module, of Invoke-OciRestMethod and shaped like OCI.PSModules'' objects by property name' {
        $ours, $raw, $oracles = New-TestBackup 3
        $listed = Invoke-OciRestMethod "/20160918/volumeBackups/$($raw.Id)" -Session $session -ErrorAction Stop
        # Oracle's .NET SDK models, as OCI.PSModules writes them: PascalCase, no Region.
        $sdk = [pscustomobject]@{ Id = $oracles.Id; CompartmentId = $compartmentId; DisplayName = $oracles.DisplayName; VolumeId = $oracles.VolumeId
            LifecycleState = 'Available'; SourceVolumeBackupId = $null; TimeCreated = [DateTime]::UtcNow; Type = 'Incremental' }
        $before = (Get-OciEmulatorState $emu).RequestsByOperation

        $output = @($ours, $listed, $sdk | Copy-OciVolumeBackup -DestinationRegion $dr -Session $session -ErrorAction Stop)

        $after = (Get-OciEmulatorState $emu).RequestsByOperation
        ($output.SourceVolumeBackupId | Sort-Object) | Should -Be (@($ours.Id, $raw.Id, $oracles.Id) | Sort-Object)
        # Each says its compartment, so no backup is read to find it, and one list of the destination serves all three.
        (Get-Count $after 'GetVolumeBackup') - (Get-Count $before 'GetVolumeBackup') | Should -Be 0
        (Get-Count $after 'ListVolumeBackups') - (Get-Count $before 'ListVolumeBackups') | Should -Be 1
    }

    It 'makes no second copy when a copy is there already, however long ago it was made' {
        $backup = New-TestBackup
        $first = $backup | Copy-OciVolumeBackup -DestinationRegion $dr -Session $session -ErrorAction Stop
        $before = (Get-OciEmulatorState $emu).RequestsByOperation

        $records = @($backup | Copy-OciVolumeBackup -DestinationRegion $dr -Session $session -Verbose -ErrorAction Stop 4>&1)

        $again = @($records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $verbose = ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message) -join "`n"
        $again | Should -HaveCount 1
        $again[0].Id | Should -Be $first.Id
        $verbose | Should -BeLike "*Found copy $($first.Id) of $($backup.Id)*made earlier*"
        $verbose | Should -BeLike '*0 of 1 copies made, 1 found made earlier, 0 failed.*'
        (Get-OciEmulatorState $emu).CopiesMade[$backup.Id] | Should -Be 1
        (Get-Count (Get-OciEmulatorState $emu).RequestsByOperation 'CopyVolumeBackup') | Should -Be (Get-Count $before 'CopyVolumeBackup')
    }

    It 'makes no second copy when run again with the same run key, even without looking' {
        $backup = New-TestBackup
        $runKey = 'pester-dr-' + [guid]::NewGuid().ToString('N')
        $first = $backup | Copy-OciVolumeBackup -DestinationRegion $dr -RunKey $runKey -AllowDuplicate -Session $session -ErrorAction Stop

        $again = $backup | Copy-OciVolumeBackup -DestinationRegion $dr -RunKey $runKey -AllowDuplicate -Session $session -ErrorAction Stop
        $other = $backup | Copy-OciVolumeBackup -DestinationRegion $dr -AllowDuplicate -Session $session -ErrorAction Stop

        $again.Id | Should -Be $first.Id
        $other.Id | Should -Not -Be $first.Id
        # The run key's copy once, and the one asked for without it: -AllowDuplicate did what it says.
        (Get-OciEmulatorState $emu).CopiesMade[$backup.Id] | Should -Be 2
    }

    It 'makes one copy per backup through throttling and lost responses' {
        $backups = New-TestBackup 10
        Set-OciEmulatorFault $emu -RateLimit 5 -DropShare 0.5

        $output = @($backups | Copy-OciVolumeBackup -DestinationRegion $dr -Wait -Timeout 120 -Session $session -ErrorAction Stop)

        $state = Get-OciEmulatorState $emu
        $output | Should -HaveCount 10
        $output.LifecycleState | Sort-Object -Unique | Should -Be 'AVAILABLE'
        foreach ($backup in $backups) { $state.CopiesMade[$backup.Id] | Should -Be 1 }
        $state.FaultCounts.RateLimited | Should -BeGreaterThan 0
        $state.FaultCounts.DroppedResponse | Should -BeGreaterThan 0
    }

    It 'sends nothing with -WhatIf' {
        $backup = New-TestBackup
        $before = (Get-OciEmulatorState $emu).Requests

        $output = @($backup | Copy-OciVolumeBackup -DestinationRegion $dr -Session $session -WhatIf)

        $output | Should -HaveCount 0
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }

    Context 'input refused before anything is sent' {
        BeforeAll {
            $untouched = New-TestBackup
        }

        It 'stops the command when <Case>' -ForEach @(
            @{ Case = 'the session has no endpoint for the destination'; Arguments = @{ DestinationRegion = 'eu-frankfurt-1' }; ErrorId = 'OciBackup.InvalidDestinationRegion' }
            @{ Case = 'the destination is no region'; Arguments = @{ DestinationRegion = 'not a region!' }; ErrorId = 'OciBackup.InvalidDestinationRegion' }
            @{ Case = 'the KMS key is not a key OCID'; Arguments = @{ DestinationRegion = 'us-phoenix-1'; KmsKeyId = 'ocid1.volume.oc1.iad.abc' }; ErrorId = 'OciBackup.InvalidKmsKeyId' }
            @{ Case = 'the name is 256 characters'; Arguments = @{ DestinationRegion = 'us-phoenix-1'; DisplayName = ('n' * 256) }; ErrorId = 'OciBackup.InvalidDisplayName' }
        ) {
            $before = (Get-OciEmulatorState $emu).Requests

            $failure = { $untouched | Copy-OciVolumeBackup -Session $session @Arguments } | Should -Throw -PassThru

            $failure.FullyQualifiedErrorId | Should -Be "$ErrorId,OciBackup.Cmdlets.CopyOciVolumeBackupCommand"
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            (Get-OciEmulatorState $emu).Requests | Should -Be $before
        }

        It 'fails only the items that are no volume backup, or are in the destination already' {
            $before = (Get-OciEmulatorState $emu).Requests
            $inPhoenix = 'ocid1.volumebackup.oc1.phx.aaaaaaaanotsentanywhere'

            $output = @('ocid1.volume.oc1.iad.abc', $inPhoenix, 'not-an-ocid' | Copy-OciVolumeBackup -DestinationRegion $dr -Session $session -ErrorVariable failures -ErrorAction SilentlyContinue)

            $output | Should -HaveCount 0
            $failures | Should -HaveCount 3
            $failures.FullyQualifiedErrorId | Should -Be @(
                'OciBackup.InvalidVolumeBackupId,OciBackup.Cmdlets.CopyOciVolumeBackupCommand'
                'OciBackup.InvalidDestinationRegion,OciBackup.Cmdlets.CopyOciVolumeBackupCommand'
                'OciBackup.InvalidVolumeBackupId,OciBackup.Cmdlets.CopyOciVolumeBackupCommand')
            $failures[1].TargetObject | Should -Be $inPhoenix
            "$($failures[1])" | Should -BeLike "*is in $dr already*"
            (Get-OciEmulatorState $emu).Requests | Should -Be $before
        }
    }

    It 'fails only the item of a backup the source region does not have' {
        $backup = New-TestBackup
        $missing = "ocid1.volumebackup.oc1.$home_.aaaaaaaadoesnotexist"

        $output = @($missing, $backup.Id | Copy-OciVolumeBackup -DestinationRegion $dr -Session $session -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 1
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.BackupNotFound,OciBackup.Cmdlets.CopyOciVolumeBackupCommand'
        $failures[0].TargetObject | Should -Be $missing
    }
}

Describe 'Copy-OciVolumeGroupBackup' {
    It 'copies a group backup with its members, waits for it in the destination, and finds it there the next time' {
        $groupBackup = New-OciVolumeGroupBackup -VolumeGroupId $emu.VolumeGroupIds[0] -Session $session -Wait -Timeout 60 -ErrorAction Stop

        $copy = @($groupBackup | Copy-OciVolumeGroupBackup -DestinationRegion $dr -Wait -Timeout 60 -Session $session -ErrorAction Stop)
        $again = @($groupBackup | Copy-OciVolumeGroupBackup -DestinationRegion $dr -Session $session -ErrorAction Stop)

        $copy | Should -HaveCount 1
        $copy[0].PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeGroupBackup'
        $copy[0].LifecycleState | Should -Be 'AVAILABLE'
        $copy[0].Region | Should -Be $dr
        $copy[0].SourceVolumeGroupBackupId | Should -Be $groupBackup.Id
        $copy[0].VolumeBackupIds | Should -HaveCount 2
        $copy[0].VolumeBackupIds | ForEach-Object { $_ | Should -BeLike "ocid1.volumebackup.oc1.$dr.*" }
        $again[0].Id | Should -Be $copy[0].Id
        (Get-OciEmulatorState $emu).CopiesMade[$groupBackup.Id] | Should -Be 1
    }
}

Describe 'Restore-OciVolumeBackup' {
    It 'restores a backup as a volume in the region''s first availability domain and waits until it is AVAILABLE' {
        $backup = New-TestBackup

        $output = @($backup | Restore-OciVolumeBackup -DisplayName 'restore test' -FreeformTag @{ Purpose = 'restore-test' } -Wait -Timeout 60 -Session $session -ErrorAction Stop)

        $output | Should -HaveCount 1
        $volume = $output[0]
        $volume.PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.Volume'
        $volume.LifecycleState | Should -Be 'AVAILABLE'
        $volume.Region | Should -Be $home_
        $volume.AvailabilityDomain | Should -Be 'Uocm:US-ASHBURN-AD-1'
        $volume.CompartmentId | Should -Be $compartmentId
        $volume.DisplayName | Should -Be 'restore test'
        $volume.FreeformTags['Purpose'] | Should -Be 'restore-test'
        $volume.SizeInGBs | Should -Be $backup.SizeInGBs
        (Get-OciEmulatorState $emu).Restores[$backup.Id] | Should -Be 1
    }

    It 'restores a copy in the destination region, in the domain, size and performance asked for' {
        $copy = New-TestBackup | Copy-OciVolumeBackup -DestinationRegion $dr -Wait -Timeout 60 -Session $session -ErrorAction Stop

        $volume = $copy | Restore-OciVolumeBackup -AvailabilityDomain 'uocm:phx-ad-2' -SizeInGBs 2048 -VpusPerGB 20 -Wait -Timeout 60 -Session $session -ErrorAction Stop

        $volume.Region | Should -Be $dr
        $volume.Id | Should -BeLike "ocid1.volume.oc1.$dr.*"
        $volume.AvailabilityDomain | Should -BeExactly 'Uocm:PHX-AD-2'
        $volume.SizeInGBs | Should -Be 2048
        $volume.VpusPerGB | Should -Be 20
    }

    It 'fails the item of a domain the backup''s region does not have, before any restore is sent' {
        $backup = New-TestBackup
        $before = (Get-OciEmulatorState $emu).RequestsByOperation

        $output = @($backup | Restore-OciVolumeBackup -AvailabilityDomain 'Uocm:PHX-AD-1' -Session $session -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 0
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidAvailabilityDomain,OciBackup.Cmdlets.RestoreOciVolumeBackupCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be $backup.Id
        "$($failures[0])" | Should -BeLike "*not one of $home_'s (Uocm:US-ASHBURN-AD-1, Uocm:US-ASHBURN-AD-2, Uocm:US-ASHBURN-AD-3)*"
        (Get-Count (Get-OciEmulatorState $emu).RequestsByOperation 'CreateVolume') | Should -Be (Get-Count $before 'CreateVolume')
    }

    It 'makes no second volume when run again with the same run key' {
        $backup = New-TestBackup
        $runKey = 'pester-restore-' + [guid]::NewGuid().ToString('N')

        $first = $backup.Id | Restore-OciVolumeBackup -RunKey $runKey -Session $session -ErrorAction Stop
        $again = $backup.Id | Restore-OciVolumeBackup -RunKey $runKey -Session $session -ErrorAction Stop

        $again.Id | Should -Be $first.Id
        (Get-OciEmulatorState $emu).Restores[$backup.Id] | Should -Be 1
    }

    It 'stops the command when <Case>, before anything is sent' -ForEach @(
        @{ Case = 'the VPUs per GB are not a step of 10'; Arguments = @{ VpusPerGB = 15 }; ErrorId = 'OciBackup.InvalidVpusPerGB' }
        @{ Case = 'the KMS key is not a key OCID'; Arguments = @{ KmsKeyId = 'ocid1.vault.oc1.iad.abc' }; ErrorId = 'OciBackup.InvalidKmsKeyId' }
        @{ Case = 'a freeform tag key has a space'; Arguments = @{ FreeformTag = @{ 'has space' = 'x' } }; ErrorId = 'OciBackup.InvalidFreeformTags' }
        @{ Case = 'the size is below 50 GB'; Arguments = @{ SizeInGBs = 10 }; ErrorId = 'ParameterArgumentValidationError' }
    ) {
        $backupId = "ocid1.volumebackup.oc1.$home_.aaaaaaaanevertouched"
        $before = (Get-OciEmulatorState $emu).Requests

        $failure = { $backupId | Restore-OciVolumeBackup -Session $session @Arguments } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be "$ErrorId,OciBackup.Cmdlets.RestoreOciVolumeBackupCommand"
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }

    It 'sends nothing with -WhatIf, and completes the domains of the region on the line' {
        $before = (Get-OciEmulatorState $emu).Requests

        $output = @("ocid1.volumebackup.oc1.$home_.aaaaaaaanevertouched" | Restore-OciVolumeBackup -Session $session -WhatIf)
        $sent = (Get-OciEmulatorState $emu).Requests - $before
        $line = 'Restore-OciVolumeBackup -Session $session -Region phx -AvailabilityDomain Uocm:'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

        $output | Should -HaveCount 0
        $sent | Should -Be 0
        $completions | Should -Be 'Uocm:PHX-AD-1', 'Uocm:PHX-AD-2', 'Uocm:PHX-AD-3'
    }
}

Describe 'Restore-OciVolumeGroupBackup' {
    It 'restores a group backup as a new group with a volume per member and waits until it is AVAILABLE' {
        $groupBackup = New-OciVolumeGroupBackup -VolumeGroupId $emu.VolumeGroupIds[0] -Session $session -Wait -Timeout 60 -ErrorAction Stop

        $output = @($groupBackup | Restore-OciVolumeGroupBackup -AvailabilityDomain 'Uocm:US-ASHBURN-AD-3' -DisplayName 'group restore' -Wait -Timeout 60 -Session $session -ErrorAction Stop)

        $output | Should -HaveCount 1
        $group = $output[0]
        $group.PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeGroup'
        $group.LifecycleState | Should -Be 'AVAILABLE'
        $group.DisplayName | Should -Be 'group restore'
        $group.AvailabilityDomain | Should -Be 'Uocm:US-ASHBURN-AD-3'
        $group.VolumeIds | Should -HaveCount 2
        (Get-OciEmulatorState $emu).Restores[$groupBackup.Id] | Should -Be 1
    }

    It 'refuses a volume backup id before sending anything' {
        $before = (Get-OciEmulatorState $emu).Requests

        Restore-OciVolumeGroupBackup -VolumeGroupBackupId "ocid1.volumebackup.oc1.$home_.abc" -Session $session -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidVolumeGroupBackupId,OciBackup.Cmdlets.RestoreOciVolumeGroupBackupCommand'
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }
}
