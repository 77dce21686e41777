#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Run after a build (dotnet build OciBackup.sln -c Release) with: Invoke-Pester ./tests/pester

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
}

AfterAll {
    Remove-Module OciBackup -ErrorAction SilentlyContinue
    Remove-ScratchFolder
}

Describe 'The OciBackup module' {
    BeforeAll {
        $manifest = Import-PowerShellDataFile $manifestPath
        $moduleFolder = Split-Path $manifestPath
    }

    It 'passes Test-ModuleManifest with its version and cmdlets' {
        $tested = Test-ModuleManifest -Path $manifestPath -ErrorAction Stop
        $tested.Name | Should -Be 'OciBackup'
        $tested.Version | Should -Be ([version] $manifest.ModuleVersion)
        @($tested.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
    }

    It 'exports exactly the cmdlets its manifest lists, by name' {
        $manifest.CmdletsToExport | Should -Not -BeNullOrEmpty
        $manifest.CmdletsToExport | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty
        @((Get-Module OciBackup).ExportedCmdlets.Keys | Sort-Object) | Should -Be @($manifest.CmdletsToExport | Sort-Object)
        $manifest.RootModule | Should -Be 'OciBackup.dll'
    }

    It 'targets both editions and Windows PowerShell 5.1' {
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
    }

    It 'loads its types and formats and carries the Gallery metadata' {
        $manifest.TypesToProcess | Should -Be @('OciBackup.Types.ps1xml')
        $manifest.FormatsToProcess | Should -Be @('OciBackup.Format.ps1xml')
        $psData = $manifest.PrivateData.PSData
        $psData.Tags | Should -Contain 'PSEdition_Core'
        $psData.Tags | Should -Contain 'PSEdition_Desktop'
        $psData.ProjectUri | Should -BeLike 'https://*'
        $psData.LicenseUri | Should -BeLike '*/LICENSE'
        $psData.ReleaseNotes | Should -Not -BeNullOrEmpty
        Join-Path $repo 'LICENSE' | Should -Exist -Because 'the LicenseUri points at a LICENSE file at the repository root'
    }

    It 'ships <File> in the module folder' -ForEach @(
        @{ File = 'OciBackup.psd1' }, @{ File = 'OciBackup.dll' }, @{ File = 'OciBackup.Isolation.dll' }
        @{ File = 'OciBackup.Format.ps1xml' }, @{ File = 'OciBackup.Types.ps1xml' }
        @{ File = 'dependencies/OciBackup.Engine.dll' }, @{ File = 'dependencies/BouncyCastle.Cryptography.dll' }
        @{ File = 'dependencies/System.Text.Json.dll' }, @{ File = 'en-US/about_OciBackup.help.txt' }
    ) {
        Join-Path $moduleFolder $File | Should -Exist
    }

    It 'keeps <File> out of the module root, where it would load into PowerShell''s shared context' -ForEach @(
        @{ File = 'BouncyCastle.Cryptography.dll' }, @{ File = 'OciBackup.Engine.dll' }, @{ File = 'System.Text.Json.dll' }
        @{ File = 'System.Management.Automation.dll' }
    ) {
        Join-Path $moduleFolder $File | Should -Not -Exist
    }

    It 'adds the Auth alias of the OCI CLI to a session' {
        (New-OciSession -ConfigFile (New-TestConfig)).Auth | Should -Be 'ApiKey'
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
        $session.TenancyId | Should -Be 'ocid1.tenancy.oc1..aaaaaaaa5nfwo53cezleyy6t73v6rn6knhu3molvptnl3kcq34l5zb7ptz2q'
        $session.UserId | Should -Be 'ocid1.user.oc1..aaaaaaaaflhvp4ewyhnvq4obbfcqyzgf7w7xy5ohcqn7fjzzq6tdbxtoqu2q'
        $shown = ($session | Format-List | Out-String) + ($session | Format-Table | Out-String) + "$session"
        $shown | Should -Match 'us-phoenix-1'
        $shown | Should -Not -Match 'PRIVATE KEY'
        $shown | Should -Not -Match 'MII[A-Za-z0-9+/]{20}'
    }

    It 'takes a named profile, positionally, with an endpoint override' {
        $session = New-OciSession OTHER -ConfigFile (New-TestConfig) -Endpoint 'http://127.0.0.1:9999'
        $session.Profile | Should -Be 'OTHER'
        $session.Region | Should -Be 'eu-frankfurt-1'
        $session.Endpoint | Should -Be ([uri]'http://127.0.0.1:9999')
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

    It 'takes a hashtable of region = endpoint, starting from the session''s own region' {
        $session = New-OciSession -ConfigFile (New-TestConfig) -Endpoint @{ 'us-phoenix-1' = 'http://127.0.0.1:9998'; iad = 'http://127.0.0.1:9999' }
        $session.Region | Should -Be 'us-phoenix-1'
        $session.Endpoint | Should -Be ([uri]'http://127.0.0.1:9998')
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
        @{ Case = 'the endpoint map lacks the session''s region'; Arguments = @{ Endpoint = @{ 'us-ashburn-1' = 'http://127.0.0.1:9999' } }; ErrorId = 'OciBackup.EndpointInvalid'; Category = 'InvalidArgument' }
        @{ Case = 'an endpoint of the map is not a URL'; Arguments = @{ Endpoint = @{ 'us-phoenix-1' = 42 } }; ErrorId = 'OciBackup.EndpointInvalid'; Category = 'InvalidArgument' }
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

Describe 'Tab completion' {
    BeforeAll {
        function Get-Completion {
            param([string] $BeforeCursor, [string] $AfterCursor = '')
            @((TabExpansion2 -inputScript ($BeforeCursor + $AfterCursor) -cursorColumn $BeforeCursor.Length).CompletionMatches.CompletionText)
        }
    }

    It 'completes -Profile from the -ConfigFile typed on the line' {
        $config = New-TestConfig
        Get-Completion "New-OciSession -ConfigFile '$config' -Profile " | Should -Be @('DEFAULT', 'OTHER')
        Get-Completion "New-OciSession -ConfigFile '$config' -Profile ot" | Should -Be @('OTHER')
    }

    It 'completes -Profile when -ConfigFile comes later on the line' {
        $config = New-TestConfig
        Get-Completion 'New-OciSession -Profile OT' " -ConfigFile '$config'" | Should -Be @('OTHER')
    }

    It 'reads a relative -ConfigFile from the current location' {
        $config = New-TestConfig
        Push-Location (Split-Path $config)
        try {
            Get-Completion 'New-OciSession -ConfigFile ./config -Profile ' | Should -Be @('DEFAULT', 'OTHER')
        }
        finally {
            Pop-Location
        }
    }

    It 'quotes profile names with spaces' {
        $config = New-TestConfig -Extra "[my test]`nregion=us-ashburn-1"
        Get-Completion "New-OciSession -ConfigFile '$config' -Profile my" | Should -Be @("'my test'")
    }

    It 'completes no profile, and writes no error, for a missing config file' {
        $Error.Clear()
        $found = Get-Completion 'New-OciSession -ConfigFile /nonexistent/oci/config -Profile '
        $found | Should -Not -Contain 'DEFAULT'
        $Error | Should -HaveCount 0
    }

    It 'completes -Region with region ids first, then short codes' {
        $frankfurt = Get-Completion 'New-OciSession -Region eu-fr'
        $frankfurt | Should -Contain 'eu-frankfurt-1'
        $frankfurt | ForEach-Object { $_ | Should -BeLike 'eu-fr*' }
        Get-Completion 'New-OciSession -Region fr' | Should -Contain 'fra'
        $all = Get-Completion 'New-OciSession -Region '
        $all | Should -Contain 'us-ashburn-1'
        $all | Should -Contain 'iad'
        [array]::IndexOf($all, 'us-ashburn-1') | Should -BeLessThan ([array]::IndexOf($all, 'iad'))
    }

    It 'completes -Type and -State on the backup cmdlets' {
        Get-Completion 'New-OciVolumeBackup -Type ' | Should -Be @('Full', 'Incremental')
        Get-Completion 'New-OciVolumeGroupBackup -Type f' | Should -Be @('Full')
        (Get-Completion 'Wait-OciBackup -State ')[0] | Should -Be 'AVAILABLE'
        Get-Completion 'Wait-OciBackup -State ' | Should -HaveCount 7
        Get-Completion 'Wait-OciBackup -State c' | Sort-Object | Should -Be @('COMMITTED', 'CREATING')
        Get-Completion 'Wait-OciBackup -State f' | Should -Be @('FAULTY')
    }

    It 'offers its completers to a user''s own functions' {
        function Test-OciCompletion {
            param(
                [ArgumentCompleter([OciBackup.Completion.BackupLifecycleStateCompleter])] [string] $State,
                [ArgumentCompleter([OciBackup.Completion.BackupTypeCompleter])] [string] $Type)
        }

        Get-Completion 'Test-OciCompletion -Type inc' | Should -Be @('Incremental')
        Get-Completion 'Test-OciCompletion -State f' | Should -Be @('FAULTY')
    }
}

Describe 'Dependency isolation' {
    It 'keeps the engine in its own load context on PowerShell 7' {
        $null = New-OciSession -ConfigFile (New-TestConfig)
        $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'OciBackup.Engine' }
        $engine | Should -HaveCount 1
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
