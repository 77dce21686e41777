#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Retention as one pipeline, end to end against an emulator seeded with a month of backups in two regions:
# Get-OciVolumeBackup / Get-OciVolumeGroupBackup | Select-OciBackupToRemove | Remove-OciVolumeBackup / Remove-OciVolumeGroupBackup.
# Run after a build (dotnet build OciBackup.sln -c Release) with: Invoke-Pester ./tests/pester

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    # A daily backup for 30 days ("<volume> day <n>", n days and a bit old), plus a FAULTY one and one still CREATING.
    function New-History {
        param([string] $Name, [int] $Days = 30, [switch] $Extras)
        foreach ($day in 0..($Days - 1)) { @{ displayName = "$Name day $day"; ageDays = $day + 0.1 } }
        if ($Extras) {
            @{ displayName = "$Name faulty"; ageDays = 3.5; lifecycleState = 'FAULTY' }
            @{ displayName = "$Name creating"; ageDays = 0.01; lifecycleState = 'CREATING' }
        }
    }

    # Each Describe gets an emulator of its own (removals change what the next one would see), from this seed:
    # alpha and beta in us-ashburn-1 and gamma in us-phoenix-1 with 30 days each, the group erp (two volumes) in
    # us-ashburn-1 with 10 days of group backups, and a compartment no test touches.
    $seed = @{
        compartments = @(
            @{
                name = 'retention'
                volumes = @(
                    @{ displayName = 'alpha'; region = 'us-ashburn-1'; backups = @(New-History alpha -Extras) }
                    @{ displayName = 'beta'; region = 'us-ashburn-1'; backups = @(New-History beta -Extras) }
                    @{ displayName = 'gamma'; region = 'us-phoenix-1'; backups = @(New-History gamma) }
                )
                volumeGroups = @(
                    @{ displayName = 'erp'; region = 'us-ashburn-1'; volumes = @(@{ displayName = 'erp-data' }, @{ displayName = 'erp-logs' }); backups = @(New-History erp -Days 10) }
                )
            }
            @{ name = 'untouched'; volumes = @(@{ displayName = 'delta'; backups = @(New-History delta -Days 10) }) }
        )
    }
    $seedFile = Join-Path (New-ScratchFolder) 'seed.json'
    $seed | ConvertTo-Json -Depth 10 | Set-Content -Path $seedFile -Encoding utf8NoBOM

    function Start-RetentionEmulator {
        $started = Start-OciEmulator -SeedFile $seedFile -Region us-ashburn-1, us-phoenix-1 -ErrorAction Stop
        $PSDefaultParameterValues['*-Oci*:Session'] = $started.Session
        $started
    }

    # Everything a retention run looks at in one region: both kinds, as one pipeline gets them.
    function Get-AllBackups {
        param([string] $CompartmentId, [string] $Region = 'us-ashburn-1')
        Get-OciVolumeBackup -CompartmentId $CompartmentId -Region $Region -ErrorAction Stop
        Get-OciVolumeGroupBackup -CompartmentId $CompartmentId -Region $Region -ErrorAction Stop
    }

    # Each kind of selected backup to its own remove cmdlet, as the help shows for a compartment with both kinds.
    function Remove-Selected {
        param([Parameter(ValueFromPipeline)] [object[]] $InputObject, [hashtable] $With = @{})
        begin { $all = [System.Collections.Generic.List[object]]::new() }
        process { foreach ($o in $InputObject) { $all.Add($o) } }
        end {
            $all | Where-Object VolumeGroupId | Remove-OciVolumeGroupBackup @With
            $all | Where-Object VolumeId | Remove-OciVolumeBackup @With
        }
    }

    function Get-Requests { param($Emulator, [string] $Operation) $n = (Get-OciEmulatorState $Emulator).RequestsByOperation[$Operation]; if ($n) { $n } else { 0 } }

    # The names of a history's backups on the days given.
    function Get-DayName { param([string] $Name, [int[]] $Days) foreach ($day in $Days) { "$Name day $day" } }

    # What ShouldProcess tells the host (What if: lines), which no stream carries.
    function Get-HostLine {
        param([scriptblock] $Script)
        $file = Join-Path (New-ScratchFolder) 'transcript.txt'
        $null = Start-Transcript -Path $file -Force
        try { $null = & $Script } finally { $null = Stop-Transcript }
        @(Get-Content -LiteralPath $file | Where-Object { $_ -like 'What if:*' })
    }
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-Oci*:Session')
    Remove-Module OciBackup -ErrorAction SilentlyContinue
    Remove-ScratchFolder
}

Describe 'Select-OciBackupToRemove' {
    BeforeAll {
        $emu = Start-RetentionEmulator
        $retention = $emu.Compartments['retention']
        $all = @(Get-AllBackups $retention)
    }

    AfterAll {
        $emu | Stop-OciEmulator
    }

    It 'with -KeepLast 7 selects per volume and per group what is beyond its 7 newest AVAILABLE backups, FAULTY ones too' {
        $selected = @($all | Select-OciBackupToRemove -KeepLast 7)

        $expected = @(Get-DayName alpha (7..29)) + 'alpha faulty' + @(Get-DayName beta (7..29)) + 'beta faulty' + @(Get-DayName erp (7..9))
        ($selected.DisplayName | Sort-Object) -join ',' | Should -Be (($expected | Sort-Object) -join ',')
        $selected.DisplayName | Should -Not -Contain 'alpha creating'
        $selected | ForEach-Object { $_.RetentionRule | Should -Be 'KeepLast' }
        ($selected | Where-Object DisplayName -EQ 'alpha day 7').RetentionReason | Should -BeLike 'KeepLast: beyond the 7 newest AVAILABLE backups of volume ocid1.volume.*'
        ($selected | Where-Object DisplayName -EQ 'alpha faulty').RetentionReason | Should -BeLike 'KeepLast: FAULTY, so not one of the 7 kept of volume *'
        ($selected | Where-Object DisplayName -EQ 'erp day 9').RetentionReason | Should -BeLike 'KeepLast: beyond the 7 newest AVAILABLE backups of volume group ocid1.volumegroup.*'
    }

    It 'writes the objects it was given, of both kinds, with the rule on each' {
        $selected = @($all | Select-OciBackupToRemove -KeepLast 7)

        ($selected | Where-Object DisplayName -Like 'alpha day *')[0].PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeBackup'
        ($selected | Where-Object DisplayName -Like 'erp day *')[0].PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Models.VolumeGroupBackup'
        foreach ($backup in $selected) { [object]::ReferenceEquals($backup.PSObject.BaseObject, ($all | Where-Object Id -EQ $backup.Id).PSObject.BaseObject) | Should -BeTrue }
    }

    It 'leaves the member volume backups of a group backup listed beside it to the group backup' {
        $members = @($all | Where-Object { $_.DisplayName -like 'erp day 9 - *' })

        $verbose = @($all | Select-OciBackupToRemove -KeepLast 7 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $members | Should -HaveCount 2
        foreach ($member in $members) {
            $verbose | Where-Object { $_ -like "Keep volume backup '$($member.DisplayName)'*" } | Should -BeLike '*a member of volume group backup ocid1.volumegroupbackup.*, removed with it.'
        }
    }

    It 'never selects the newest AVAILABLE backup of a source, even with -KeepLast 0, unless it is named' {
        $keepNone = @($all | Select-OciBackupToRemove -KeepLast 0)
        $named = @($all | Select-OciBackupToRemove -KeepLast 0 -Name 'alpha day 0')

        $keepNone.DisplayName | Should -Not -Contain 'alpha day 0'
        $keepNone.DisplayName | Should -Not -Contain 'erp day 0'
        $keepNone.DisplayName | Should -Contain 'alpha day 1'
        $named.DisplayName | Should -Contain 'alpha day 0'
        ($named | Where-Object DisplayName -EQ 'alpha day 0').RetentionRule | Should -Be 'Named'
    }

    It 'with -OlderThan <Age> selects backups created longer ago' -ForEach @(
        @{ Age = '20d' }, @{ Age = 20 }, @{ Age = '480h' }, @{ Age = [TimeSpan]::FromDays(20) }, @{ Age = '20.00:00:00' }
    ) {
        $selected = @($all | Select-OciBackupToRemove -OlderThan $Age)

        ($selected.DisplayName | Sort-Object) -join ',' | Should -Be ((@(Get-DayName alpha (20..29)) + @(Get-DayName beta (20..29)) | Sort-Object) -join ',')
        $selected[0].RetentionReason | Should -BeLike 'OlderThan: created * UTC, older than 20 days'
    }

    It 'with both rules selects only what both select, and says both' {
        $selected = @($all | Select-OciBackupToRemove -KeepLast 25 -OlderThan 2w)

        ($selected.DisplayName | Sort-Object) -join ',' | Should -Be ((@(Get-DayName alpha (25..29)) + @(Get-DayName beta (25..29)) | Sort-Object) -join ',')
        $selected | ForEach-Object { $_.RetentionRule | Should -Be 'KeepLast, OlderThan' }
        $selected[0].RetentionReason | Should -BeLike 'KeepLast, OlderThan: beyond the 25 newest AVAILABLE backups of volume *; created * UTC, older than 14 days'
    }

    It 'counts the copies of another region on their own, and sends nothing itself' {
        $phoenix = @(Get-OciVolumeBackup -CompartmentId $retention -Region phx -ErrorAction Stop)
        $before = (Get-OciEmulatorState $emu).Requests

        $selected = @(@($all) + $phoenix | Select-OciBackupToRemove -KeepLast 7)

        ($selected | Where-Object Region -EQ 'us-phoenix-1').DisplayName | Sort-Object | Should -Be (Get-DayName gamma (7..29) | Sort-Object)
        ($selected | Where-Object Region -EQ 'us-ashburn-1') | Should -HaveCount 51
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }

    It 'reads objects shaped like OCI.PSModules'' backups (enum states, DateTime times) and writes them back' {
        $sdk = foreach ($backup in $all | Where-Object DisplayName -Like 'beta day *') {
            [pscustomobject]@{ Id = $backup.Id; DisplayName = $backup.DisplayName; VolumeId = $backup.VolumeId; CompartmentId = $backup.CompartmentId
                LifecycleState = 'Available'; TimeCreated = $backup.TimeCreated.UtcDateTime }
        }

        $selected = @($sdk | Select-OciBackupToRemove -KeepLast 28)

        $selected.DisplayName | Sort-Object | Should -Be (Get-DayName beta 28, 29 | Sort-Object)
        $selected[0].PSObject.BaseObject | Should -BeOfType [System.Management.Automation.PSCustomObject]
        $selected[0].RetentionRule | Should -Be 'KeepLast'
    }

    It 'refuses an object that is no backup, and selects from the rest' {
        $selected = @(@([pscustomobject]@{ Id = $emu.VolumeIds[0] }) + @($all | Where-Object DisplayName -Like 'alpha day *') |
                Select-OciBackupToRemove -KeepLast 29 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $selected.DisplayName | Should -Be 'alpha day 29'
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidBackup,OciBackup.Cmdlets.SelectOciBackupToRemoveCommand'
    }

    It 'stops before reading anything when no rule is given (<Case>)' -ForEach @(
        @{ Case = 'none'; Arguments = @{}; ErrorId = 'OciBackup.RetentionRuleMissing' }
        @{ Case = 'an age of zero'; Arguments = @{ OlderThan = 0 }; ErrorId = 'OciBackup.InvalidOlderThan' }
    ) {
        $failure = { $all | Select-OciBackupToRemove @Arguments } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be "$ErrorId,OciBackup.Cmdlets.SelectOciBackupToRemoveCommand"
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'refuses an age it cannot read' {
        { $all | Select-OciBackupToRemove -OlderThan '3 months' } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,OciBackup.Cmdlets.SelectOciBackupToRemoveCommand'
    }
}

Describe 'Remove with -WhatIf' {
    BeforeAll {
        $emu = Start-RetentionEmulator
        $retention = $emu.Compartments['retention']
        $all = @(Get-AllBackups $retention)
    }

    AfterAll {
        $emu | Stop-OciEmulator
    }

    It 'prints exactly what would go and which rule chose it, and sends nothing' {
        $selected = @($all | Select-OciBackupToRemove -KeepLast 7)
        $before = (Get-OciEmulatorState $emu).Requests

        $lines = @(Get-HostLine { $selected | Remove-Selected -With @{ WhatIf = $true } })

        $lines | Should -HaveCount $selected.Count
        foreach ($backup in $selected) {
            $line = @($lines | Where-Object { $_ -like "*on target ""*Backup $($backup.Id)""." })
            $line | Should -HaveCount 1
            $line[0] | Should -BeLike "What if: Performing the operation ""Delete*($($backup.RetentionReason))"" on target *"
        }

        ($lines | Where-Object { $_ -like '*VolumeGroupBackup *' })[0] | Should -BeLike '*"Delete, with its member volume backups (KeepLast: beyond the 7 newest AVAILABLE backups of volume group *)"*'
        (Get-OciEmulatorState $emu).Requests | Should -Be $before
    }

    It 'sends nothing from Remove-OciVolumeBackup and Remove-OciVolumeGroupBackup either' {
        $before = (Get-OciEmulatorState $emu).RequestsByOperation

        $volumeLines = @(Get-HostLine { Get-OciVolumeBackup -CompartmentId $retention -DisplayName 'beta day 12' | Remove-OciVolumeBackup -WhatIf })
        $groupLines = @(Get-HostLine { Get-OciVolumeGroupBackup -CompartmentId $retention -DisplayName 'erp day 8' | Remove-OciVolumeGroupBackup -WhatIf })

        $volumeLines | Should -HaveCount 1
        $volumeLines[0] | Should -BeLike 'What if: Performing the operation "Delete" on target "VolumeBackup ocid1.volumebackup.oc1.us-ashburn-1.*".'
        $groupLines[0] | Should -BeLike 'What if: Performing the operation "Delete, with its member volume backups" on target "VolumeGroupBackup *".'
        $after = (Get-OciEmulatorState $emu).RequestsByOperation
        $after['DeleteVolumeBackup'] | Should -Be $before['DeleteVolumeBackup']
        $after['DeleteVolumeGroupBackup'] | Should -Be $before['DeleteVolumeGroupBackup']
    }
}

Describe 'Retention, end to end' {
    BeforeAll {
        $emu = Start-RetentionEmulator
        $retention = $emu.Compartments['retention']
    }

    AfterAll {
        $emu | Stop-OciEmulator
    }

    It 'keeps the newest 7 of each volume and group in each region and removes the rest, waiting until they are TERMINATED' {
        $ashburn = @(Get-AllBackups $retention | Select-OciBackupToRemove -KeepLast 7 | Remove-Selected -With @{ Force = $true; Wait = $true; ErrorAction = 'Stop' })
        $phoenix = @(Get-OciVolumeBackup -CompartmentId $retention -Region us-phoenix-1 | Select-OciBackupToRemove -KeepLast 7 | Remove-OciVolumeBackup -Force -Wait -ErrorAction Stop)

        $ashburn + $phoenix | Should -HaveCount 0
        $left = @(Get-AllBackups $retention) + @(Get-AllBackups $retention -Region us-phoenix-1)
        $alive = @($left | Where-Object LifecycleState -NE 'TERMINATED')
        $expected = @(Get-DayName alpha (0..6)) + 'alpha creating' + @(Get-DayName beta (0..6)) + 'beta creating' + @(Get-DayName gamma (0..6)) + @(Get-DayName erp (0..6))
        ($alive | Where-Object { $_.DisplayName -notlike 'erp day * - *' }).DisplayName | Sort-Object | Should -Be ($expected | Sort-Object)
        # The member backups of the 7 group backups kept are still there; those of the 3 removed went with them.
        @($alive | Where-Object { $_.DisplayName -like 'erp day * - *' }) | Should -HaveCount 14
        $state = Get-OciEmulatorState $emu
        $state.RequestsByOperation['DeleteVolumeBackup'] | Should -Be (24 + 24 + 23)
        $state.RequestsByOperation['DeleteVolumeGroupBackup'] | Should -Be 3
        $state.RequestsByRegion['us-phoenix-1'] | Should -BeGreaterThan 0
        @(Get-OciVolumeBackup -CompartmentId $emu.Compartments['untouched'] -LifecycleState TERMINATED) | Should -HaveCount 0
    }

    It 'fails only the backups that cannot be deleted, and never stops the rest' {
        $creating = Get-OciVolumeBackup -CompartmentId $retention -DisplayName 'alpha creating'
        $kept = Get-OciVolumeBackup -CompartmentId $retention -DisplayName 'beta day 6'
        $missing = 'ocid1.volumebackup.oc1.us-ashburn-1.doesnotexist0000000000'

        $creating, $missing, $kept | Remove-OciVolumeBackup -Force -Wait -NoRetry -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.IncorrectState,OciBackup.Cmdlets.RemoveOciVolumeBackupCommand'
        $failures[0].TargetObject | Should -Be $creating.Id
        (Get-OciVolumeBackup $kept.Id).LifecycleState | Should -Be 'TERMINATED'
    }

    It 'Remove-OciVolumeBackup refuses a group backup before sending anything for it, and removes the volume backups beside it' {
        $group = Get-OciVolumeGroupBackup -CompartmentId $retention -DisplayName 'erp day 6'
        $volume = Get-OciVolumeBackup -CompartmentId $retention -DisplayName 'beta day 5'
        $before = Get-Requests $emu DeleteVolumeGroupBackup

        $group, $volume | Remove-OciVolumeBackup -Force -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.InvalidVolumeBackupId,OciBackup.Cmdlets.RemoveOciVolumeBackupCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be $group.Id
        "$($failures[0])" | Should -BeLike '*is the OCID of a volumegroupbackup, not of a volumebackup*'
        (Get-OciVolumeBackup $volume.Id).LifecycleState | Should -BeIn 'TERMINATING', 'TERMINATED'
        Get-Requests $emu DeleteVolumeGroupBackup | Should -Be $before
    }

    It 'Remove-OciVolumeGroupBackup removes a group backup with its members, and a second time counts it as gone' {
        $group = Get-OciVolumeGroupBackup -CompartmentId $retention -DisplayName 'erp day 5'

        $group | Remove-OciVolumeGroupBackup -Force -Wait -ErrorAction Stop
        $group.Id | Remove-OciVolumeGroupBackup -Confirm:$false -ErrorAction Stop

        (Get-OciVolumeGroupBackup $group.Id).LifecycleState | Should -Be 'TERMINATED'
        @($group.VolumeBackupIds | Get-OciVolumeBackup | Where-Object LifecycleState -NE 'TERMINATED') | Should -HaveCount 0
    }

    It 'tells with -Verbose each deletion and why' {
        $backup = Get-OciVolumeBackup -CompartmentId $retention -DisplayName 'alpha day 6'

        $verbose = @($backup | Select-OciBackupToRemove -Name $backup.Id | Remove-OciVolumeBackup -Force -Verbose 4>&1 | ForEach-Object Message)

        $verbose -join "`n" | Should -BeLike "*Deleting volume backup $($backup.Id): Named: asked for by its OCID or display name.*"
        $verbose -join "`n" | Should -BeLike "*Deleted volume backup $($backup.Id) in * ms; opc-request-id *"
        $verbose -join "`n" | Should -BeLike '*1 of 1 volume backups deleted, 0 failed.*'
    }
}
