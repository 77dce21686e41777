#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The module's format views as a person sees them: at 80 columns and on a wide console, through Out-Default's
# formatter (Out-String -Width, Format-Table, Format-List, Out-File). No server: the backups are the engine's own
# objects, filled in here the way the service fills them.
# Run after a build (dotnet build OciBackup.sln -c Release) with: Invoke-Pester ./tests/pester

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    # A session needs a config file and a key: the throwaway test key from tests/vectors.
    $configFile = New-TestConfig

    # The longest region id of the commercial realm (oc1), so its longest endpoint and OCIDs.
    $region = 'af-johannesburg-1'
    $session = New-OciSession -ConfigFile $configFile -Region $region -ErrorAction Stop

    # The engine lives in its own load context, so its types are reached through an object it made.
    $engine = $session.GetType().Assembly
    $random = [System.Random]::new(11)

    # An OCID shaped like the service's: ocid1.<type>.oc1.<region>.<60 base32 characters>.
    function New-TestOcid {
        param([string] $ResourceType, [string] $Region = $region)
        $alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
        $unique = -join (1..59 | ForEach-Object { $alphabet[$random.Next($alphabet.Length)] })
        "ocid1.$ResourceType.oc1.$Region.a$unique"
    }

    # One backup of each lifecycle state, with the names and sizes that are hardest to fit: none, the service's
    # default name, a long one.
    function New-TestBackup {
        param([ValidateSet('VolumeBackup', 'VolumeGroupBackup')] [string] $Kind, [string] $Region = $region)
        $names = @('nightly 2026-11-23', $null, "$($Kind.ToLowerInvariant())20261123051522", 'runbook 2026-11-23 web-server-01 boot volume', 'db', 'x')
        $states = @('REQUEST_RECEIVED', 'CREATING', 'AVAILABLE', 'FAULTY', 'TERMINATING', 'TERMINATED')
        $sizes = @($null, 50, 1024, 32768, 2097152, 0)
        $type = $engine.GetType("OciBackup.Engine.Models.$Kind", $true)
        for ($i = 0; $i -lt $states.Count; $i++) {
            $backup = [System.Activator]::CreateInstance($type)
            $backup.Id = New-TestOcid $Kind.ToLowerInvariant() -Region $Region
            $backup.DisplayName = $names[$i]
            $backup.LifecycleState = $states[$i]
            $backup.Type = 'INCREMENTAL'
            $backup.SizeInGBs = $sizes[$i]
            $backup.TimeCreated = [DateTimeOffset]::new(2026, 11, 23, 5, 15, $i, [TimeSpan]::Zero)
            $backup.CompartmentId = 'ocid1.compartment.oc1..aaaaaaaa5nfwo53cezleyy6t73v6rn6knhu3molvptnl3kcq34l5zb7ptz2q'
            $backup.FreeformTags = @{ Ticket = 'CHG-1042'; env = 'prod' }
            $backup.DefinedTags = @{ Operations = @{ CostCenter = '42'; Schedule = 'nightly' } }
            $backup.Region = $Region
            $backup
        }
    }

    # What the formatter writes at a console this many columns wide, line by line.
    function Show-AtWidth {
        param([Parameter(Mandatory)] [object[]] $InputObject, [Parameter(Mandatory)] [int] $Width, [switch] $List)
        if ($List) { $InputObject | Format-List | Out-String -Stream -Width $Width }
        else { $InputObject | Out-String -Stream -Width $Width }
    }

    # The table's rows, one per object, in order: the lines after the header's dashes.
    function Get-TableRow {
        param([string[]] $Lines)
        $dashes = [array]::FindIndex($Lines, [Predicate[string]] { param($l) $l -match '^-+( +-+)+$' })
        if ($dashes -lt 0) { throw "No table header in:`n$($Lines -join "`n")" }
        @($Lines[($dashes + 1)..($Lines.Count - 1)] | Where-Object { $_.Trim() })
    }

    # A list's entries as label -> value, each wrapped value joined again.
    function Get-ListEntry {
        param([string[]] $Lines)
        $entries = [ordered]@{}
        $label = $null
        foreach ($line in $Lines) {
            if ($line -match '^(\S+)\s+: ?(.*)$') {
                $label = $Matches[1]
                $entries[$label] = $Matches[2]
            }
            elseif ($label -and $line.Trim()) {
                $entries[$label] += $line.Trim()
            }
            else {
                $label = $null
            }
        }

        $entries
    }

    # The id cell: right-aligned, it holds no space, and it is a whole OCID or the end of one after an ellipsis. The
    # region may follow it on a wide console.
    function Get-IdCell {
        param([string] $Row)
        @($Row.Split(' ', [StringSplitOptions]::RemoveEmptyEntries) | Where-Object { $_ -like 'ocid1.*' -or $_ -like '…*' })[-1]
    }
}

AfterAll {
    Remove-Module OciBackup -ErrorAction SilentlyContinue
    Remove-ScratchFolder
}

Describe 'The <_> table' -ForEach 'VolumeBackup', 'VolumeGroupBackup' {
    BeforeAll {
        $backups = @(New-TestBackup -Kind $_)
    }

    # An 80-column console lays tables out in 79 columns: PowerShell keeps the last one free.
    It 'in an 80-column console shows each backup''s state, creation time and the distinct end of its OCID' {
        $lines = @(Show-AtWidth $backups -Width 79)

        $lines | Where-Object Length -GT 79 | Should -BeNullOrEmpty
        $lines -match '^Name +State +Created +Size \(GB\) +Id$' | Should -HaveCount 1
        $rows = @(Get-TableRow $lines)
        $rows | Should -HaveCount $backups.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $rows[$i] | Should -Match ('\b' + $backups[$i].LifecycleState + '\b')
            $rows[$i] | Should -BeLike ('*' + $backups[$i].TimeCreated.ToLocalTime().ToString('yyyy-MM-dd HH:mm') + '*')
            $cell = Get-IdCell $rows[$i]
            $cell | Should -BeLike '…*'
            $cell.Length | Should -BeGreaterOrEqual 15
            $backups[$i].Id.EndsWith($cell.Substring(1), [StringComparison]::Ordinal) | Should -BeTrue -Because "'$cell' is the end of $($backups[$i].Id)"
        }

        $rows | ForEach-Object { Get-IdCell $_ } | Select-Object -Unique | Should -HaveCount $backups.Count
    }

    It 'at 200 columns shows each backup''s whole OCID' {
        $lines = @(Show-AtWidth $backups -Width 200)

        $lines | Where-Object Length -GT 200 | Should -BeNullOrEmpty
        $rows = @(Get-TableRow $lines)
        $rows | Should -HaveCount $backups.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            Get-IdCell $rows[$i] | Should -BeExactly $backups[$i].Id
            $rows[$i] | Should -Match ('\b' + $backups[$i].LifecycleState + '\b')
        }
    }

    It 'writes each backup as it comes, without waiting for the next one' {
        $written = [System.Collections.Generic.List[string]]::new()
        $beforeSecond = [System.Collections.Generic.List[string]]::new()

        & {
            $backups[0]
            $beforeSecond.AddRange($written)
            $backups[1]
        } | Out-String -Stream -Width 80 | ForEach-Object { $written.Add($_) }

        ($beforeSecond -join "`n") | Should -Match $backups[0].LifecycleState
    }

    It 'is the same table through Format-Table and in a file written by Out-File' {
        $expected = ($backups | Out-String -Width 80)
        $file = Join-Path $TestDrive "$_.txt"

        $backups | Format-Table | Out-File -LiteralPath $file -Width 80

        Get-Content -Raw -LiteralPath $file | Should -BeExactly $expected
    }

    It 'lists every field under its property name, the whole OCID and readable tags, at <Width> columns' -ForEach @(
        @{ Width = 80 }, @{ Width = 200 }
    ) {
        $backup = $backups[3]

        $lines = @(Show-AtWidth $backup -Width $Width -List)

        $lines | Where-Object Length -GT $Width | Should -BeNullOrEmpty
        $entries = Get-ListEntry $lines
        $entries.Keys | Should -Contain 'LifecycleState'
        foreach ($label in $entries.Keys) {
            $backup.PSObject.Properties[$label] | Should -Not -BeNullOrEmpty -Because "'$label' is a property users can type"
        }

        $entries['Id'] | Should -BeExactly $backup.Id
        $entries['FreeformTags'] | Should -BeExactly 'env=prod, Ticket=CHG-1042'
        $entries['DefinedTags'] | Should -BeExactly 'Operations.CostCenter=42, Operations.Schedule=nightly'
    }

    It 'lists the region a backup is in, and the backup it was copied from only for a copy' {
        $source = if ($_ -eq 'VolumeBackup') { 'SourceVolumeBackupId' } else { 'SourceVolumeGroupBackupId' }
        $original = $backups[2]
        $original.Region = $region
        $copy = @(New-TestBackup -Kind $_ -Region 'us-phoenix-1')[2]
        $copy.Region = 'us-phoenix-1'
        $copy.$source = $original.Id

        $originalEntries = Get-ListEntry @(Show-AtWidth $original -Width 80 -List)
        $copyEntries = Get-ListEntry @(Show-AtWidth $copy -Width 80 -List)

        $originalEntries['Region'] | Should -BeExactly $region
        $originalEntries.Contains($source) | Should -BeFalse -Because 'a backup made from a volume was copied from nothing'
        $copyEntries['Region'] | Should -BeExactly 'us-phoenix-1'
        $copyEntries[$source] | Should -BeExactly $original.Id
    }
}

Describe 'Volume and group backups written together' {
    It 'stay in one table with the end of each OCID' {
        $volumeBackups = @(New-TestBackup -Kind VolumeBackup)
        $groupBackups = @(New-TestBackup -Kind VolumeGroupBackup)
        $backups = @($volumeBackups[2], $groupBackups[2], $volumeBackups[0], $groupBackups[0])

        $lines = @(Show-AtWidth $backups -Width 79)

        $lines | Where-Object Length -GT 79 | Should -BeNullOrEmpty
        $lines -match '^Name +State' | Should -HaveCount 1
        $rows = @(Get-TableRow $lines)
        $rows | Should -HaveCount $backups.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $backups[$i].Id.EndsWith((Get-IdCell $rows[$i]).TrimStart('…'), [StringComparison]::Ordinal) | Should -BeTrue
        }
    }

    It 'fit every width from 79 to 200 columns, each id the end of its OCID' {
        $backups = @(New-TestBackup -Kind VolumeBackup) + @(New-TestBackup -Kind VolumeGroupBackup)
        $problems = [System.Collections.Generic.List[string]]::new()

        foreach ($width in 79..200) {
            $lines = @(Show-AtWidth $backups -Width $width)
            $long = @($lines | Where-Object Length -GT $width)
            if ($long) { $problems.Add("$width columns: a line of $($long[0].Length)") }
            $cells = @(Get-TableRow $lines | ForEach-Object { Get-IdCell $_ })
            if ($cells.Count -ne $backups.Count) { $problems.Add("$width columns: $($cells.Count) rows"); continue }
            for ($i = 0; $i -lt $cells.Count; $i++) {
                $shown = $cells[$i].TrimStart('…')
                if ($shown.Length -lt 14 -or -not $backups[$i].Id.EndsWith($shown, [StringComparison]::Ordinal)) {
                    $problems.Add("$width columns: '$($cells[$i])' for $($backups[$i].Id)")
                }
            }

            if (@($cells | Select-Object -Unique).Count -ne $cells.Count) { $problems.Add("$width columns: ids alike") }
        }

        $problems | Should -BeNullOrEmpty
    }

    It 'are listed each with the fields of its kind' {
        $volumeBackup = New-TestBackup -Kind VolumeBackup | Select-Object -First 1
        $groupBackup = New-TestBackup -Kind VolumeGroupBackup | Select-Object -First 1

        $lines = @(Show-AtWidth $volumeBackup, $groupBackup -Width 80 -List)

        $labels = @($lines | Where-Object { $_ -match '^(\S+)\s+: ' } | ForEach-Object { $Matches[1] })
        $labels | Where-Object { $_ -eq 'Id' } | Should -HaveCount 2
        $labels | Should -Contain 'VolumeId'
        $labels | Should -Contain 'VolumeBackupIds'
        $labels | Should -Not -Contain 'AdditionalProperties'
    }
}

Describe 'Restored volumes and volume groups' {
    BeforeAll {
        # Each state a volume or group passes, with the longest domain name of the emulated tenancy.
        $domains = @('Uocm:US-ASHBURN-AD-1', 'Uocm:EU-FRANKFURT-1-AD-3', 'Uocm:PHX-AD-2')
        $resources = @(
            for ($i = 0; $i -lt 6; $i++) {
                $kind = if ($i % 2) { 'VolumeGroup' } else { 'Volume' }
                $resource = [System.Activator]::CreateInstance($engine.GetType("OciBackup.Engine.Models.$kind", $true))
                $resource.Id = New-TestOcid $kind.ToLowerInvariant()
                $resource.DisplayName = @('restore test', $null, 'volume20261123051522', 'erp (recovered) data and logs', 'db', 'x')[$i]
                $resource.LifecycleState = @('PROVISIONING', 'AVAILABLE', 'AVAILABLE', 'FAULTY', 'TERMINATING', 'UPDATE_PENDING')[$i]
                $resource.AvailabilityDomain = $domains[$i % 3]
                $resource.SizeInGBs = @(50, 1024, 32768, $null, 2097152, 0)[$i]
                $resource.Region = $region
                $resource.FreeformTags = @{ Purpose = 'restore-test' }
                $resource
            })
    }

    It 'in an 80-column console show each one''s state, the end of its domain and the distinct end of its OCID' {
        $lines = @(Show-AtWidth $resources -Width 79)

        $lines | Where-Object Length -GT 79 | Should -BeNullOrEmpty
        $lines -match '^Name +State +Availability domain +Size \(GB\) +Id$' | Should -HaveCount 1
        $rows = @(Get-TableRow $lines)
        $rows | Should -HaveCount $resources.Count
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $rows[$i] | Should -Match ('\b' + $resources[$i].LifecycleState + '\b')
            $domain = $resources[$i].AvailabilityDomain
            $rows[$i] | Should -BeLike ('*' + $domain.Substring([Math]::Max(0, $domain.Length - 18)) + ' *')
            $cell = Get-IdCell $rows[$i]
            $cell.Length | Should -BeGreaterOrEqual 15
            $resources[$i].Id.EndsWith($cell.TrimStart('…'), [StringComparison]::Ordinal) | Should -BeTrue
        }
    }

    It 'at 200 columns show whole OCIDs' {
        $rows = @(Get-TableRow @(Show-AtWidth $resources -Width 200))

        for ($i = 0; $i -lt $rows.Count; $i++) {
            Get-IdCell $rows[$i] | Should -BeExactly $resources[$i].Id
        }
    }

    It 'are listed each with the fields of its kind, under their property names' {
        $lines = @(Show-AtWidth $resources[0], $resources[1] -Width 80 -List)

        $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty
        $labels = @($lines | Where-Object { $_ -match '^(\S+)\s+: ' } | ForEach-Object { $Matches[1] })
        foreach ($label in $labels) {
            $resources[0].PSObject.Properties[$label] ?? $resources[1].PSObject.Properties[$label] | Should -Not -BeNullOrEmpty -Because "'$label' is a property users can type"
        }

        $labels | Should -Contain 'VpusPerGB'
        $labels | Should -Contain 'VolumeIds'
        $labels | Should -Contain 'Region'
        $labels | Where-Object { $_ -eq 'AvailabilityDomain' } | Should -HaveCount 2
        $lines -join "`n" | Should -Match 'FreeformTags +: Purpose=restore-test'
    }
}

Describe 'A wide console' {
    It 'shows whole <Kind> OCIDs of us-ashburn-1 from <Width> columns' -ForEach @(
        @{ Kind = 'VolumeBackup'; Width = 160 }, @{ Kind = 'VolumeGroupBackup'; Width = 165 }
    ) {
        $backups = @(New-TestBackup -Kind $Kind -Region 'us-ashburn-1')

        $wide = @(Get-TableRow @(Show-AtWidth $backups -Width $Width) | ForEach-Object { Get-IdCell $_ })
        $narrower = @(Get-TableRow @(Show-AtWidth $backups -Width ($Width - 1)) | ForEach-Object { Get-IdCell $_ })

        $wide | Should -BeExactly $backups.Id
        $narrower | ForEach-Object { $_ | Should -BeLike '…*' }
    }
}

Describe 'The region of backups' {
    BeforeAll {
        $backups = @(New-TestBackup -Kind VolumeBackup) + @(New-TestBackup -Kind VolumeGroupBackup)
    }

    It 'costs an 80-column console nothing, and the list says it' {
        $lines = @(Show-AtWidth $backups -Width 79)
        $list = Get-ListEntry @(Show-AtWidth $backups[0] -Width 80 -List)

        $lines -match '^Name +State +Created +Size \(GB\) +Id$' | Should -HaveCount 1
        $list['Region'] | Should -BeExactly $region
    }

    It 'follows the whole OCID once the id column fits, whole from 189 columns' {
        $narrow = @(Show-AtWidth $backups -Width 172)
        $wide = @(Show-AtWidth $backups -Width 189)

        $narrow -match 'Region' | Should -BeNullOrEmpty
        $wide -match '^Name +State +Created +Size \(GB\) +Id Region$' | Should -HaveCount 1
        $rows = @(Get-TableRow $wide)
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $rows[$i] | Should -BeLike "* $($backups[$i].Id) $region"
        }
    }
}

Describe 'The session views' {
    It 'in an 80-column console show the profile, region, authentication and the whole endpoint' {
        $lines = @(Show-AtWidth $session -Width 79)

        $lines | Where-Object Length -GT 79 | Should -BeNullOrEmpty
        $lines -match '^Profile +Region +Auth +Endpoint$' | Should -HaveCount 1
        $row = @(Get-TableRow $lines)
        $row | Should -HaveCount 1
        $row[0] | Should -Match "^DEFAULT +$region +ApiKey +https://iaas\.$region\.oraclecloud\.com$"
    }

    It 'list every field under its property name at 80 columns' {
        $lines = @(Show-AtWidth $session -Width 80 -List)

        $lines | Where-Object Length -GT 80 | Should -BeNullOrEmpty
        $entries = Get-ListEntry $lines
        foreach ($label in $entries.Keys) {
            $session.PSObject.Properties[$label] | Should -Not -BeNullOrEmpty -Because "'$label' is a property users can type"
        }

        $entries['TenancyId'] | Should -BeExactly $session.TenancyId
        $entries['Fingerprint'] | Should -BeExactly $session.Fingerprint
        $lines -join "`n" | Should -Not -Match 'PRIVATE KEY'
    }
}
