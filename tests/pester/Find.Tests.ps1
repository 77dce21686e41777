#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Get-OciVolume, Get-OciVolumeGroup, Get-OciVolumeBackup and Get-OciVolumeGroupBackup end to end against an emulator
# serving two regions, with a compartment below another, as a user's script runs them.
# Run after a build (dotnet build OciBackup.sln -c Release) with: Invoke-Pester ./tests/pester

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    # In each region and each compartment: four stand-alone volumes (the odd ones tagged backup=nightly) and one group
    # of two (tagged backup=nightly too).
    $emu = Start-OciEmulator -Compartment prod, prod/db, dev -Volumes 4 -VolumeGroups 1 -VolumesPerGroup 2 -Region us-ashburn-1, us-phoenix-1 -BackupSeconds 1 -ErrorAction Stop
    $session = $emu.Session
    $PSDefaultParameterValues['*-Oci*:Session'] = $session
    $prod = $emu.Compartments['prod']
    $db = $emu.Compartments['db']
    $dev = $emu.Compartments['dev']

    # The inventory as the raw API gives it, to check the cmdlets against.
    function Get-RawVolume {
        param([string] $CompartmentId, [string] $Region = 'us-ashburn-1')
        @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $CompartmentId } -Region $Region -All -ErrorAction Stop)
    }

    function Get-Requests { param([string] $Operation) $n = (Get-OciEmulatorState $emu).RequestsByOperation[$Operation]; if ($n) { $n } else { 0 } }
}

AfterAll {
    $emu | Stop-OciEmulator
    $PSDefaultParameterValues.Remove('*-Oci*:Session')
    Remove-Module OciBackup -ErrorAction SilentlyContinue
}

Describe 'Get-OciVolume' {
    It 'lists a compartment''s volumes as typed objects that say their region' {
        $expected = Get-RawVolume $prod

        $volumes = @(Get-OciVolume -CompartmentId $prod -ErrorAction Stop)

        $volumes | Should -HaveCount $expected.Count
        ($volumes.Id | Sort-Object) -join ',' | Should -Be (($expected.id | Sort-Object) -join ',')
        $volumes[0].PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.Volume'
        $volumes | ForEach-Object { $_.Region | Should -Be 'us-ashburn-1'; $_.CompartmentId | Should -Be $prod }
    }

    It 'with -Recurse also lists the compartments below, from one list of the tenancy''s tree' {
        $before = Get-Requests ListCompartments
        $expected = @(Get-RawVolume $prod) + @(Get-RawVolume $db)

        $volumes = @(Get-OciVolume -CompartmentId $prod -Recurse -ErrorAction Stop)

        ($volumes.Id | Sort-Object) -join ',' | Should -Be (($expected.id | Sort-Object) -join ',')
        $volumes.CompartmentId | Should -Not -Contain $dev
        (Get-Requests ListCompartments) - $before | Should -Be 1
    }

    It 'lists another region''s volumes with -Region, by short code' {
        $expected = Get-RawVolume $prod -Region us-phoenix-1

        $volumes = @(Get-OciVolume -CompartmentId $prod -Region phx -ErrorAction Stop)

        ($volumes.Id | Sort-Object) -join ',' | Should -Be (($expected.id | Sort-Object) -join ',')
        $volumes | ForEach-Object { $_.Region | Should -Be 'us-phoenix-1'; $_.Id | Should -BeLike 'ocid1.volume.oc1.us-phoenix-1.*' }
    }

    It 'filters by freeform tag here, keys without regard to case, values as wildcard patterns' {
        $nightly = @(Get-RawVolume $prod | Where-Object { $_.freeformTags.backup -eq 'nightly' })

        $byValue = @(Get-OciVolume -CompartmentId $prod -Tag @{ BACKUP = 'Night*' } -ErrorAction Stop)
        $anyValue = @(Get-OciVolume -CompartmentId $prod -Tag @{ backup = '*' } -ErrorAction Stop)
        $both = @(Get-OciVolume -CompartmentId $prod -Tag @{ backup = 'nightly'; Environment = 'emulator' } -ErrorAction Stop)
        $none = @(Get-OciVolume -CompartmentId $prod -Tag @{ backup = 'weekly' } -ErrorAction Stop)

        $nightly.Count | Should -Be 2
        ($byValue.Id | Sort-Object) -join ',' | Should -Be (($nightly.id | Sort-Object) -join ',')
        $anyValue | Should -HaveCount 2
        $both | Should -HaveCount 2
        $none | Should -HaveCount 0
    }

    It 'filters by display name as a wildcard pattern, without regard to case' {
        $volumes = @(Get-OciVolume -CompartmentId $prod -DisplayName 'PROD-group-*' -ErrorAction Stop)

        $volumes | Should -HaveCount 2
        $volumes.DisplayName | ForEach-Object { $_ | Should -BeLike 'prod-group-1-volume-*' }
        @(Get-OciVolume -CompartmentId $prod -DisplayName 'prod-volume-2').DisplayName | Should -Be 'prod-volume-2'
    }

    It 'filters by availability domain and lifecycle state at the service' {
        $domain = (Get-RawVolume $prod)[0].availabilityDomain

        $inDomain = @(Get-OciVolume -CompartmentId $prod -AvailabilityDomain $domain -LifecycleState available -ErrorAction Stop)
        $elsewhere = @(Get-OciVolume -CompartmentId $prod -AvailabilityDomain 'Uocm:US-ASHBURN-AD-3' -ErrorAction Stop)
        $terminated = @(Get-OciVolume -CompartmentId $prod -LifecycleState Terminated -ErrorAction Stop)

        $inDomain | Should -HaveCount (Get-RawVolume $prod).Count
        $elsewhere | Should -HaveCount 0
        $terminated | Should -HaveCount 0
    }

    It 'refuses a lifecycle state that volumes do not have before sending anything' {
        $before = (Get-OciEmulatorState $emu).Requests

        $failure = { Get-OciVolume -CompartmentId $prod -LifecycleState UPDATE_PENDING } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidLifecycleState,OciBackup.Cmdlets.GetOciVolumeCommand'
        "$failure" | Should -BeLike '*PROVISIONING*AVAILABLE*'
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }

    It 'refuses a compartment id that is no compartment OCID before sending anything' {
        $before = (Get-OciEmulatorState $emu).Requests

        $failure = { Get-OciVolume -CompartmentId $emu.VolumeIds[0] } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidCompartmentId,OciBackup.Cmdlets.GetOciVolumeCommand'
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }

    It 'gets volumes by id from the pipeline, each in the region its OCID names' {
        $ashburn = (Get-RawVolume $prod)[0].id
        $phoenix = (Get-RawVolume $prod -Region us-phoenix-1)[0].id

        $volumes = @($ashburn, $phoenix | Get-OciVolume -ErrorAction Stop)

        ($volumes | Sort-Object Region | ForEach-Object { "$($_.Region) $($_.Id)" }) -join ',' | Should -Be "us-ashburn-1 $ashburn,us-phoenix-1 $phoenix"
    }

    It 'binds objects shaped like OCI.PSModules'' volumes, and backups'' VolumeId, by property name' {
        $raw = (Get-RawVolume $prod)[1]
        $sdkVolume = [pscustomobject]@{ Id = $raw.id; CompartmentId = $prod; AvailabilityDomain = $raw.availabilityDomain; DisplayName = $raw.displayName; LifecycleState = 'Available' }
        $backup = [pscustomobject]@{ Id = 'ocid1.volumebackup.oc1.us-ashburn-1.aaaa'; VolumeId = $raw.id; Region = 'us-ashburn-1' }

        $volumes = @($sdkVolume, $backup | Get-OciVolume -ErrorAction Stop)

        $volumes | Should -HaveCount 2
        $volumes.Id | ForEach-Object { $_ | Should -Be $raw.id }
    }

    It 'fails only the item of a missing volume, and refuses one that is no volume OCID without sending it' {
        $present = (Get-RawVolume $prod)[0].id
        $missing = 'ocid1.volume.oc1.us-ashburn-1.doesnotexist0000000000'
        $before = Get-Requests GetVolume

        $volumes = @($missing, 'ocid1.volumegroup.oc1.iad.abc', $present | Get-OciVolume -ErrorVariable failures -ErrorAction SilentlyContinue)

        $volumes.Id | Should -Be $present
        $failures | Should -HaveCount 2
        $notFound = $failures | Where-Object TargetObject -EQ $missing
        $notFound.FullyQualifiedErrorId | Should -Be 'OciBackup.VolumeNotFound,OciBackup.Cmdlets.GetOciVolumeCommand'
        $notFound.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $invalid = $failures | Where-Object TargetObject -EQ 'ocid1.volumegroup.oc1.iad.abc'
        $invalid.FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidVolumeId,OciBackup.Cmdlets.GetOciVolumeCommand'
        (Get-Requests GetVolume) - $before | Should -Be 2
    }

    It 'pipes the volumes it finds straight into New-OciVolumeBackup, in their region' {
        $volumes = @(Get-OciVolume -CompartmentId $dev -Region us-phoenix-1 -Tag @{ backup = 'nightly' } -ErrorAction Stop)

        $backups = @($volumes | New-OciVolumeBackup -DisplayName 'find pipeline' -ErrorAction Stop)

        $backups | Should -HaveCount 2
        ($backups.VolumeId | Sort-Object) -join ',' | Should -Be (($volumes.Id | Sort-Object) -join ',')
        $backups | ForEach-Object { $_.Region | Should -Be 'us-phoenix-1' }
        $state = Get-OciEmulatorState $emu
        foreach ($volume in $volumes) { $state.VolumeBackupsCreated[$volume.Id] | Should -Be 1 }
    }

    It 'tells with -Verbose what it lists and what the filters kept' {
        $verbose = @(Get-OciVolume -CompartmentId $prod -Recurse -Tag @{ backup = 'nightly' } -Verbose -ErrorAction Stop 4>&1 |
                Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $verbose -join "`n" | Should -BeLike "*Listing the volumes of compartment $prod and the compartments below it in us-ashburn-1, tag backup like 'nightly'*"
        $verbose -join "`n" | Should -BeLike '*1 compartment(s) below it, from the tenancy''s tree*'
        $verbose -join "`n" | Should -BeLike "*Listed the volumes of compartment $db in us-ashburn-1: 6 listed, 2 with tag backup like 'nightly'*"
    }
}

Describe 'Get-OciVolumeGroup' {
    It 'lists a compartment''s groups with their members, and pipes them into New-OciVolumeGroupBackup' {
        $groups = @(Get-OciVolumeGroup -CompartmentId $prod -Tag @{ backup = 'nightly' } -ErrorAction Stop)

        $groups | Should -HaveCount 1
        $groups[0].PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeGroup'
        $groups[0].VolumeIds | Should -HaveCount 2
        $groups[0].Region | Should -Be 'us-ashburn-1'
        $backup = $groups | New-OciVolumeGroupBackup -ErrorAction Stop
        $backup.VolumeGroupId | Should -Be $groups[0].Id
    }

    It 'gets a group by id in its region, and groups of the tree below a compartment' {
        $phoenix = @(Get-OciVolumeGroup -CompartmentId $prod -Recurse -Region us-phoenix-1 -ErrorAction Stop)

        $again = @($phoenix | Get-OciVolumeGroup -ErrorAction Stop)

        $phoenix | Should -HaveCount 2
        ($again.Id | Sort-Object) -join ',' | Should -Be (($phoenix.Id | Sort-Object) -join ',')
        $again | ForEach-Object { $_.Region | Should -Be 'us-phoenix-1' }
    }

    It 'accepts a volume group state such as UpdatePending' {
        @(Get-OciVolumeGroup -CompartmentId $prod -LifecycleState UpdatePending -ErrorAction Stop) | Should -HaveCount 0
    }
}

Describe 'Get-OciVolumeBackup' {
    BeforeAll {
        $volumes = @(Get-OciVolume -CompartmentId $db -Region us-phoenix-1 -DisplayName 'db-volume-*' -ErrorAction Stop)
        $first = @($volumes | New-OciVolumeBackup -DisplayName 'weekly' -Wait -ErrorAction Stop)
        $second = @($volumes[0] | New-OciVolumeBackup -DisplayName 'daily' -ErrorAction Stop)
    }

    It 'lists a compartment''s backups in a region, newest first' {
        $backups = @(Get-OciVolumeBackup -CompartmentId $db -Region us-phoenix-1 -ErrorAction Stop)

        $backups | Should -HaveCount 5
        $backups[0].Id | Should -Be $second[0].Id
        $backups[0].PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeBackup'
        $backups | ForEach-Object { $_.Region | Should -Be 'us-phoenix-1' }
        @(Get-OciVolumeBackup -CompartmentId $db -ErrorAction Stop) | Should -HaveCount 0
    }

    It 'filters by state and by name pattern' {
        $weekly = @(Get-OciVolumeBackup -CompartmentId $db -Region us-phoenix-1 -DisplayName 'WEEK*' -LifecycleState Available -ErrorAction Stop)

        ($weekly.Id | Sort-Object) -join ',' | Should -Be (($first.Id | Sort-Object) -join ',')
    }

    It 'gives the backups of the volumes piped in, each from its own compartment and region' {
        $backups = @($volumes[0] | Get-OciVolumeBackup -ErrorAction Stop)

        ($backups.Id) -join ',' | Should -Be (@($second[0].Id; $first | Where-Object VolumeId -EQ $volumes[0].Id | ForEach-Object Id) -join ',')
        $backups.VolumeId | Select-Object -Unique | Should -Be $volumes[0].Id
    }

    It 'gets backups by id, from strings and from objects shaped like OCI.PSModules'' backups' {
        $sdkBackup = [pscustomobject]@{ Id = $first[1].Id; VolumeId = $first[1].VolumeId; CompartmentId = $db; LifecycleState = 'Available' }

        $byString = @($first[0].Id | Get-OciVolumeBackup -ErrorAction Stop)
        $byObject = @($sdkBackup | Get-OciVolumeBackup -ErrorAction Stop)

        $byString.Id | Should -Be $first[0].Id
        $byObject.Id | Should -Be $first[1].Id
        $byObject.Region | Should -Be 'us-phoenix-1'
    }

    It 'refuses an id that is neither a volume backup''s nor a volume''s' {
        $failures = $null

        $null = $emu.VolumeGroupIds[0] | Get-OciVolumeBackup -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidVolumeBackupId,OciBackup.Cmdlets.GetOciVolumeBackupCommand'
        "$($failures[0])" | Should -BeLike '*not of a volumebackup or volume*'
    }
}

Describe 'Get-OciVolumeGroupBackup' {
    It 'gives the backups of groups piped in and of a compartment' {
        $group = @(Get-OciVolumeGroup -CompartmentId $dev -ErrorAction Stop)[0]
        $made = $group | New-OciVolumeGroupBackup -DisplayName 'group weekly' -ErrorAction Stop

        $ofGroup = @($group | Get-OciVolumeGroupBackup -ErrorAction Stop)
        $inCompartment = @(Get-OciVolumeGroupBackup -CompartmentId $dev -DisplayName 'group *' -ErrorAction Stop)

        $ofGroup.Id | Should -Be $made.Id
        $ofGroup[0].PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeGroupBackup'
        $inCompartment.Id | Should -Be $made.Id
    }
}

Describe 'Completion' {
    It 'completes -AvailabilityDomain with the domains of the region named on the line' {
        $line = 'Get-OciVolume -Session $session -Region us-phoenix-1 -AvailabilityDomain '

        $names = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText

        $names | Should -Be @('Uocm:PHX-AD-1', 'Uocm:PHX-AD-2', 'Uocm:PHX-AD-3')
    }

    It 'completes -LifecycleState with the states of what the command finds' {
        $complete = { param($line) (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText }

        & $complete 'Get-OciVolumeGroup -LifecycleState U' | Should -Be 'UPDATE_PENDING'
        & $complete 'Get-OciVolumeBackup -LifecycleState C' | Should -Be @('CREATING', 'COMMITTED')
        & $complete 'Get-OciVolume -LifecycleState R' | Should -Be 'RESTORING'
    }
}
