#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Run after a build (dotnet build OciBackup.sln -c Release) with: Invoke-Pester ./tests/pester

BeforeAll {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $manifestPath = Join-Path $repo 'out/OciBackup/OciBackup.psd1'
    if (-not (Test-Path $manifestPath)) { throw "Build first: $manifestPath is missing (dotnet build OciBackup.sln -c Release)." }
    Import-Module $manifestPath -Force -ErrorAction Stop
    $vectors = Join-Path $repo 'tests/vectors'
    $script:tempDirs = [System.Collections.Generic.List[string]]::new()

    function New-TestConfig {
        param([string] $KeyFile = 'test-rsa2048-pkcs1.pem', [string] $Extra = '')
        $dir = Join-Path ([System.IO.Path]::GetTempPath()) ("ocibackup-pester-" + [guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $dir | Out-Null
        $script:tempDirs.Add($dir)
        Copy-Item (Join-Path $vectors "keys/$KeyFile") (Join-Path $dir $KeyFile)
        $config = Join-Path $dir 'config'
        @"
[DEFAULT]
user=ocid1.user.oc1..aaaaaaaaflhvp4ewyhnvq4obbfcqyzgf7w7xy5ohcqn7fjzzq6tdbxtoqu2q
fingerprint=1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe
key_file=$(Join-Path $dir $KeyFile)
tenancy=ocid1.tenancy.oc1..aaaaaaaa5nfwo53cezleyy6t73v6rn6knhu3molvptnl3kcq34l5zb7ptz2q
region=us-phoenix-1
$Extra
"@ | Set-Content -Path $config -Encoding utf8NoBOM
        return $config
    }
}

AfterAll {
    Remove-Module OciBackup -ErrorAction SilentlyContinue
    foreach ($dir in $script:tempDirs) { Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'The OciBackup module' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $manifestPath -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports exactly the cmdlets its manifest lists' {
        $listed = (Import-PowerShellDataFile $manifestPath).CmdletsToExport | Sort-Object
        $exported = (Get-Module OciBackup).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be $listed
    }
}

Describe 'New-OciSession' {
    It 'builds a session from a config file without showing key material' {
        $config = New-TestConfig
        $session = New-OciSession -ConfigFile $config
        $session.Profile | Should -Be 'DEFAULT'
        $session.Region | Should -Be 'us-phoenix-1'
        $session.Endpoint | Should -Be ([uri]'https://iaas.us-phoenix-1.oraclecloud.com')
        $session.Fingerprint | Should -Be '1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe'
        ($session | Format-List | Out-String) | Should -Not -Match 'PRIVATE KEY'
    }

    It 'shows in Format-List * and Get-Member only what a user needs: no HTTP plumbing, no secret' {
        $config = New-TestConfig -KeyFile 'test-rsa2048-pkcs8-encrypted.pem' -Extra 'pass_phrase=correct horse'
        $keyLine = (Get-Content (Join-Path (Split-Path $config) 'test-rsa2048-pkcs8-encrypted.pem'))[1]
        $session = New-OciSession -ConfigFile $config
        $expected = 'Auth', 'AuthenticationKind', 'ConfigFile', 'Endpoint', 'Fingerprint', 'Profile', 'Region', 'TenancyId', 'UserId'

        (Get-Member -InputObject $session -MemberType Properties).Name | Sort-Object | Should -Be $expected
        (Get-Member -InputObject $session -MemberType Methods).Name | Sort-Object | Should -Be 'Dispose', 'Equals', 'GetHashCode', 'GetType', 'ToString'
        $session.PSObject.Properties['Http'] | Should -BeNullOrEmpty
        $session.PSObject.Properties['Blockstorage'] | Should -BeNullOrEmpty

        $list = $session | Format-List * | Out-String
        $shown = [regex]::Matches($list, '(?m)^(\w+)\s+:') | ForEach-Object { $_.Groups[1].Value } | Sort-Object
        $shown | Should -Be $expected
        $everything = $list + ($session | ConvertTo-Json -Depth 4) + ($session | Out-String) + $session.ToString()
        $keyLine.Length | Should -BeGreaterThan 40
        $everything | Should -Not -Match 'PRIVATE KEY'
        $everything.Contains($keyLine) | Should -BeFalse
        $everything | Should -Not -Match 'correct horse'
    }

    It 'takes a short region code and an emulator endpoint' {
        $config = New-TestConfig
        $session = New-OciSession -ConfigFile $config -Region fra -Endpoint 'http://127.0.0.1:9999'
        $session.Region | Should -Be 'eu-frankfurt-1'
        $session.Endpoint | Should -Be ([uri]'http://127.0.0.1:9999')
    }

    It 'opens an encrypted key with a SecureString pass phrase' {
        $config = New-TestConfig -KeyFile 'test-rsa2048-pkcs8-encrypted.pem'
        $pass = ConvertTo-SecureString 'correct horse' -AsPlainText -Force
        (New-OciSession -ConfigFile $config -PassPhrase $pass).Fingerprint | Should -Be '1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe'
    }

    It 'fails with <ErrorId> when <Case>' -ForEach @(
        @{ Case = 'the config file is missing'; Arguments = @{ ConfigFile = '/nonexistent/oci/config' }; ErrorId = 'OciBackup.ConfigFileNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'the profile is missing'; Arguments = @{ Profile = 'NOPE' }; ErrorId = 'OciBackup.ProfileNotFound'; Category = 'ObjectNotFound' }
        @{ Case = 'the region is not a region'; Arguments = @{ Region = 'not a region!' }; ErrorId = 'OciBackup.RegionInvalid'; Category = 'InvalidArgument' }
        @{ Case = 'the endpoint is plain http to a remote host'; Arguments = @{ Endpoint = 'http://example.com' }; ErrorId = 'OciBackup.EndpointInvalid'; Category = 'InvalidArgument' }
    ) {
        # Every case but the missing file runs against a valid config file.
        $splat = @{} + $Arguments
        if (-not $splat.ContainsKey('ConfigFile')) { $splat.ConfigFile = New-TestConfig }
        $err = { New-OciSession @splat -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $err.CategoryInfo.Category | Should -Be $Category
        $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'reports a missing pass phrase as an authentication error' {
        $config = New-TestConfig -KeyFile 'test-rsa2048-pkcs8-encrypted.pem'
        $err = { New-OciSession -ConfigFile $config -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'OciBackup.PassPhraseRequired,*'
        $err.CategoryInfo.Category | Should -Be 'AuthenticationError'
    }
}

Describe 'Help, completion and the package' {
    It 'shows compiled help for every exported cmdlet' {
        foreach ($name in (Get-Module OciBackup).ExportedCmdlets.Keys) {
            $help = Get-Help $name -Full
            $help.Synopsis | Should -Not -BeNullOrEmpty
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        }
    }

    It 'shows the about topic' {
        Get-Help about_OciBackup | Out-String | Should -Match 'LONG DESCRIPTION'
    }

    It 'completes profiles from the -ConfigFile on the line' {
        $config = New-TestConfig
        $line = "New-OciSession -ConfigFile '$config' -Profile "
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'DEFAULT'
    }

    It 'completes regions by id and short code' {
        $line = 'New-OciSession -Region fr'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'fra'
    }

    It 'keeps the engine in its own load context on PowerShell 7' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $null = New-OciSession -ConfigFile (New-TestConfig)
        $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OciBackup.Engine' }
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).Name | Should -Be 'OciBackup.Engine'
    }

    It 'lets the cmdlets in the default load context use the engine''s internal types in its own' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        # New-OciSession builds the session through internal engine types: InternalsVisibleTo holds across load contexts.
        $session = New-OciSession -ConfigFile (New-TestConfig)
        $engine = $session.GetType().Assembly
        $cmdlets = (Get-Command New-OciSession).ImplementingType.Assembly
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).Name | Should -Be 'OciBackup.Engine'
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($cmdlets) | Should -Be ([System.Runtime.Loader.AssemblyLoadContext]::Default)
        $engine.GetType('OciBackup.Engine.OciSessionOptions', $true).IsPublic | Should -BeFalse
        $engine.GetType('OciBackup.Engine.Http.OciHttpClient', $true).IsPublic | Should -BeFalse
        $session.Region | Should -Be 'us-phoenix-1'
    }
}
