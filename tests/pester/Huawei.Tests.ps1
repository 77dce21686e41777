#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The Huawei Cloud cmdlets end to end against the emulator's Huawei side (Start-OciEmulator -Huawei: VBS and RDS on
# ports of their own, a generated AK/SK), as a user's script runs them. Counts come from the emulator's own counters.
# Run after a build (dotnet build OciBackup.sln -c Release) with: Invoke-Pester ./tests/pester

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    $emu = Start-OciEmulator -Huawei -HwcVolumes 60 -HwcInstances 24 -HwcJobStartSeconds 0.2 -BackupSeconds 1 -ErrorAction Stop
    $hwc = $emu.HwcSession
    if ($emu.HwcVolumeIds.Count -ne 60 -or $emu.HwcInstanceIds.Count -ne 24) {
        throw "Unexpected Huawei inventory: $($emu.HwcVolumeIds.Count) disks, $($emu.HwcInstanceIds.Count) instances."
    }

    # Each test that counts backups takes disks and instances no other test touches.
    $freeDisks = [System.Collections.Generic.Queue[string]]::new([string[]] $emu.HwcVolumeIds)
    $freeInstances = [System.Collections.Generic.Queue[string]]::new([string[]] $emu.HwcInstanceIds)
    function Use-Disk {
        param([int] $Count = 1)
        if ($freeDisks.Count -lt $Count) { throw 'Out of unused disks: start the emulator with more -HwcVolumes.' }
        for ($i = 0; $i -lt $Count; $i++) { $freeDisks.Dequeue() }
    }

    function Use-Instance {
        param([int] $Count = 1)
        if ($freeInstances.Count -lt $Count) { throw 'Out of unused instances: start the emulator with more -HwcInstances.' }
        for ($i = 0; $i -lt $Count; $i++) { $freeInstances.Dequeue() }
    }

    function Get-DiskBackupCount { param([string] $Id) (Get-OciEmulatorState $emu).HwcVolumeBackupsCreated[$Id] }
    function Get-RdsBackupCount { param([string] $Id) (Get-OciEmulatorState $emu).HwcRdsBackupsCreated[$Id] }
    function Get-HwcRequestCount { (Get-OciEmulatorState $emu).HwcRequests }

    # The emulator's generated credentials (a permanent AK/SK, and a temporary one with its security token).
    $credentials = Get-Content -Raw -LiteralPath $emu.HwcCredentialsFile | ConvertFrom-Json
}

AfterAll {
    $emu | Stop-OciEmulator
    Remove-Module OciBackup -ErrorAction SilentlyContinue
}

Describe 'New-HwcVolumeBackup' {
    AfterEach {
        Set-OciEmulatorFault $emu -Reset
    }

    It 'gives a disk id string from the pipeline one backup, and writes the job VBS answered with' {
        $diskId = Use-Disk

        $output = @($diskId | New-HwcVolumeBackup -Name first-01 -Session $hwc -Force -ErrorAction Stop)

        $output | Should -HaveCount 1
        $job = $output[0]
        $job.PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Huawei.Models.HwcVolumeBackupJob'
        $job.JobId | Should -Match '^[0-9a-f]{32}$'
        $job.Status | Should -Be 'INIT'
        $job.VolumeId | Should -Be $diskId
        $job.BackupName | Should -Be 'first-01'
        $job.Region | Should -Be $emu.HwcRegion
        Get-DiskBackupCount $diskId | Should -Be 1
    }

    It 'binds objects with an Id or a VolumeId property by property name' {
        $first, $second = Use-Disk 2

        $output = @(
            [pscustomobject]@{ Id = $first; Name = 'an EVS disk listed by another tool' },
            [pscustomobject]@{ VolumeId = $second } | New-HwcVolumeBackup -Name by-property -Session $hwc -Force -ErrorAction Stop)

        ($output.VolumeId | Sort-Object) | Should -Be (@($first, $second) | Sort-Object)
        Get-DiskBackupCount $first | Should -Be 1
        Get-DiskBackupCount $second | Should -Be 1
    }

    It 'with -Wait follows each job to SUCCESS and writes the available backup, full as asked' {
        $diskIds = @(Use-Disk 3)

        $output = @($diskIds | New-HwcVolumeBackup -Name waited-01 -Description 'before the patch' -Type Full -Tag @{ env = 'test'; ticket = 42 } -Wait -Timeout 60 -Session $hwc -Force -ErrorAction Stop)

        $output | Should -HaveCount 3
        foreach ($backup in $output) {
            $backup.PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Huawei.Models.HwcVolumeBackup'
            $backup.Status | Should -Be 'available'
            $backup.Name | Should -Be 'waited-01'
            $backup.Description | Should -Be 'before the patch'
            $backup.IsIncremental | Should -BeFalse
            $backup.JobId | Should -Match '^[0-9a-f]{32}$'
            $backup.Id | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        }

        ($output.VolumeId | Sort-Object) | Should -Be ($diskIds | Sort-Object)
        foreach ($id in $diskIds) { Get-DiskBackupCount $id | Should -Be 1 }
    }

    It 'refuses <Case> with <ErrorId> before sending anything' -ForEach @(
        @{ Case = 'a name VBS keeps for its policies'; Arguments = @{ Name = 'autobk_nightly' }; ErrorId = 'OciBackup.InvalidName'; Shown = 'autobk_nightly' }
        @{ Case = 'a name with a space'; Arguments = @{ Name = 'night ly' }; ErrorId = 'OciBackup.InvalidName'; Shown = 'night ly' }
        @{ Case = 'a name of 65 characters'; Arguments = @{ Name = ('n' * 65) }; ErrorId = 'OciBackup.InvalidName'; Shown = ('n' * 65) }
        @{ Case = 'a description with <'; Arguments = @{ Name = 'ok-name'; Description = 'a <b> description' }; ErrorId = 'OciBackup.InvalidDescription'; Shown = 'description' }
        @{ Case = 'a tag key with ='; Arguments = @{ Name = 'ok-name'; Tag = @{ 'a=b' = 'x' } }; ErrorId = 'OciBackup.InvalidTag'; Shown = 'a=b' }
        @{ Case = 'a tag value of 44 characters'; Arguments = @{ Name = 'ok-name'; Tag = @{ owner = ('v' * 44) } }; ErrorId = 'OciBackup.InvalidTag'; Shown = 'owner' }
    ) {
        $diskId = Use-Disk
        $requests = Get-HwcRequestCount

        $err = { $diskId | New-HwcVolumeBackup @Arguments -Session $hwc -Force -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLike "*$Shown*"
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        Get-HwcRequestCount | Should -Be $requests
        Get-DiskBackupCount $diskId | Should -Be 0
    }

    It 'fails a disk id that is not a UUID on its own, before sending it, and backs up the rest' {
        $good = Use-Disk

        $output = @('not-a-disk', $good | New-HwcVolumeBackup -Name mixed-01 -Session $hwc -Force -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 1
        $output[0].VolumeId | Should -Be $good
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.InvalidVolumeId,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be 'not-a-disk'
        $failures[0].Exception.Message | Should -BeLike "*'not-a-disk'*UUID*"
        (Get-OciEmulatorState $emu).HwcRequestsByOperation['CreateBackup'] | Should -BeGreaterThan 0
    }

    It 'sends nothing with -WhatIf' {
        $diskIds = @(Use-Disk 2)
        $requests = Get-HwcRequestCount

        $output = @($diskIds | New-HwcVolumeBackup -Name dry-run -Session $hwc -WhatIf)

        $output | Should -HaveCount 0
        Get-HwcRequestCount | Should -Be $requests
        foreach ($id in $diskIds) { Get-DiskBackupCount $id | Should -Be 0 }
    }

    It 'fails a disk whose job ends FAIL with the job''s reason, and goes on with the others' {
        $doomed = Use-Disk
        $good = Use-Disk
        $missing = [guid]::NewGuid().ToString()

        Set-OciEmulatorFault $emu -FaultyShare 1
        $failed = @($doomed | New-HwcVolumeBackup -Name doomed-01 -Wait -Timeout 60 -Session $hwc -Force -ErrorVariable jobFailures -ErrorAction SilentlyContinue)
        Set-OciEmulatorFault $emu -Reset
        $output = @($missing, $good | New-HwcVolumeBackup -Name after-fail -Wait -Timeout 60 -Session $hwc -Force -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failed | Should -HaveCount 0
        $jobFailures | Should -HaveCount 1
        $jobFailures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.HwcVolumeBackupFaulty,*'
        $jobFailures[0].CategoryInfo.Category | Should -Be 'InvalidResult'
        "$($jobFailures[0])" | Should -BeLike '*Creating the snapshot of the disk failed*'
        $output | Should -HaveCount 1
        $output[0].VolumeId | Should -Be $good
        $output[0].Status | Should -Be 'available'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.HwcVolumeNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be $missing
        "$($failures[0])" | Should -BeLike '*X-Request-Id*'
    }

    It 'makes exactly one backup of each disk when answers are lost and 5xx come after the work' {
        $diskIds = @(Use-Disk 10)
        Set-OciEmulatorFault $emu -DropShare 0.4 -ErrorAfterWriteShare 0.3

        $output = @($diskIds | New-HwcVolumeBackup -Name lossy-01 -Wait -Timeout 120 -Session $hwc -Force -ErrorAction Stop -Verbose 4>&1)

        $backups = @($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        ($backups.VolumeId | Sort-Object) | Should -Be ($diskIds | Sort-Object)
        foreach ($id in $diskIds) { Get-DiskBackupCount $id | Should -Be 1 }
        $state = Get-OciEmulatorState $emu
        $state.FaultCounts.DroppedResponse + $state.FaultCounts.ErrorAfterWrite | Should -BeGreaterThan 0
        $verbose -match 'was found' | Should -Not -BeNullOrEmpty -Because 'a lost create is looked for, and found, before it is sent again'
    }

    It 'takes the session from $PSDefaultParameterValues' {
        $diskId = Use-Disk
        $PSDefaultParameterValues = @{ '*-Hwc*:Session' = $hwc }

        $job = $diskId | New-HwcVolumeBackup -Name defaulted -Force -ErrorAction Stop

        $job.VolumeId | Should -Be $diskId
    }

    It 'stops with OciBackup.HwcSessionMissing when there is no session' {
        $PSDefaultParameterValues = @{}
        { Use-Disk | New-HwcVolumeBackup -Name no-session -Force -ErrorAction Stop } | Should -Throw -ErrorId 'OciBackup.HwcSessionMissing,*'
    }
}

Describe 'New-HwcRdsBackup' {
    AfterEach {
        Set-OciEmulatorFault $emu -Reset
    }

    It 'gives an instance id string from the pipeline one manual backup, waited until COMPLETED' {
        $instanceId = Use-Instance

        $output = @($instanceId | New-HwcRdsBackup -Name before-upgrade -Description 'before the upgrade' -Wait -Timeout 60 -Session $hwc -Force -ErrorAction Stop)

        $output | Should -HaveCount 1
        $backup = $output[0]
        $backup.PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Huawei.Models.HwcRdsBackup'
        $backup.Status | Should -Be 'COMPLETED'
        $backup.Type | Should -Be 'manual'
        $backup.Name | Should -Be 'before-upgrade'
        $backup.Description | Should -Be 'before the upgrade'
        $backup.InstanceId | Should -Be $instanceId
        Get-RdsBackupCount $instanceId | Should -Be 1
    }

    It 'binds objects with an InstanceId or an Id property by property name, and writes BUILDING backups without -Wait' {
        $first, $second = Use-Instance 2

        $output = @(
            [pscustomobject]@{ InstanceId = $first },
            [pscustomobject]@{ Id = $second; Name = 'an RDS instance listed by another tool' } | New-HwcRdsBackup -Name by-property -Session $hwc -Force -ErrorAction Stop)

        ($output.InstanceId | Sort-Object) | Should -Be (@($first, $second) | Sort-Object)
        $output.Status | Select-Object -Unique | Should -Be 'BUILDING'
        Get-RdsBackupCount $first | Should -Be 1
        Get-RdsBackupCount $second | Should -Be 1
    }

    It 'refuses <Case> with <ErrorId> before sending anything' -ForEach @(
        @{ Case = 'a name of three characters'; Arguments = @{ Name = 'abc' }; ErrorId = 'OciBackup.InvalidName'; Shown = 'abc' }
        @{ Case = 'a name that starts with a digit'; Arguments = @{ Name = '1backup' }; ErrorId = 'OciBackup.InvalidName'; Shown = '1backup' }
        @{ Case = 'a description with &'; Arguments = @{ Name = 'ok-name'; Description = 'this & that' }; ErrorId = 'OciBackup.InvalidDescription'; Shown = 'description' }
    ) {
        $instanceId = Use-Instance
        $requests = Get-HwcRequestCount

        $err = { $instanceId | New-HwcRdsBackup @Arguments -Session $hwc -Force -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err.Exception.Message | Should -BeLike "*$Shown*"
        Get-HwcRequestCount | Should -Be $requests
        Get-RdsBackupCount $instanceId | Should -Be 0
    }

    It 'fails a malformed or unknown instance on its own and backs up the rest' {
        $good = Use-Instance
        $unknown = ('0' * 32) + 'in01'

        $output = @('bad id!', $unknown, $good | New-HwcRdsBackup -Name mixed-0001 -Wait -Timeout 60 -Session $hwc -Force -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 1
        $output[0].InstanceId | Should -Be $good
        $output[0].Status | Should -Be 'COMPLETED'
        $failures | Should -HaveCount 2
        $byTarget = @{}
        $failures | ForEach-Object { $byTarget[[string] $_.TargetObject] = $_ }
        $byTarget['bad id!'].FullyQualifiedErrorId | Should -BeLike 'OciBackup.InvalidInstanceId,*'
        $byTarget[$unknown].FullyQualifiedErrorId | Should -BeLike 'OciBackup.HwcRdsInstanceNotFound,*'
        $byTarget[$unknown].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'refuses a name the instance already has from before the run, making nothing' {
        $instanceId = Use-Instance
        $null = $instanceId | New-HwcRdsBackup -Name taken-name -Session $hwc -Force -ErrorAction Stop

        $output = @($instanceId | New-HwcRdsBackup -Name taken-name -Session $hwc -Force -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 0
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.HwcBackupNameInUse,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*Get-HwcRdsBackup*'
        Get-RdsBackupCount $instanceId | Should -Be 1
    }

    It 'fails an instance whose backup ends FAILED, saying so' {
        $instanceId = Use-Instance
        Set-OciEmulatorFault $emu -FaultyShare 1

        $output = @($instanceId | New-HwcRdsBackup -Name doomed-0001 -Wait -Timeout 60 -Session $hwc -Force -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 0
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.HwcRdsBackupFaulty,*'
        "$($failures[0])" | Should -BeLike '*FAILED*'
        $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        $instanceId = Use-Instance
        $requests = Get-HwcRequestCount

        $output = @($instanceId | New-HwcRdsBackup -Name dry-run-01 -Session $hwc -WhatIf)

        $output | Should -HaveCount 0
        Get-HwcRequestCount | Should -Be $requests
    }

    It 'makes exactly one backup of each instance when answers are lost and 5xx come after the work' {
        $instanceIds = @(Use-Instance 6)
        Set-OciEmulatorFault $emu -DropShare 0.4 -ErrorAfterWriteShare 0.3

        $output = @($instanceIds | New-HwcRdsBackup -Name lossy-0001 -Wait -Timeout 120 -Session $hwc -Force -ErrorAction Stop)

        ($output.InstanceId | Sort-Object) | Should -Be ($instanceIds | Sort-Object)
        $output.Status | Select-Object -Unique | Should -Be 'COMPLETED'
        foreach ($id in $instanceIds) { Get-RdsBackupCount $id | Should -Be 1 }
    }
}

Describe 'Wait-HwcBackup' {
    It 'waits for VBS jobs piped in and writes their available backups' {
        $diskIds = @(Use-Disk 2)
        $jobs = @($diskIds | New-HwcVolumeBackup -Name later-01 -Session $hwc -Force -ErrorAction Stop)

        $output = @($jobs | Wait-HwcBackup -Timeout 60 -Session $hwc -ErrorAction Stop)

        $output | Should -HaveCount 2
        $output.Status | Select-Object -Unique | Should -Be 'available'
        ($output.JobId | Sort-Object) | Should -Be ($jobs.JobId | Sort-Object)
        ($output.VolumeId | Sort-Object) | Should -Be ($diskIds | Sort-Object)
    }

    It 'waits for job ids given with -JobId and for VBS backup ids given with -BackupId' {
        $first, $second = Use-Disk 2
        $job = $first | New-HwcVolumeBackup -Name by-job-id -Session $hwc -Force -ErrorAction Stop
        $done = $second | New-HwcVolumeBackup -Name by-backup-id -Wait -Timeout 60 -Session $hwc -Force -ErrorAction Stop

        $byJob = @(Wait-HwcBackup -JobId $job.JobId -Timeout 60 -Session $hwc -ErrorAction Stop)
        $byBackup = @(Wait-HwcBackup -BackupId $done.Id -Timeout 60 -Session $hwc -ErrorAction Stop)

        $byJob | Should -HaveCount 1
        $byJob[0].VolumeId | Should -Be $first
        $byJob[0].Status | Should -Be 'available'
        $byBackup | Should -HaveCount 1
        $byBackup[0].Id | Should -Be $done.Id
    }

    It 'waits for RDS backups piped in, and for an RDS backup id with its -InstanceId' {
        $first, $second = Use-Instance 2
        $building = @($first, $second | New-HwcRdsBackup -Name waited-0001 -Session $hwc -Force -ErrorAction Stop)

        $piped = @($building[0] | Wait-HwcBackup -Timeout 60 -Session $hwc -ErrorAction Stop)
        $byId = @(Wait-HwcBackup -BackupId $building[1].Id -InstanceId $building[1].InstanceId -Timeout 60 -Session $hwc -ErrorAction Stop)

        $piped[0].Status | Should -Be 'COMPLETED'
        $piped[0].Id | Should -Be $building[0].Id
        $byId[0].Status | Should -Be 'COMPLETED'
        $byId[0].Id | Should -Be $building[1].Id
    }

    It 'fails what is not a Huawei backup or job on its own and waits for the rest' {
        $diskId = Use-Disk
        $job = $diskId | New-HwcVolumeBackup -Name mixed-wait -Session $hwc -Force -ErrorAction Stop

        $output = @([pscustomobject]@{ Size = 1 }, $job | Wait-HwcBackup -Timeout 60 -Session $hwc -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 1
        $output[0].VolumeId | Should -Be $diskId
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.InvalidHwcBackup,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Get-HwcVolumeBackup' {
    BeforeAll {
        $listedDisk, $otherDisk = Use-Disk 2
        $named = $listedDisk | New-HwcVolumeBackup -Name listed-01 -Wait -Timeout 60 -Session $hwc -Force -ErrorAction Stop
        $second = $listedDisk | New-HwcVolumeBackup -Name listed-02 -Wait -Timeout 60 -Session $hwc -Force -ErrorAction Stop
        $other = $otherDisk | New-HwcVolumeBackup -Name listed-01 -Wait -Timeout 60 -Session $hwc -Force -ErrorAction Stop
    }

    It 'lists the backups of one disk with -VolumeId' {
        $output = @(Get-HwcVolumeBackup -VolumeId $listedDisk -Session $hwc -ErrorAction Stop)

        ($output.Id | Sort-Object) | Should -Be (@($named.Id, $second.Id) | Sort-Object)
        $output.VolumeId | Select-Object -Unique | Should -Be $listedDisk
    }

    It 'finds the backups with a name, across disks, and of one disk' {
        $byName = @(Get-HwcVolumeBackup -Name listed-01 -Session $hwc -ErrorAction Stop)
        $both = @(Get-HwcVolumeBackup -Name listed-01 -VolumeId $otherDisk -Session $hwc -ErrorAction Stop)

        ($byName.Id | Sort-Object) | Should -Be (@($named.Id, $other.Id) | Sort-Object)
        $both.Id | Should -Be $other.Id
    }

    It 'keeps the backups in a status with -Status' {
        $available = @(Get-HwcVolumeBackup -VolumeId $listedDisk -Status available -Session $hwc -ErrorAction Stop)
        $errored = @(Get-HwcVolumeBackup -VolumeId $listedDisk -Status error -Session $hwc -ErrorAction Stop)

        $available | Should -HaveCount 2
        $errored | Should -HaveCount 0
    }

    It 'reads one backup by id, and binds the VolumeId of a piped job' {
        $byId = Get-HwcVolumeBackup -BackupId $second.Id -Session $hwc -ErrorAction Stop
        $piped = @([pscustomobject]@{ VolumeId = $otherDisk } | Get-HwcVolumeBackup -Session $hwc -ErrorAction Stop)

        $byId.Name | Should -Be 'listed-02'
        $byId.VolumeId | Should -Be $listedDisk
        $piped.Id | Should -Be $other.Id
    }

    It 'refuses an id that is not a UUID before sending anything' {
        $requests = Get-HwcRequestCount

        Get-HwcVolumeBackup -BackupId 'nope' -Session $hwc -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.Invalid*Id,*'
        Get-HwcRequestCount | Should -Be $requests
    }
}

Describe 'Get-HwcRdsBackup' {
    BeforeAll {
        $listedInstance = Use-Instance
        $first = $listedInstance | New-HwcRdsBackup -Name listed-0001 -Wait -Timeout 60 -Session $hwc -Force -ErrorAction Stop
        $secondBackup = $listedInstance | New-HwcRdsBackup -Name listed-0002 -Wait -Timeout 60 -Session $hwc -Force -ErrorAction Stop
    }

    It 'lists every backup of an instance piped in' {
        $output = @($listedInstance | Get-HwcRdsBackup -Session $hwc -ErrorAction Stop)

        ($output.Id | Sort-Object) | Should -Be (@($first.Id, $secondBackup.Id) | Sort-Object)
        $output.InstanceId | Select-Object -Unique | Should -Be $listedInstance
    }

    It 'finds one by -Name, by -BackupId, and by -Type' {
        $byName = @(Get-HwcRdsBackup -InstanceId $listedInstance -Name listed-0002 -Session $hwc -ErrorAction Stop)
        $byId = @(Get-HwcRdsBackup -InstanceId $listedInstance -BackupId $first.Id -Session $hwc -ErrorAction Stop)
        $manual = @(Get-HwcRdsBackup -InstanceId $listedInstance -Type manual -Session $hwc -ErrorAction Stop)
        $auto = @(Get-HwcRdsBackup -InstanceId $listedInstance -Type auto -Session $hwc -ErrorAction Stop)

        $byName.Id | Should -Be $secondBackup.Id
        $byId.Name | Should -Be 'listed-0001'
        $manual | Should -HaveCount 2
        $auto | Should -HaveCount 0
    }

    It 'reads a piped backup again by its InstanceId and Id' {
        $output = @($first | Get-HwcRdsBackup -Session $hwc -ErrorAction Stop)

        $output | Should -HaveCount 1
        $output[0].Id | Should -Be $first.Id
        $output[0].Status | Should -Be 'COMPLETED'
    }

    It 'keeps those begun within -After and -Before' {
        $future = @(Get-HwcRdsBackup -InstanceId $listedInstance -After (Get-Date).AddHours(1) -Session $hwc -ErrorAction Stop)
        $window = @(Get-HwcRdsBackup -InstanceId $listedInstance -After (Get-Date).AddHours(-1) -Before (Get-Date).AddHours(1) -Session $hwc -ErrorAction Stop)

        $future | Should -HaveCount 0
        $window | Should -HaveCount 2
    }

    It 'fails an unknown instance with OciBackup.HwcRdsInstanceNotFound and lists the next' {
        $unknown = ('f' * 32) + 'in01'

        $output = @($unknown, $listedInstance | Get-HwcRdsBackup -Session $hwc -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 2
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.HwcRdsInstanceNotFound,*'
        $failures[0].TargetObject | Should -Be $unknown
    }
}

Describe 'New-HwcSession' {
    BeforeEach {
        $saved = @{}
        foreach ($name in 'HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_PROJECT_ID', 'HUAWEICLOUD_SDK_SECURITY_TOKEN') {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $null)
        }
    }

    AfterEach {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }

    It 'signs with the AK/SK of Huawei''s SDK variables, for the emulator''s endpoints' {
        $env:HUAWEICLOUD_SDK_AK = $credentials.accessKey
        $env:HUAWEICLOUD_SDK_SK = $credentials.secretKey
        $env:HUAWEICLOUD_SDK_PROJECT_ID = $emu.HwcProjectId
        $diskId = Use-Disk

        $session = New-HwcSession -Region $emu.HwcRegion -Endpoint $emu.HwcEndpoints -ErrorAction Stop
        $job = $diskId | New-HwcVolumeBackup -Name from-variables -Session $session -Force -ErrorAction Stop

        $session.CredentialSource | Should -Be 'Environment'
        $session.IsTemporary | Should -BeFalse
        $session.ProjectId | Should -Be $emu.HwcProjectId
        $job.VolumeId | Should -Be $diskId
    }

    It 'signs with temporary credentials given as parameters, sending their security token' {
        $diskId = Use-Disk
        $before = (Get-OciEmulatorState $emu).HwcAuthenticationFailures

        $session = New-HwcSession -Region $emu.HwcRegion -ProjectId $emu.HwcProjectId -AccessKey $credentials.temporary.accessKey `
            -SecretKey $credentials.temporary.secretKey -SecurityToken (ConvertTo-SecureString $credentials.temporary.securityToken -AsPlainText -Force) `
            -Endpoint $emu.HwcEndpoints -ErrorAction Stop
        $job = $diskId | New-HwcVolumeBackup -Name temporary -Session $session -Force -ErrorAction Stop

        $session.IsTemporary | Should -BeTrue
        $session.CredentialSource | Should -Be 'Parameters'
        $job.VolumeId | Should -Be $diskId
        (Get-OciEmulatorState $emu).HwcAuthenticationFailures | Should -Be $before
    }

    It 'puts the services of a region at https://{service}.{region}.myhuaweicloud.com' {
        $session = New-HwcSession -Region ap-southeast-3 -ProjectId ('0' * 32) -AccessKey AKEXAMPLE -SecretKey 'not-a-real-secret' -ErrorAction Stop

        $session.VbsEndpoint | Should -Be 'https://vbs.ap-southeast-3.myhuaweicloud.com/'
        $session.RdsEndpoint | Should -Be 'https://rds.ap-southeast-3.myhuaweicloud.com/'
    }

    It 'fails with <ErrorId> when <Case>, before anything is sent' -ForEach @(
        @{ Case = 'no AK/SK is given or set'; Arguments = @{ Region = 'cn-north-4'; ProjectId = ('0' * 32) }; ErrorId = 'OciBackup.HwcCredentialsMissing'; Category = 'AuthenticationError' }
        @{ Case = 'an AK comes without its SK'; Arguments = @{ Region = 'cn-north-4'; ProjectId = ('0' * 32); AccessKey = 'AKEXAMPLE' }; ErrorId = 'OciBackup.HwcCredentialsIncomplete'; Category = 'AuthenticationError' }
        @{ Case = 'there is no project id'; Arguments = @{ Region = 'cn-north-4'; AccessKey = 'AKEXAMPLE'; SecretKey = 'not-a-real-secret' }; ErrorId = 'OciBackup.HwcProjectIdMissing'; Category = 'InvalidArgument' }
        @{ Case = 'the region is not shaped like one'; Arguments = @{ Region = 'Beijing 4'; ProjectId = ('0' * 32); AccessKey = 'AKEXAMPLE'; SecretKey = 'not-a-real-secret' }; ErrorId = 'OciBackup.HwcRegionInvalid'; Category = 'InvalidArgument' }
        @{ Case = 'an endpoint is plain http to another machine'; Arguments = @{ Region = 'cn-north-4'; ProjectId = ('0' * 32); AccessKey = 'AKEXAMPLE'; SecretKey = 'not-a-real-secret'; Endpoint = 'http://vbs.example.com' }; ErrorId = 'OciBackup.HwcEndpointInvalid'; Category = 'InvalidArgument' }
    ) {
        $requests = Get-HwcRequestCount

        $err = { New-HwcSession @Arguments -ErrorAction Stop } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err.CategoryInfo.Category | Should -Be $Category
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        Get-HwcRequestCount | Should -Be $requests
    }

    It 'completes -Region with the regions it knows, each with where it is' {
        $line = 'New-HwcSession -Region cn-no'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches

        @($completions.CompletionText) | Should -Be @('cn-north-1', 'cn-north-4', 'cn-north-9')
        ($completions | Where-Object CompletionText -EQ 'cn-north-4').ToolTip | Should -BeLike '*Beijing4*'
        $all = @((TabExpansion2 -inputScript 'New-HwcSession -Region ' -cursorColumn 23).CompletionMatches.CompletionText)
        $all | Should -Contain 'ap-southeast-3'
        $all | Should -Contain 'eu-west-101'
        $line = 'Start-OciEmulator -HwcRegion ap-southeast-'
        @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Contain 'ap-southeast-3'
    }

    It 'shows no AK, SK, security token or Authorization header in output, -Verbose, -Debug, errors or the session''s views' {
        $diskId = Use-Disk
        $secrets = @($credentials.temporary.accessKey, $credentials.temporary.secretKey, $credentials.temporary.securityToken, $credentials.accessKey, $credentials.secretKey)
        $env:HUAWEICLOUD_SDK_AK = $credentials.temporary.accessKey
        $env:HUAWEICLOUD_SDK_SK = $credentials.temporary.secretKey
        $env:HUAWEICLOUD_SDK_SECURITY_TOKEN = $credentials.temporary.securityToken
        $env:HUAWEICLOUD_SDK_PROJECT_ID = $emu.HwcProjectId

        $shown = & {
            $session = New-HwcSession -Region $emu.HwcRegion -Endpoint $emu.HwcEndpoints -Verbose -Debug -ErrorAction Stop
            $session | Format-List * | Out-String
            $session | Format-Table | Out-String
            $session | ConvertTo-Json -Depth 2 -WarningAction SilentlyContinue
            "$session"
            $diskId | New-HwcVolumeBackup -Name shown-01 -Wait -Timeout 60 -Session $session -Force -Verbose -Debug
            [guid]::NewGuid().ToString() | New-HwcVolumeBackup -Name shown-02 -Session $session -Force -Verbose -Debug -ErrorAction Continue
            Get-HwcRdsBackup -InstanceId (('e' * 32) + 'in01') -Session $session -Verbose -Debug -ErrorAction Continue
            # A wrong SK: the service refuses the signature.
            $wrong = New-HwcSession -Region $emu.HwcRegion -ProjectId $emu.HwcProjectId -AccessKey $credentials.accessKey -SecretKey ($credentials.secretKey + 'x') -Endpoint $emu.HwcEndpoints
            Get-HwcVolumeBackup -VolumeId $diskId -Session $wrong -Verbose -Debug -ErrorAction Continue
        } *>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); $_.Exception.ToString(); $_.ErrorDetails.Message; $_.ErrorDetails.RecommendedAction }
            else { "$_"; $_ | Format-List * | Out-String }
        }
        $text = $shown -join "`n"

        $text | Should -Match 'HTTP 404' -Because 'the -Debug trace and the errors were captured'
        $text | Should -Match 'OciBackup.NotAuthenticated|401' -Because 'the refused signature was captured'
        $text | Should -Match 'Authorization: ' -Because 'the -Debug trace shows that there was an Authorization header'
        $text | Should -Not -Match 'Signature=[0-9a-f]{16}' -Because 'no signature may be shown'
        $text | Should -Not -Match 'Access=' -Because 'the Authorization header is shown only as redacted'
        foreach ($secret in $secrets) {
            $text.Contains($secret) | Should -BeFalse -Because "a secret of $($secret.Length) characters may not be shown"
        }
    }
}
