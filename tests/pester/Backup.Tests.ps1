#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The backup cmdlets end to end against a freshly started emulator, as a user's script runs them.
# Run after a build (dotnet build OciBackup.sln -c Release) with: Invoke-Pester ./tests/pester

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    # The emulator, as a process on an ephemeral port, with a generated key and OCI config in a temp folder.
    $emu = Start-OciEmulator -Compartment pester -Volumes 53 -VolumeGroups 1 -VolumesPerGroup 2 -BackupSeconds 1 -ErrorAction Stop
    $session = $emu.Session
    $compartmentId = $emu.Compartments['pester']

    # The inventory, through the cmdlets themselves: 53 stand-alone volumes, one group of two.
    $volumes = @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -All -Session $session -ErrorAction Stop)
    $standaloneIds = @($volumes | Where-Object { -not $_.volumeGroupId } | ForEach-Object id)
    $groupMemberIds = @($volumes | Where-Object { $_.volumeGroupId } | ForEach-Object id)
    $volumeGroupId = @(Invoke-OciRestMethod /20160918/volumeGroups -Query @{ compartmentId = $compartmentId } -All -Session $session -ErrorAction Stop)[0].id
    if ($standaloneIds.Count -ne 53 -or $groupMemberIds.Count -ne 2 -or -not $volumeGroupId) {
        throw "Unexpected emulator inventory: $($standaloneIds.Count) stand-alone volumes, $($groupMemberIds.Count) group members, group '$volumeGroupId'."
    }

    # Each test that counts backups takes volumes no other test touches.
    $freeVolumes = [System.Collections.Generic.Queue[string]]::new([string[]] $standaloneIds)
    function Use-Volume {
        param([int] $Count = 1)
        if ($freeVolumes.Count -lt $Count) { throw 'Out of unused volumes: start the emulator with more -Volumes.' }
        for ($i = 0; $i -lt $Count; $i++) { $freeVolumes.Dequeue() }
    }
}

AfterAll {
    $emu | Stop-OciEmulator
    Remove-Module OciBackup -ErrorAction SilentlyContinue
}

Describe 'New-OciVolumeBackup' {
    It 'gives a volume id string from the pipeline one typed backup' {
        $volumeId = Use-Volume

        $output = @($volumeId | New-OciVolumeBackup -Session $session -DisplayName 'first' -Type Full -FreeformTag @{ env = 'test'; Count = 3 } -ErrorAction Stop)

        $output | Should -HaveCount 1
        $backup = $output[0]
        $backup.PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeBackup'
        $backup.VolumeId | Should -Be $volumeId
        $backup.DisplayName | Should -Be 'first'
        $backup.Type | Should -Be 'FULL'
        $backup.FreeformTags['env'] | Should -BeExactly 'test'
        $backup.FreeformTags['Count'] | Should -BeExactly '3'
        $backup.Id | Should -BeLike 'ocid1.volumebackup.*'
        (Get-OciEmulatorState $emu).VolumeBackupsCreated[$volumeId] | Should -Be 1
    }

    It 'binds objects with an Id or a VolumeId property by property name' {
        $first, $second = Use-Volume 2

        $output = @(
            [pscustomobject]@{ Id = $first; Name = 'from another tool' },
            [pscustomobject]@{ VolumeId = $second } | New-OciVolumeBackup -Session $session -ErrorAction Stop)

        ($output.VolumeId | Sort-Object) -join ',' | Should -Be ((@($first, $second) | Sort-Object) -join ',')
        (Get-OciEmulatorState $emu).VolumeBackupsCreated[$first] | Should -Be 1
        (Get-OciEmulatorState $emu).VolumeBackupsCreated[$second] | Should -Be 1
    }

    It 'sends nothing with -WhatIf' {
        $volumeId = Use-Volume
        $before = (Get-OciEmulatorState $emu).Requests

        $output = @($volumeId | New-OciVolumeBackup -Session $session -WhatIf)

        $output | Should -HaveCount 0
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
        (Get-OciEmulatorState $emu).VolumeBackupsCreated[$volumeId] | Should -Be 0
    }

    It 'gives each of many volumes in one pipeline exactly one backup' {
        $volumeIds = @(Use-Volume 5)

        $output = @($volumeIds | New-OciVolumeBackup -Session $session -ThrottleLimit 2 -ErrorAction Stop)

        $output | Should -HaveCount 5
        ($output.VolumeId | Sort-Object) -join ',' | Should -Be (($volumeIds | Sort-Object) -join ',')
        foreach ($volumeId in $volumeIds) { (Get-OciEmulatorState $emu).VolumeBackupsCreated[$volumeId] | Should -Be 1 }
    }

    It 'fails only the item of a missing volume' {
        $first, $second = Use-Volume 2
        $missing = 'ocid1.volume.oc1.us-ashburn-1.doesnotexist0000000000'

        $output = @($first, $missing, $second | New-OciVolumeBackup -Session $session -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 2
        $failures | Should -HaveCount 1
        $failure = $failures[0]
        $failure.FullyQualifiedErrorId | Should -Be 'OciBackup.VolumeNotFound,OciBackup.Cmdlets.NewOciVolumeBackupCommand'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure.TargetObject | Should -Be $missing
        "$failure" | Should -BeLike '*NotAuthorizedOrNotFound*'
        "$failure" | Should -BeLike '*opc-request-id*'
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        (Get-OciEmulatorState $emu).VolumeBackupsCreated[$first] | Should -Be 1
        (Get-OciEmulatorState $emu).VolumeBackupsCreated[$second] | Should -Be 1
    }

    It 'refuses ids that are not volume OCIDs before sending anything' {
        $before = (Get-OciEmulatorState $emu).Requests

        'ocid1.volumebackup.oc1.iad.abc', 'not-an-ocid' | New-OciVolumeBackup -Session $session -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 2
        foreach ($failure in $failures) {
            $failure.FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidVolumeId,OciBackup.Cmdlets.NewOciVolumeBackupCommand'
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        }

        $failures[0].TargetObject | Should -Be 'ocid1.volumebackup.oc1.iad.abc'
        "$($failures[0])" | Should -BeLike '*not of a volume*'
        "$($failures[1])" | Should -BeLike "*'not-an-ocid' is not an OCID*"
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }

    Context 'a parameter that applies to every item' {
        BeforeAll {
            $untouchedVolumeId = Use-Volume
        }

        It 'stops the command before anything is sent when it is <Case>' -ForEach @(
            @{ Case = 'a freeform tag key with a space'; Arguments = @{ FreeformTag = @{ 'has space' = 'x' } }; ErrorId = 'OciBackup.InvalidFreeformTags' }
            @{ Case = 'a freeform tag key with a period'; Arguments = @{ FreeformTag = @{ 'cost.center' = 'x' } }; ErrorId = 'OciBackup.InvalidFreeformTags' }
            @{ Case = 'a freeform tag key of 101 characters'; Arguments = @{ FreeformTag = @{ ('k' * 101) = 'x' } }; ErrorId = 'OciBackup.InvalidFreeformTags' }
            @{ Case = 'a freeform tag value of 257 characters'; Arguments = @{ FreeformTag = @{ key = ('v' * 257) } }; ErrorId = 'OciBackup.InvalidFreeformTags' }
            @{ Case = 'a defined tag namespace without a hashtable'; Arguments = @{ DefinedTag = @{ Operations = 'x' } }; ErrorId = 'OciBackup.InvalidDefinedTags' }
            @{ Case = 'a defined tag key with a space'; Arguments = @{ DefinedTag = @{ Operations = @{ 'cost center' = 'x' } } }; ErrorId = 'OciBackup.InvalidDefinedTags' }
            @{ Case = 'a display name of 256 characters'; Arguments = @{ DisplayName = ('n' * 256) }; ErrorId = 'OciBackup.InvalidDisplayName' }
            @{ Case = 'a KMS key id that is not a key OCID'; Arguments = @{ KmsKeyId = 'ocid1.volume.oc1.iad.abc' }; ErrorId = 'OciBackup.InvalidKmsKeyId' }
        ) {
            $before = (Get-OciEmulatorState $emu).Requests

            $failure = { $untouchedVolumeId | New-OciVolumeBackup -Session $session @Arguments } | Should -Throw -PassThru

            $failure.FullyQualifiedErrorId | Should -Be "$ErrorId,OciBackup.Cmdlets.NewOciVolumeBackupCommand"
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            (Get-OciEmulatorState $emu).Requests | Should -Be $before
            (Get-OciEmulatorState $emu).VolumeBackupsCreated[$untouchedVolumeId] | Should -Be 0
        }
    }

    It 'sends defined tags to the service as strings' {
        $volumeId = Use-Volume

        $backup = $volumeId | New-OciVolumeBackup -Session $session -DefinedTag @{ Operations = @{ CostCenter = 42; Nightly = $true } } -ErrorAction Stop

        $backup.DefinedTags['Operations']['CostCenter'] | Should -BeExactly '42'
        $backup.DefinedTags['Operations']['Nightly'] | Should -BeExactly 'true'
    }

    It 'never makes a second backup when run again with the same run key' {
        $volumeId = Use-Volume
        $runKey = 'pester-' + [guid]::NewGuid().ToString('N')

        $firstRun = @($volumeId | New-OciVolumeBackup -Session $session -RunKey $runKey -Verbose -ErrorAction Stop 4>&1)
        $secondRun = @($volumeId | New-OciVolumeBackup -Session $session -RunKey $runKey -ErrorAction Stop)

        $first = @($firstRun | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $verbose = @($firstRun | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $first | Should -HaveCount 1
        $secondRun | Should -HaveCount 1
        $secondRun[0].Id | Should -Be $first[0].Id
        (Get-OciEmulatorState $emu).VolumeBackupsCreated[$volumeId] | Should -Be 1
        # The retry token derives from the run key (and never is the run key itself).
        $verbose -join "`n" | Should -Match ("Creating a backup for volume " + [regex]::Escape($volumeId) + " \(retry token ocibackup-[0-9a-f]{48}\)")
    }

    It 'answers a changed request with the same run key with OciBackup.Conflict' {
        $volumeId = Use-Volume
        $runKey = 'pester-' + [guid]::NewGuid().ToString('N')
        $null = $volumeId | New-OciVolumeBackup -Session $session -RunKey $runKey -DisplayName 'first run' -ErrorAction Stop

        $output = @($volumeId | New-OciVolumeBackup -Session $session -RunKey $runKey -DisplayName 'changed' -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 0
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.Conflict,OciBackup.Cmdlets.NewOciVolumeBackupCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*-RunKey*'
        $failures[0].TargetObject | Should -Be $volumeId
        (Get-OciEmulatorState $emu).VolumeBackupsCreated[$volumeId] | Should -Be 1
    }

    It 'works in ForEach-Object -Parallel runspaces with $using:session' {
        $volumeIds = @(Use-Volume 3)

        $output = @($volumeIds | ForEach-Object -ThrottleLimit 3 -Parallel {
                Import-Module $using:manifestPath -ErrorAction Stop
                $_ | New-OciVolumeBackup -Session $using:session -ErrorAction Stop
            })

        ($output.VolumeId | Sort-Object) -join ',' | Should -Be (($volumeIds | Sort-Object) -join ',')
    }

    It 'sends each item to its region''s endpoint and fails one in a region the session has no endpoint for' {
        $volumeId = Use-Volume
        # Phoenix points at a port nothing listens on: reaching it at all shows where the item was sent.
        $regional = New-OciSession -ConfigFile $emu.ConfigFile -Endpoint @{ ($emu.Region) = $emu.Url; 'us-phoenix-1' = 'http://127.0.0.1:9' }

        $output = @(
            [pscustomobject]@{ VolumeId = $volumeId; Region = $emu.Region },
            [pscustomobject]@{ VolumeId = $volumeId; Region = 'phx' },
            [pscustomobject]@{ VolumeId = $volumeId; Region = 'eu-frankfurt-1' } |
                New-OciVolumeBackup -Session $regional -NoRetry -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 1
        $output[0].Region | Should -Be $emu.Region
        $failures | Should -HaveCount 2
        ($failures.FullyQualifiedErrorId | Sort-Object) | Should -Be 'OciBackup.ConnectionFailed,OciBackup.Cmdlets.NewOciVolumeBackupCommand', 'OciBackup.EndpointInvalid,OciBackup.Cmdlets.NewOciVolumeBackupCommand'
        $failures | ForEach-Object { $_.TargetObject | Should -Be $volumeId }
        (Get-OciEmulatorState $emu).VolumeBackupsCreated[$volumeId] | Should -Be 1
    }

    It 'takes the session from $PSDefaultParameterValues' {
        $volumeId = Use-Volume
        # A local copy: nothing leaks into the other tests.
        $PSDefaultParameterValues = @{ '*-Oci*:Session' = $session }

        $backup = $volumeId | New-OciVolumeBackup -ErrorAction Stop

        $backup.VolumeId | Should -Be $volumeId
    }
}

Describe 'New-OciVolumeGroupBackup' {
    It 'gives a group id one group backup with one member backup per volume' {
        $before = (Get-OciEmulatorState $emu).VolumeGroupBackupsCreated[$volumeGroupId]

        $output = @($volumeGroupId | New-OciVolumeGroupBackup -Session $session -DisplayName 'weekly group' -Type Full -CompartmentId $compartmentId -ErrorAction Stop)

        $output | Should -HaveCount 1
        $backup = $output[0]
        $backup.PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeGroupBackup'
        $backup.VolumeGroupId | Should -Be $volumeGroupId
        $backup.DisplayName | Should -Be 'weekly group'
        $backup.CompartmentId | Should -Be $compartmentId
        $backup.VolumeBackupIds | Should -HaveCount 2
        (Get-OciEmulatorState $emu).VolumeGroupBackupsCreated[$volumeGroupId] | Should -Be ($before + 1)
    }

    It 'binds objects with an Id and refuses a volume id before sending it' {
        $memberId = $groupMemberIds[0]
        $before = (Get-OciEmulatorState $emu).Requests

        $output = @([pscustomobject]@{ Id = $volumeGroupId }, $memberId | New-OciVolumeGroupBackup -Session $session -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 1
        $output[0].VolumeGroupId | Should -Be $volumeGroupId
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidVolumeGroupId,OciBackup.Cmdlets.NewOciVolumeGroupBackupCommand'
        $failures[0].TargetObject | Should -Be $memberId
        (Get-OciEmulatorState $emu).Requests | Should -Be ($before + 1)
    }

    It 'names the volume group in what it asks to do' {
        $records = @($volumeGroupId | New-OciVolumeGroupBackup -Session $session -Type Incremental -Verbose -ErrorAction Stop 4>&1)

        $messages = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $messages | Where-Object { $_ -like "*`"Create an incremental backup`"*`"VolumeGroup $volumeGroupId`"*" } | Should -Not -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        $before = (Get-OciEmulatorState $emu).Requests
        $beforeCount = (Get-OciEmulatorState $emu).VolumeGroupBackupsCreated[$volumeGroupId]

        $output = @($volumeGroupId | New-OciVolumeGroupBackup -Session $session -Type Incremental -WhatIf)

        $output | Should -HaveCount 0
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
        (Get-OciEmulatorState $emu).VolumeGroupBackupsCreated[$volumeGroupId] | Should -Be $beforeCount
    }

    It 'returns an AVAILABLE group backup with -Wait' {
        $output = @(New-OciVolumeGroupBackup -VolumeGroupId $volumeGroupId -Session $session -Wait -Timeout 60 -ErrorAction Stop)

        $output | Should -HaveCount 1
        $output[0].VolumeGroupId | Should -Be $volumeGroupId
        $output[0].LifecycleState | Should -Be 'AVAILABLE'
        $output[0].VolumeBackupIds | Should -HaveCount 2
    }
}

Describe 'Invoke-OciRestMethod' {
    It 'returns the parsed JSON of a GET as objects' {
        $volumeId = $standaloneIds[0]

        $output = @(Invoke-OciRestMethod -Session $session -Path "/20160918/volumes/$volumeId" -ErrorAction Stop)

        $output | Should -HaveCount 1
        $output[0].id | Should -Be $volumeId
        $output[0].compartmentId | Should -Be $compartmentId
    }

    It 'follows every page of a list with -All' {
        $all = @(Invoke-OciRestMethod -Session $session /20160918/volumes -Query @{ compartmentId = $compartmentId; limit = 7 } -All -ErrorAction Stop)
        $firstPage = @(Invoke-OciRestMethod -Session $session /20160918/volumes -Query @{ compartmentId = $compartmentId; limit = 7 } -ErrorAction Stop)

        $firstPage | Should -HaveCount 7
        ($all.id | Sort-Object) -join ',' | Should -Be (($volumes.id | Sort-Object) -join ',')
    }

    It 'encodes query values with spaces and reserved characters exactly once' {
        $before = (Get-OciEmulatorState $emu).AuthenticationFailures
        $name = "n$([char]0xE4)chtlich a+b=c/d &e"

        $output = @(Invoke-OciRestMethod -Session $session /20160918/volumeBackups -Query @{ compartmentId = $compartmentId; displayName = $name } -ErrorVariable failures -ErrorAction SilentlyContinue)

        $failures | Should -HaveCount 0
        $output | Should -HaveCount 0
        (Get-OciEmulatorState $emu).AuthenticationFailures | Should -Be $before
    }

    It 'creates once with a POST, a hashtable body and a retry token' {
        $volumeId = Use-Volume
        $token = 'pester-' + [guid]::NewGuid().ToString('N')

        $first = @(Invoke-OciRestMethod -Session $session -Method Post /20160918/volumeBackups -Body @{ volumeId = $volumeId; displayName = 'raw' } -RetryToken $token -ErrorAction Stop)
        $again = @(Invoke-OciRestMethod -Session $session -Method Post /20160918/volumeBackups -Body @{ volumeId = $volumeId; displayName = 'raw' } -RetryToken $token -ErrorAction Stop)

        $first | Should -HaveCount 1
        $first[0].displayName | Should -Be 'raw'
        $again[0].id | Should -Be $first[0].id
        (Get-OciEmulatorState $emu).VolumeBackupsCreated[$volumeId] | Should -Be 1
    }

    It 'maps errors as the other cmdlets do' {
        Invoke-OciRestMethod -Session $session /20160918/volumes/ocid1.volume.oc1.iad.nothere -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.ResourceNotFound,OciBackup.Cmdlets.InvokeOciRestMethodCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'sends nothing for a POST with -WhatIf' {
        $before = (Get-OciEmulatorState $emu).Requests

        Invoke-OciRestMethod -Session $session -Method Post /20160918/volumeBackups -Body '{}' -WhatIf

        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }

    It 'refuses a path with a query string before sending anything' {
        $before = (Get-OciEmulatorState $emu).Requests

        $failure = { Invoke-OciRestMethod -Session $session -Path '/20160918/volumes?limit=1' } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }
}

Describe 'Waiting for backups' {
    # Waiting needs volumes but counts nothing: the group's two member volumes serve every test here.

    It 'returns AVAILABLE backups with -Wait' {
        $output = @($groupMemberIds | New-OciVolumeBackup -Session $session -Wait -Timeout 60 -ErrorAction Stop)

        $output | Should -HaveCount 2
        ($output.VolumeId | Sort-Object) -join ',' | Should -Be (($groupMemberIds | Sort-Object) -join ',')
        foreach ($backup in $output) {
            $backup.PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeBackup'
            $backup.LifecycleState | Should -Be 'AVAILABLE'
        }
    }

    It 'waits for a backup given by its id' {
        $backup = New-OciVolumeBackup -Session $session -VolumeId $groupMemberIds[0] -ErrorAction Stop
        $backup.LifecycleState | Should -BeIn 'REQUEST_RECEIVED', 'CREATING'

        $output = @(Wait-OciBackup -Session $session $backup.Id -Timeout 60 -ErrorAction Stop)

        $output | Should -HaveCount 1
        $output[0].Id | Should -Be $backup.Id
        $output[0].LifecycleState | Should -Be 'AVAILABLE'
        $output[0].SizeInGBs | Should -Not -BeNullOrEmpty
    }

    It 'waits for volume and volume group backups piped in as objects' {
        $volumeBackup = New-OciVolumeBackup -Session $session -VolumeId $groupMemberIds[1] -ErrorAction Stop
        $groupBackup = New-OciVolumeGroupBackup -Session $session -VolumeGroupId $volumeGroupId -ErrorAction Stop

        $output = @($volumeBackup, $groupBackup | Wait-OciBackup -Session $session -Timeout 60 -ErrorAction Stop)

        $output | Should -HaveCount 2
        ($output.Id | Sort-Object) -join ',' | Should -Be ((@($volumeBackup.Id, $groupBackup.Id) | Sort-Object) -join ',')
        foreach ($backup in $output) { $backup.LifecycleState | Should -Be 'AVAILABLE' }
        ($output | Where-Object Id -EQ $groupBackup.Id).PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeGroupBackup'
        ($output | Where-Object Id -EQ $volumeBackup.Id).PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeBackup'
    }

    It 'binds the id of objects from Invoke-OciRestMethod by property name' {
        $backup = New-OciVolumeBackup -Session $session -VolumeId $groupMemberIds[0] -ErrorAction Stop
        $listed = Invoke-OciRestMethod -Session $session "/20160918/volumeBackups/$($backup.Id)" -ErrorAction Stop

        $output = @($listed | Wait-OciBackup -Session $session -Timeout 60 -ErrorAction Stop)

        $output | Should -HaveCount 1
        $output[0].Id | Should -Be $backup.Id
        $output[0].LifecycleState | Should -Be 'AVAILABLE'
    }

    It 'follows backups known by id alone with one get to find their compartment, then lists' {
        $backups = @(Use-Volume 12 | New-OciVolumeBackup -Session $session -ErrorAction Stop)
        $before = (Get-OciEmulatorState $emu).RequestsByOperation

        $output = @($backups.Id | Wait-OciBackup -Session $session -Timeout 60 -ErrorAction Stop)

        $after = (Get-OciEmulatorState $emu).RequestsByOperation
        $output | Should -HaveCount 12
        foreach ($backup in $output) { $backup.LifecycleState | Should -Be 'AVAILABLE' }
        # Polling each id with a get would cost twelve requests a round; one list page answers them all.
        ($after['GetVolumeBackup'] - $before['GetVolumeBackup']) | Should -BeLessOrEqual 2
        ($after['ListVolumeBackups'] - $before['ListVolumeBackups']) | Should -BeGreaterThan 0
    }

    It 'refuses an id that is not a backup OCID before sending anything' {
        $before = (Get-OciEmulatorState $emu).Requests

        Wait-OciBackup -Session $session -Id 'ocid1.volume.oc1.iad.abc' -Timeout 10 -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidBackupId,OciBackup.Cmdlets.WaitOciBackupCommand'
        $failures[0].TargetObject | Should -Be 'ocid1.volume.oc1.iad.abc'
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }

    It 'fails the backups still pending when -Timeout runs out' {
        $backup = New-OciVolumeBackup -Session $session -VolumeId $groupMemberIds[0] -ErrorAction Stop

        # Nothing deletes the backup, so TERMINATED is never reached however long the wait: only the timeout ends it.
        $output = @(Wait-OciBackup -Session $session -Id $backup.Id -State Terminated -Timeout 2 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 0
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.WaitTimedOut,OciBackup.Cmdlets.WaitOciBackupCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].TargetObject | Should -Be $backup.Id
    }

    It 'writes progress while it creates and waits' {
        # Progress records are not in any redirectable stream: run the command in a PowerShell instance of our own.
        $shell = [powershell]::Create()
        try {
            $command = 'param($manifest, $configFile, $endpoint, $ids) Import-Module $manifest -ErrorAction Stop; $s = New-OciSession -ConfigFile $configFile -Endpoint $endpoint; $ids | New-OciVolumeBackup -Session $s -Wait -Timeout 60'
            $null = $shell.AddScript($command)
            $null = $shell.AddArgument($manifestPath)
            $null = $shell.AddArgument($emu.ConfigFile)
            $null = $shell.AddArgument($emu.Url)
            $null = $shell.AddArgument([string[]] $groupMemberIds)

            $output = $shell.Invoke()

            $shell.Streams.Error.Count | Should -Be 0 -Because (($shell.Streams.Error | ForEach-Object { "$_" }) -join '; ')
            $output.Count | Should -Be 2
            $progress = @($shell.Streams.Progress)
            $progress.Activity | Should -Contain 'Creating volume backups'
            $progress.Activity | Should -Contain 'Waiting for backups to be AVAILABLE'
            $progress | Where-Object { $_.Activity -eq 'Waiting for backups to be AVAILABLE' -and $_.StatusDescription -like '* of 2 done*' } |
                Should -Not -BeNullOrEmpty
        }
        finally {
            $shell.Dispose()
        }
    }

    Context 'a backup that ends FAULTY' {
        AfterEach {
            Set-OciEmulatorFault $emu -Reset
        }

        It 'fails only its own item in Wait-OciBackup' {
            $good = New-OciVolumeBackup -Session $session -VolumeId $groupMemberIds[0] -ErrorAction Stop
            Set-OciEmulatorFault $emu -FaultyShare 1
            $bad = New-OciVolumeBackup -Session $session -VolumeId $groupMemberIds[1] -ErrorAction Stop
            Set-OciEmulatorFault $emu -Reset

            $output = @($good, $bad | Wait-OciBackup -Session $session -Timeout 60 -ErrorVariable failures -ErrorAction SilentlyContinue)

            $output | Should -HaveCount 1
            $output[0].Id | Should -Be $good.Id
            $output[0].LifecycleState | Should -Be 'AVAILABLE'
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.BackupFaulty,OciBackup.Cmdlets.WaitOciBackupCommand'
            $failures[0].TargetObject.Id | Should -Be $bad.Id
            $failures[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            (Get-OciEmulatorState $emu).FaultCounts.FaultyBackup | Should -BeGreaterThan 0
        }

        It 'fails only the faulty ones among many volumes with New-OciVolumeBackup -Wait' {
            # Half of them end FAULTY, drawn at random: with 20 volumes, all or none is a one-in-500,000 draw.
            $volumeIds = @(Use-Volume 20)
            Set-OciEmulatorFault $emu -FaultyShare 0.5

            $output = @($volumeIds | New-OciVolumeBackup -Session $session -Wait -Timeout 60 -ErrorVariable failures -ErrorAction SilentlyContinue)

            $failures.Count + $output.Count | Should -Be 20
            $failures | Should -Not -BeNullOrEmpty
            $output | Should -Not -BeNullOrEmpty
            foreach ($failure in $failures) { $failure.FullyQualifiedErrorId | Should -Be 'OciBackup.BackupFaulty,OciBackup.Cmdlets.NewOciVolumeBackupCommand' }
            foreach ($backup in $output) { $backup.LifecycleState | Should -Be 'AVAILABLE' }
            # Every volume is accounted for exactly once: an AVAILABLE backup, or an error that names it.
            (@($output.VolumeId) + @($failures.TargetObject) | Sort-Object) -join ',' | Should -Be (($volumeIds | Sort-Object) -join ',')
        }

        It 'fails its item in New-OciVolumeBackup -Wait' {
            $volumeId = $groupMemberIds[0]
            Set-OciEmulatorFault $emu -FaultyShare 1

            $output = @($volumeId | New-OciVolumeBackup -Session $session -Wait -Timeout 60 -ErrorVariable failures -ErrorAction SilentlyContinue)

            $output | Should -HaveCount 0
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.BackupFaulty,OciBackup.Cmdlets.NewOciVolumeBackupCommand'
            $failures[0].TargetObject | Should -Be $volumeId
        }
    }
}
