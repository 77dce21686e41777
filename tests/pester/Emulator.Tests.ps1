#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Start-OciEmulator, Stop-OciEmulator, Get-OciEmulatorState and Set-OciEmulatorFault as a user's test file uses them:
# emulators started out of process, several at once, faults and counters, and the guarantee that an emulator never
# outlives the PowerShell that started it. Run after a build (dotnet build OciBackup.sln -c Release) with:
# Invoke-Pester ./tests/pester

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    # Running, and not a zombie that its (killed) parent has not reaped yet: Linux keeps those until someone does.
    function Test-ProcessRunning {
        param([int] $Id)
        $process = Get-Process -Id $Id -ErrorAction SilentlyContinue
        if (-not $process -or $process.HasExited) { return $false }
        if ($IsLinux) {
            $stat = Get-Content -Raw -LiteralPath "/proc/$Id/stat" -ErrorAction SilentlyContinue
            if (-not $stat -or $stat[$stat.LastIndexOf(')') + 2] -eq 'Z') { return $false }
        }
        return $true
    }

    function Wait-ProcessGone {
        param([int] $Id, [int] $Seconds = 15)
        $deadline = [DateTime]::UtcNow.AddSeconds($Seconds)
        while ((Test-ProcessRunning $Id) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        -not (Test-ProcessRunning $Id)
    }

    # The dotnet processes this PowerShell started (an emulator runs as one).
    function Get-ChildDotnet {
        @(Get-Process -ErrorAction SilentlyContinue | Where-Object { $_.Parent.Id -eq $PID -and $_.ProcessName -like 'dotnet*' })
    }

    # A fresh pwsh (the one running these tests) that imports the module and runs a script; its output is redirected.
    function Start-ChildPwsh {
        param([string] $Script)
        $full = "Import-Module '$($manifestPath.Replace("'", "''"))' -ErrorAction Stop; $Script"
        $pwsh = foreach ($name in 'pwsh', 'pwsh.exe') { $candidate = Join-Path $PSHOME $name; if (Test-Path -LiteralPath $candidate -PathType Leaf) { $candidate; break } }
        $start = if ($pwsh) { [System.Diagnostics.ProcessStartInfo]::new($pwsh) } else { [System.Diagnostics.ProcessStartInfo]::new('dotnet') }
        if (-not $pwsh) { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $full) { $start.ArgumentList.Add($argument) }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        [System.Diagnostics.Process]::Start($start)
    }
}

AfterAll {
    Remove-Module OciBackup -ErrorAction SilentlyContinue
    Remove-ScratchFolder
}

Describe 'Start-OciEmulator' {
    It 'starts an emulator with the inventory asked for and a session that signs for it' {
        $emu = Start-OciEmulator -Volumes 4 -VolumeGroups 1 -VolumesPerGroup 2 -Compartment alpha, beta -BackupSeconds 1 -ErrorAction Stop
        try {
            $emu.PSObject.TypeNames[0] | Should -Be 'OciBackup.Engine.Emulator.OciEmulator'
            $emu.Url | Should -Match '^http://127\.0\.0\.1:\d+$'
            Test-ProcessRunning $emu.ProcessId | Should -BeTrue
            $emu.CompartmentIds | Should -HaveCount 2
            $emu.Compartments['beta'] | Should -Be $emu.CompartmentIds[1]
            $emu.VolumeIds | Should -HaveCount 12
            $emu.StandaloneVolumeIds | Should -HaveCount 8
            $emu.VolumeGroupIds | Should -HaveCount 2
            Test-Path -LiteralPath $emu.ConfigFile | Should -BeTrue
            @($emu.MetadataBaseUrl, $emu.InstancePrincipalVariables, $emu.ResourcePrincipalVariables, $emu.CloudShellVariables, $emu.SessionTokenConfigFile) |
                Where-Object { $null -ne $_ } | Should -BeNullOrEmpty -Because 'the identity side is played only when asked for'

            $listed = @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $emu.Compartments['alpha'] } -All -Session $emu.Session -ErrorAction Stop)

            ($listed.id | Sort-Object) -join ',' | Should -Be ((@($emu.VolumeIds | Where-Object { $_ -in $listed.id }) | Sort-Object) -join ',')
            $listed | Should -HaveCount 6
            (Get-OciEmulatorState $emu).AuthenticatedRequests | Should -BeGreaterThan 0
            (Get-OciEmulatorState $emu).AuthenticationFailures | Should -Be 0
            $session = New-OciSession -ConfigFile $emu.ConfigFile -Profile $emu.Profile -Endpoint $emu.Url
            (Invoke-OciRestMethod "/20160918/volumes/$($emu.VolumeIds[0])" -Session $session -ErrorAction Stop).id | Should -Be $emu.VolumeIds[0]
        }
        finally {
            $emu | Stop-OciEmulator
        }
    }

    It 'serves several regions, each at the endpoint Endpoints names, with the inventory of the first' {
        $emu = Start-OciEmulator -Region us-phoenix-1, us-ashburn-1 -Volumes 1 -VolumeGroups 0 -ErrorAction Stop
        try {
            $emu.Regions | Should -Be @('us-phoenix-1', 'us-ashburn-1')
            $emu.Region | Should -Be 'us-phoenix-1'
            $emu.Endpoints['us-phoenix-1'] | Should -Be $emu.Url
            $emu.Endpoints['us-ashburn-1'] | Should -Match '^http://127\.0\.0\.1:\d+$'
            $emu.Endpoints['us-ashburn-1'] | Should -Not -Be $emu.Url
            $emu.VolumeIds | Should -HaveCount 1
            $emu.VolumeIds[0] | Should -BeLike 'ocid1.volume.oc1.us-phoenix-1.*'
            $emu.Session.Region | Should -Be 'us-phoenix-1'
            $ashburn = New-OciSession -ConfigFile $emu.ConfigFile -Endpoint $emu.Endpoints['us-ashburn-1']

            $east = @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $emu.CompartmentId } -Session $ashburn -ErrorAction Stop)
            $domains = @(Invoke-OciRestMethod /20160918/availabilityDomains -Query @{ compartmentId = $emu.CompartmentId } -Session $ashburn -ErrorAction Stop)
            Invoke-OciRestMethod "/20160918/volumes/$($emu.VolumeIds[0])" -Session $ashburn -ErrorVariable notThere -ErrorAction SilentlyContinue

            $east | Should -HaveCount 1
            $east[0].id | Should -BeLike 'ocid1.volume.oc1.us-ashburn-1.*'
            $domains.name | Should -Be @('Uocm:US-ASHBURN-AD-1', 'Uocm:US-ASHBURN-AD-2', 'Uocm:US-ASHBURN-AD-3')
            $notThere[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.*NotFound*'
            (Get-OciEmulatorState $emu).RequestsByRegion['us-ashburn-1'] | Should -Be 3
        }
        finally {
            $emu | Stop-OciEmulator
        }
    }

    It 'gives a session that signs for every region: made in one, got and listed there, 404 at another' {
        $emu = Start-OciEmulator -Region us-ashburn-1, us-phoenix-1 -Volumes 1 -VolumeGroups 0 -BackupSeconds 1 -ErrorAction Stop
        try {
            $west = @(Invoke-OciRestMethod /20160918/volumes -Region us-phoenix-1 -Query @{ compartmentId = $emu.CompartmentId } -Session $emu.Session -ErrorAction Stop)
            $west | Should -HaveCount 1
            $west[0].id | Should -BeLike 'ocid1.volume.oc1.us-phoenix-1.*'

            # The volume's OCID names its region, so the one session sends the create, and the wait, to Phoenix's endpoint.
            $backup = New-OciVolumeBackup -VolumeId $west[0].id -Session $emu.Session -Wait -Timeout 60 -ErrorAction Stop
            $got = Wait-OciBackup -Id $backup.Id -Session $emu.Session -ErrorAction Stop
            $listed = @(Invoke-OciRestMethod /20160918/volumeBackups -Region phx -Query @{ compartmentId = $emu.CompartmentId } -Session $emu.Session -ErrorAction Stop)
            $domains = @(Invoke-OciRestMethod /20160918/availabilityDomains -Region us-phoenix-1 -Query @{ compartmentId = $emu.CompartmentId } -Session $emu.Session -ErrorAction Stop)
            $listedAtHome = @(Invoke-OciRestMethod /20160918/volumeBackups -Query @{ compartmentId = $emu.CompartmentId } -Session $emu.Session -ErrorAction Stop)
            Invoke-OciRestMethod "/20160918/volumeBackups/$($backup.Id)" -Session $emu.Session -ErrorVariable notAtHome -ErrorAction SilentlyContinue
            $null = New-OciVolumeBackup -VolumeId $west[0].id -Region us-ashburn-1 -Session $emu.Session -ErrorVariable wrongRegion -ErrorAction SilentlyContinue
            $unserved = { Invoke-OciRestMethod /20160918/volumes -Region eu-frankfurt-1 -Session $emu.Session -ErrorAction Stop } | Should -Throw -PassThru

            $emu.Session.Region | Should -Be 'us-ashburn-1'
            $backup.Id | Should -BeLike 'ocid1.volumebackup.oc1.us-phoenix-1.*'
            $backup.Region | Should -Be 'us-phoenix-1'
            $backup.State | Should -Be 'Available'
            $got.Id | Should -Be $backup.Id
            $got.Region | Should -Be 'us-phoenix-1'
            $listed.id | Should -Be @($backup.Id)
            $domains.name | Should -Be @('Uocm:PHX-AD-1', 'Uocm:PHX-AD-2', 'Uocm:PHX-AD-3')
            $listedAtHome | Should -BeNullOrEmpty
            $notAtHome[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.*NotFound*'
            $wrongRegion[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.*NotFound*'
            $unserved.FullyQualifiedErrorId | Should -Be 'OciBackup.EndpointInvalid,OciBackup.Cmdlets.InvokeOciRestMethodCommand'
            $state = Get-OciEmulatorState $emu
            $state.AuthenticationFailures | Should -Be 0
            $state.VolumeBackupsCreated[$west[0].id] | Should -Be 1
            $state.RequestsByRegion['us-ashburn-1'] | Should -BeGreaterOrEqual 3
            $state.RequestsByRegion['us-phoenix-1'] | Should -BeGreaterOrEqual 5
        }
        finally {
            $emu | Stop-OciEmulator
        }
    }

    It 'plays the instance and the function in the home region, and their sessions with -Endpoint $emu.Endpoints sign for every region' {
        $emu = Start-OciEmulator -Region us-ashburn-1, us-phoenix-1 -Volumes 1 -VolumeGroups 0 -BackupSeconds 0 -InstancePrincipal -ResourcePrincipal -ErrorAction Stop
        $savedVariables = @{}
        Get-ChildItem env: | Where-Object Name -Like 'OCI_*' | ForEach-Object { $savedVariables[$_.Name] = $_.Value }
        try {
            $region = Invoke-RestMethod -Uri ($emu.MetadataBaseUrl + 'instance/region') -Headers @{ Authorization = 'Bearer Oracle' } -NoProxy
            foreach ($variable in $emu.InstancePrincipalVariables.GetEnumerator()) { Set-Item -Path "env:$($variable.Key)" -Value $variable.Value }
            $instance = New-OciSession -AuthType InstancePrincipal -Endpoint $emu.Endpoints -ErrorAction Stop
            $west = @(Invoke-OciRestMethod /20160918/volumes -Region us-phoenix-1 -Query @{ compartmentId = $emu.CompartmentId } -Session $instance -ErrorAction Stop)
            $westBackup = New-OciVolumeBackup -VolumeId $west[0].id -Session $instance -ErrorAction Stop
            $eastBackup = New-OciVolumeBackup -VolumeId $emu.VolumeIds[0] -Session $instance -ErrorAction Stop
            foreach ($variable in $emu.ResourcePrincipalVariables.GetEnumerator()) { Set-Item -Path "env:$($variable.Key)" -Value $variable.Value }
            $function = New-OciSession -AuthType ResourcePrincipal -Endpoint $emu.Endpoints -ErrorAction Stop
            $seenByFunction = Invoke-OciRestMethod "/20160918/volumeBackups/$($westBackup.Id)" -Region us-phoenix-1 -Session $function -ErrorAction Stop

            $region | Should -Be 'us-ashburn-1'
            $emu.ResourcePrincipalVariables['OCI_RESOURCE_PRINCIPAL_REGION'] | Should -Be 'us-ashburn-1'
            $instance.Region | Should -Be 'us-ashburn-1'
            $function.Region | Should -Be 'us-ashburn-1'
            $westBackup.Region | Should -Be 'us-phoenix-1'
            $eastBackup.Region | Should -Be 'us-ashburn-1'
            $seenByFunction.id | Should -Be $westBackup.Id
            (Get-OciEmulatorState $emu).AuthenticationFailures | Should -Be 0
        }
        finally {
            Get-ChildItem env: | Where-Object Name -Like 'OCI_*' | ForEach-Object { Remove-Item -Path "env:$($_.Name)" }
            foreach ($name in $savedVariables.Keys) { Set-Item -Path "env:$name" -Value $savedVariables[$name] }
            $emu | Stop-OciEmulator
        }
    }

    It 'runs the emulator out of process: no ASP.NET Core assembly loads into PowerShell' {
        $emu = Start-OciEmulator -ErrorAction Stop
        try {
            $loaded = foreach ($context in [System.Runtime.Loader.AssemblyLoadContext]::All) { $context.Assemblies.GetName().Name }

            @($loaded | Where-Object { $_ -like 'Microsoft.AspNetCore*' -or $_ -eq 'OciBackup.Emulator' }) | Should -BeNullOrEmpty
            $loaded | Should -Contain 'OciBackup.Engine'
        }
        finally {
            $emu | Stop-OciEmulator
        }
    }

    It 'runs several emulators at once, each on its own port, process and key' {
        $emulators = @(1..3 | ForEach-Object { Start-OciEmulator -Volumes 1 -ErrorAction Stop })
        try {
            $emulators.Port | Select-Object -Unique | Should -HaveCount 3
            $emulators.ProcessId | Select-Object -Unique | Should -HaveCount 3
            $emulators.ConfigFolder | Select-Object -Unique | Should -HaveCount 3
            foreach ($emu in $emulators) {
                $null = New-OciVolumeBackup -Session $emu.Session -VolumeId $emu.StandaloneVolumeIds[0] -ErrorAction Stop
                (Get-OciEmulatorState $emu).VolumeBackups | Should -Be 1
            }
        }
        finally {
            $emulators | Stop-OciEmulator
        }

        foreach ($emu in $emulators) {
            $emu.HasExited | Should -BeTrue
            Test-Path -LiteralPath $emu.ConfigFolder | Should -BeFalse
        }
    }

    It 'starts nothing and writes nothing with -WhatIf' {
        $before = (Get-ChildDotnet).Count

        $output = Start-OciEmulator -WhatIf

        $output | Should -BeNullOrEmpty
        (Get-ChildDotnet).Count | Should -Be $before
        { Get-OciEmulatorState -ErrorAction Stop } | Should -Throw -ErrorId 'OciBackup.NoEmulator,OciBackup.Cmdlets.GetOciEmulatorStateCommand'
    }

    It 'tells the story with -Verbose and never shows the throwaway key' {
        $records = @(Start-OciEmulator -Verbose -ErrorAction Stop 4>&1)
        $emu = $records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        try {
            $verbose = ($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message) -join "`n"
            $keyLines = @(Get-Content -LiteralPath (Join-Path $emu.ConfigFolder 'key.pem') | Where-Object { $_ -and $_ -notlike '-----*' })

            $verbose | Should -Match "Using the dotnet host '.+' \(found by .+\) with ASP\.NET Core \d+\.\d+"
            $verbose | Should -Match ([regex]::Escape("Emulator process $($emu.ProcessId) listening on $($emu.Url)"))
            $verbose | Should -Match "this PowerShell \(process $PID\) exits"
            $shown = $verbose + ($emu | Format-List * | Out-String) + ($emu | Out-String) + ($emu.Session | Format-List * | Out-String)
            $shown | Should -Not -Match 'PRIVATE KEY'
            foreach ($line in $keyLines) { $shown.Contains($line) | Should -BeFalse }
        }
        finally {
            $emu | Stop-OciEmulator
        }
    }

    It 'refuses <Case> before starting anything' -ForEach @(
        @{ Case = 'an unknown fault'; Arguments = @{ Fault = @{ NoSuchFault = 1 } }; ErrorId = 'OciBackup.InvalidEmulatorFault'; Category = 'InvalidArgument' }
        @{ Case = 'a fault share above 1'; Arguments = @{ Fault = @{ DropShare = 2 } }; ErrorId = 'OciBackup.InvalidEmulatorFault'; Category = 'InvalidArgument' }
        @{ Case = 'a missing seed file'; Arguments = @{ SeedFile = './no-such-seed.json' }; ErrorId = 'OciBackup.SeedFileNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'a region given twice'; Arguments = @{ Region = 'us-phoenix-1', 'us-phoenix-1' }; ErrorId = 'OciBackup.InvalidEmulatorRegion'; Category = 'InvalidArgument' }
    ) {
        $before = (Get-ChildDotnet).Count

        $failure = { Start-OciEmulator @Arguments } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be "$ErrorId,OciBackup.Cmdlets.StartOciEmulatorCommand"
        $failure.CategoryInfo.Category | Should -Be $Category
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        (Get-ChildDotnet).Count | Should -Be $before
    }

    It 'names what to install when the dotnet host has no ASP.NET Core runtime, before starting anything' {
        $fake = New-ScratchFolder
        $hostName = if ($IsWindows) { 'dotnet.exe' } else { 'dotnet' }
        Set-Content -LiteralPath (Join-Path $fake $hostName) -Value ''
        New-Item -ItemType Directory -Path (Join-Path $fake 'shared/Microsoft.NETCore.App/10.0.0') | Out-Null
        New-Item -ItemType Directory -Path (Join-Path $fake 'shared/Microsoft.AspNetCore.App/8.0.0') | Out-Null
        $before = (Get-ChildDotnet).Count

        $failure = { Start-OciEmulator -DotnetPath $fake } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be 'OciBackup.AspNetCoreRuntimeMissing,OciBackup.Cmdlets.StartOciEmulatorCommand'
        $failure.CategoryInfo.Category | Should -Be 'NotInstalled'
        "$failure" | Should -BeLike '*Microsoft.AspNetCore.App 8.0.0*'
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*ASP.NET Core Runtime 10.0*'
        (Get-ChildDotnet).Count | Should -Be $before
    }

    It 'says so when there is no dotnet host' {
        $failure = { Start-OciEmulator -DotnetPath (Join-Path (New-ScratchFolder) 'no/dotnet') } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be 'OciBackup.DotnetHostNotFound,OciBackup.Cmdlets.StartOciEmulatorCommand'
        $failure.CategoryInfo.Category | Should -Be 'NotInstalled'
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*dotnet.microsoft.com*'
    }

    It 'reports an emulator that exits before it listens, with its own message' {
        $seed = Join-Path (New-ScratchFolder) 'broken.json'
        Set-Content -LiteralPath $seed -Value '{ "compartments": [ { "volumes": "not a list" } ] }'

        $failure = { Start-OciEmulator -SeedFile $seed } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be 'OciBackup.EmulatorStartFailed,OciBackup.Cmdlets.StartOciEmulatorCommand'
        "$failure" | Should -BeLike '*exited with code 1 before it listened*'
    }
}

Describe 'Stop-OciEmulator' {
    It 'stops the process, removes the throwaway folder and does nothing the second time' {
        $emu = Start-OciEmulator -ErrorAction Stop

        $emu | Stop-OciEmulator -ErrorAction Stop
        $emu | Stop-OciEmulator -ErrorAction Stop
        $null | Stop-OciEmulator -ErrorAction Stop

        Wait-ProcessGone $emu.ProcessId | Should -BeTrue
        Test-Path -LiteralPath $emu.ConfigFolder | Should -BeFalse
        $emu.HasExited | Should -BeTrue
        $failure = { Get-OciEmulatorState $emu -ErrorAction Stop } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -Be 'OciBackup.EmulatorNotRunning,OciBackup.Cmdlets.GetOciEmulatorStateCommand'
        $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
    }

    It 'leaves the emulator running with -WhatIf' {
        $emu = Start-OciEmulator -ErrorAction Stop
        try {
            $emu | Stop-OciEmulator -WhatIf

            Test-ProcessRunning $emu.ProcessId | Should -BeTrue
            Test-Path -LiteralPath $emu.ConfigFile | Should -BeTrue
            (Get-OciEmulatorState $emu).Requests | Should -Be 0
        }
        finally {
            $emu | Stop-OciEmulator
        }
    }
}

Describe 'Faults and counters' {
    BeforeAll {
        $emu = Start-OciEmulator -Volumes 20 -BackupSeconds 1 -ErrorAction Stop
    }

    AfterAll {
        $emu | Stop-OciEmulator
    }

    AfterEach {
        Set-OciEmulatorFault -Reset
    }

    It 'makes exactly one backup per volume through throttling and lost responses, by the counters' {
        Set-OciEmulatorFault -RateLimit 5 -DropShare 0.5

        $backups = @($emu.StandaloneVolumeIds | New-OciVolumeBackup -Session $emu.Session -ErrorAction Stop)

        $backups | Should -HaveCount 20
        $state = Get-OciEmulatorState
        foreach ($id in $emu.StandaloneVolumeIds) { $state.VolumeBackupsCreated[$id] | Should -Be 1 -Because "volume $id" }
        $state.VolumeBackups | Should -Be 20
        $state.FaultCounts.RateLimited | Should -BeGreaterThan 0
        $state.FaultCounts.DroppedResponse | Should -BeGreaterThan 0
        $state.RequestsByOperation.CreateVolumeBackup | Should -BeGreaterThan 20
    }

    It 'sets faults, reports them in force, and turns them all off with -Reset' {
        $set = Set-OciEmulatorFault -ServiceUnavailableShare 0.25 -LatencyMilliseconds 5 -PassThru
        $inForce = (Get-OciEmulatorState).Faults
        $reset = Set-OciEmulatorFault -Reset -RateLimit 7 -PassThru

        $set.ServiceUnavailableShare | Should -Be 0.25
        $set.LatencyMilliseconds | Should -Be 5
        $inForce.ServiceUnavailableShare | Should -Be 0.25
        @($set.Keys)[0] | Should -Be 'RateLimit'
        $reset.RateLimit | Should -Be 7
        $reset.ServiceUnavailableShare | Should -Be 0
        $reset.LatencyMilliseconds | Should -Be 0
    }

    It 'makes every new backup FAULTY with -FaultyShare 1' {
        Set-OciEmulatorFault -FaultyShare 1

        $output = @(New-OciVolumeBackup -Session $emu.Session -VolumeId $emu.VolumeIds[-1] -Wait -Timeout 30 -ErrorVariable failures -ErrorAction SilentlyContinue)

        $output | Should -HaveCount 0
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.BackupFaulty,*'
        (Get-OciEmulatorState).FaultCounts.FaultyBackup | Should -Be 1
    }

    It 'changes nothing with -WhatIf' {
        Set-OciEmulatorFault -RateLimit 1 -WhatIf

        (Get-OciEmulatorState).Faults.RateLimit | Should -Be 0
    }

    It 'reaches an emulator by its URL' {
        Set-OciEmulatorFault -Url $emu.Url -SlowShare 0.5

        (Get-OciEmulatorState -Url $emu.Url).Faults.SlowShare | Should -Be 0.5
        (Get-OciEmulatorState -Url $emu.Url).Url | Should -Be $emu.Url
    }

    It 'refuses <Case>' -ForEach @(
        @{ Case = 'a URL that is not a loopback http address'; Command = { Get-OciEmulatorState -Url 'https://example.com' }; ErrorId = 'OciBackup.InvalidEmulatorUrl,OciBackup.Cmdlets.GetOciEmulatorStateCommand' }
        @{ Case = 'a call with nothing to set'; Command = { Set-OciEmulatorFault }; ErrorId = 'OciBackup.NoEmulatorFault,OciBackup.Cmdlets.SetOciEmulatorFaultCommand' }
        @{ Case = '500 and 503 shares above 1 together'; Command = { Set-OciEmulatorFault -InternalServerErrorShare 0.6 -ServiceUnavailableShare 0.6 }; ErrorId = 'OciBackup.InvalidEmulatorFault,OciBackup.Cmdlets.SetOciEmulatorFaultCommand' }
    ) {
        $before = (Get-OciEmulatorState).AdminRequests

        $failure = $Command | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be $ErrorId
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        (Get-OciEmulatorState).AdminRequests | Should -Be ($before + 1)
    }

    It 'passes on what the emulator refuses, changing nothing' {
        Set-OciEmulatorFault -InternalServerErrorShare 0.8

        Set-OciEmulatorFault -ServiceUnavailableShare 0.5 -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'OciBackup.EmulatorRequestRefused,OciBackup.Cmdlets.SetOciEmulatorFaultCommand'
        (Get-OciEmulatorState).Faults.ServiceUnavailableShare | Should -Be 0
    }

    It 'completes -Url with the emulators this session started' {
        $line = 'Set-OciEmulatorFault -Url '

        $completed = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText)

        $completed | Should -Be @($emu.Url)
    }

    It 'asks which emulator is meant when this session runs several' {
        $second = Start-OciEmulator -ErrorAction Stop
        try {
            { Get-OciEmulatorState -ErrorAction Stop } | Should -Throw -ErrorId 'OciBackup.EmulatorAmbiguous,OciBackup.Cmdlets.GetOciEmulatorStateCommand'
            (Get-OciEmulatorState $second).Url | Should -Be $second.Url
        }
        finally {
            $second | Stop-OciEmulator
        }

        (Get-OciEmulatorState).Url | Should -Be $emu.Url
    }
}

Describe 'An emulator never outlives the PowerShell that started it' {
    It 'stops cleanly and removes its folder when that PowerShell exits' {
        $child = Start-ChildPwsh '$e = Start-OciEmulator -ErrorAction Stop; "$($e.ProcessId)|$($e.ConfigFolder)"; exit 0'
        try {
            $errors = $child.StandardError.ReadToEndAsync()
            $line = $child.StandardOutput.ReadLineAsync()
            $line.Wait(120000) | Should -BeTrue -Because "the child pwsh prints its emulator ($(if ($errors.IsCompleted) { $errors.Result }))"
            $child.WaitForExit(60000) | Should -BeTrue
            $emulatorId, $folder = $line.Result.Split('|')

            Wait-ProcessGone ([int] $emulatorId) -Seconds 5 | Should -BeTrue
            Test-Path -LiteralPath $folder | Should -BeFalse
        }
        finally {
            if (-not $child.HasExited) { $child.Kill() }
        }
    }

    It 'stops by itself shortly after that PowerShell is killed' {
        $child = Start-ChildPwsh '$e = Start-OciEmulator -ErrorAction Stop; "$($e.ProcessId)|$($e.ConfigFolder)"; Start-Sleep -Seconds 300'
        try {
            $errors = $child.StandardError.ReadToEndAsync()
            $line = $child.StandardOutput.ReadLineAsync()
            $line.Wait(120000) | Should -BeTrue -Because "the child pwsh prints its emulator ($(if ($errors.IsCompleted) { $errors.Result }))"
            $emulatorId, $folder = $line.Result.Split('|')
            Test-ProcessRunning ([int] $emulatorId) | Should -BeTrue

            $child.Kill()

            Wait-ProcessGone ([int] $emulatorId) -Seconds 15 | Should -BeTrue
            Test-Path -LiteralPath (Join-Path $folder 'key.pem') | Should -BeFalse
        }
        finally {
            if (-not $child.HasExited) { $child.Kill() }
            if ($emulatorId -and (Test-ProcessRunning ([int] $emulatorId))) { Stop-Process -Id ([int] $emulatorId) -Force }
        }
    }
}
