#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Every way New-OciSession signs in, end to end against an emulator that Start-OciEmulator starts with the identity
# side too (an instance's metadata service and federation endpoint, an OCI Function's files, Cloud Shell, a session
# token). Run after a build (dotnet build OciBackup.sln -c Release) with: Invoke-Pester ./tests/pester

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')

    $emu = Start-OciEmulator -Compartment signin -Volumes 500 -VolumeGroups 0 -BackupSeconds 1 `
        -InstancePrincipal -ResourcePrincipal -CloudShell -SessionToken -ErrorAction Stop
    $emulatorUrl = $emu.Url
    $compartmentId = $emu.Compartments['signin']
    $volumeIds = @($emu.VolumeIds)
    if ($volumeIds.Count -ne 500) { throw "Expected 500 volumes, found $($volumeIds.Count)." }
    # The throwaway API key's principal, for the sign-ins that take an API key without the generated config.
    $apiKey = [pscustomobject]@{
        TenancyId   = $emu.Session.TenancyId
        UserId      = $emu.Session.UserId
        Fingerprint = $emu.Session.Fingerprint
        Pem         = Get-Content -Raw -LiteralPath (Join-Path $emu.ConfigFolder 'key.pem')
    }

    function Get-Identity { Invoke-RestMethod -Uri "$($emu.AdminUrl)/identity" -NoProxy }

    function Set-Identity {
        param([hashtable] $Setting)
        Invoke-RestMethod -Method Put -Uri "$($emu.AdminUrl)/identity" -Body ($Setting | ConvertTo-Json) -ContentType application/json -NoProxy | Out-Null
    }

    function Update-SessionToken { Invoke-RestMethod -Method Post -Uri "$($emu.AdminUrl)/identity/refresh-session-token" -NoProxy | Out-Null }

    # The variables an OCI instance, a Function or Cloud Shell would have, pointing at the emulator.
    function Use-Variables {
        param([hashtable] $Variables)
        foreach ($variable in $Variables.GetEnumerator()) { Set-Item -Path "env:$($variable.Key)" -Value $variable.Value }
    }

    function Get-MetadataText {
        param([string] $Path)
        Invoke-RestMethod -Uri ($emu.MetadataBaseUrl + $Path) -Headers @{ Authorization = 'Bearer Oracle' } -NoProxy
    }

    # Nothing secret in text: no PEM body line, no JWT, no pass phrase.
    function Assert-NoSecret {
        param([string] $Text, [string[]] $Secrets)
        $Text | Should -Not -Match 'eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}' -Because 'no token may be shown'
        $Text | Should -Not -Match 'PRIVATE KEY'
        foreach ($secret in $Secrets | Where-Object { $_.Length -ge 8 }) {
            $Text.Contains($secret) | Should -BeFalse -Because "a secret of $($secret.Length) characters may not be shown"
        }
    }

    function Get-KeyLine {
        param([string] $Pem)
        @($Pem -split "`n" | ForEach-Object Trim | Where-Object { $_.Length -gt 20 -and -not $_.StartsWith('-----') })
    }
}

AfterAll {
    if ($emu) { $emu | Stop-OciEmulator }
    Remove-Module OciBackup -ErrorAction SilentlyContinue
}

Describe 'Signing in' {
    # Each test sets the OCI_* variables of the place it plays; they are put back after it.
    BeforeEach {
        $savedVariables = @{}
        Get-ChildItem env: | Where-Object Name -Like 'OCI_*' | ForEach-Object { $savedVariables[$_.Name] = $_.Value }
    }

    AfterEach {
        Get-ChildItem env: | Where-Object Name -Like 'OCI_*' | ForEach-Object { Remove-Item -Path "env:$($_.Name)" }
        foreach ($name in $savedVariables.Keys) { Set-Item -Path "env:$name" -Value $savedVariables[$name] }
    }

    Context 'Each way' {
        It 'signs in as the instance with -AuthType InstancePrincipal' {
            Use-Variables $emu.InstancePrincipalVariables
            $session = New-OciSession -AuthType InstancePrincipal -Endpoint $emulatorUrl -ErrorAction Stop

            $session.Auth | Should -Be 'InstancePrincipal'
            $session.TenancyId | Should -Be (Get-Identity).tenancyId
            @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session).Count | Should -BeGreaterThan 0
        }

        It 'signs in as a Function with -AuthType ResourcePrincipal' {
            Use-Variables $emu.ResourcePrincipalVariables
            $session = New-OciSession -AuthType ResourcePrincipal -Endpoint $emulatorUrl -ErrorAction Stop

            $session.Auth | Should -Be 'ResourcePrincipal'
            $session.Region | Should -Be 'us-ashburn-1'
            @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session).Count | Should -BeGreaterThan 0
        }

        It 'signs in as in Cloud Shell with no parameters, sending the delegation token' {
            Use-Variables $emu.CloudShellVariables
            $delegated = (Get-Identity).statistics.delegatedRequests
            $session = New-OciSession -Endpoint $emulatorUrl -ErrorAction Stop
            Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session | Out-Null

            $session.Auth | Should -Be 'DelegationToken'
            (Get-Identity).statistics.delegatedRequests | Should -Be ($delegated + 1)
        }

        It 'reads a session token again after it is refreshed' {
            $session = New-OciSession -ConfigFile $emu.SessionTokenConfigFile -Endpoint $emulatorUrl -ErrorAction Stop
            Update-SessionToken

            $session.Auth | Should -Be 'SessionToken'
            @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session).Count | Should -BeGreaterThan 0
        }

        It 'signs with an API key given as text, with no config file' {
            $session = New-OciSession -TenancyId $apiKey.TenancyId -UserId $apiKey.UserId -Fingerprint $apiKey.Fingerprint `
                -PrivateKey $apiKey.Pem -Region us-ashburn-1 -Endpoint $emulatorUrl -ErrorAction Stop

            $session.ConfigFile | Should -BeNullOrEmpty
            @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session).Count | Should -BeGreaterThan 0
        }

        It 'signs with the OCI CLI''s variables and reads no config file' {
            $env:OCI_CLI_USER = $apiKey.UserId
            $env:OCI_CLI_TENANCY = $apiKey.TenancyId
            $env:OCI_CLI_FINGERPRINT = $apiKey.Fingerprint
            $env:OCI_CLI_KEY_CONTENT = $apiKey.Pem
            $env:OCI_CLI_REGION = 'us-ashburn-1'
            $env:OCI_CONFIG_FILE = '/nonexistent/oci/config'

            $session = New-OciSession -Endpoint $emulatorUrl -ErrorAction Stop

            $session.UserId | Should -Be $apiKey.UserId
            $session.ConfigFile | Should -BeNullOrEmpty
        }

        It 'backs up 500 volumes while instance principal tokens expire midway: no item fails, renewals are bounded' {
            Use-Variables $emu.InstancePrincipalVariables
            $before = Get-Identity
            $state = Get-OciEmulatorState $emu
            Set-Identity @{ tokenLifetimeSeconds = 2 }
            Set-OciEmulatorFault $emu -LatencyMilliseconds 300
            try {
                $clock = [System.Diagnostics.Stopwatch]::StartNew()
                $session = New-OciSession -AuthType InstancePrincipal -Endpoint $emulatorUrl -ErrorAction Stop
                $backups = @($volumeIds | New-OciVolumeBackup -Session $session -ThrottleLimit 32 -ErrorVariable failures -ErrorAction SilentlyContinue)
                $elapsed = $clock.Elapsed.TotalSeconds
            }
            finally {
                Set-OciEmulatorFault $emu -Reset
                Set-Identity @{ tokenLifetimeSeconds = 1200 }
            }

            $after = Get-Identity
            $issued = $after.statistics.tokensIssued - $before.statistics.tokensIssued
            $failures | Should -HaveCount 0
            $backups | Should -HaveCount 500
            ((Get-OciEmulatorState $emu).VolumeBackups - $state.VolumeBackups) | Should -Be 500
            $elapsed | Should -BeGreaterThan 4 -Because 'the run outlives at least two tokens'
            $issued | Should -BeGreaterOrEqual 2 -Because 'tokens expired during the run and were renewed'
            $issued | Should -BeLessOrEqual ([math]::Ceiling($elapsed) + 2) -Because 'renewals are never less than a second apart'
        }
    }

    Context 'Start-OciEmulator''s identity side' {
        It 'shows the metadata service, federation endpoint and session-token profile of an emulator that plays them' {
            $shown = $emu | Format-List | Out-String

            $shown | Should -Match "MetadataBaseUrl +: $([regex]::Escape($emu.MetadataBaseUrl))"
            $shown | Should -Match "FederationEndpoint +: $([regex]::Escape($emu.FederationEndpoint))"
            $shown | Should -Match "SessionTokenConfigFile +: $([regex]::Escape($emu.SessionTokenConfigFile))"
            $emu.InstancePrincipalVariables['OCI_METADATA_BASE_URL'] | Should -Be $emu.MetadataBaseUrl
            $emu.CloudShellVariables['OCI_CLI_AUTH'] | Should -Be 'instance_obo_user'
        }

        It 'plays only the sign-ins asked for, keeps their files in its folder, issues tokens of -TokenLifetimeSeconds and removes them as it stops' {
            $fnEmulator = Start-OciEmulator -ResourcePrincipal -TokenLifetimeSeconds 90 -Volumes 1 -VolumeGroups 0 -ErrorAction Stop
            try {
                $fnEmulator.MetadataBaseUrl | Should -BeNullOrEmpty
                $fnEmulator.InstancePrincipalVariables | Should -BeNullOrEmpty
                $fnEmulator.CloudShellVariables | Should -BeNullOrEmpty
                $fnEmulator.SessionTokenConfigFile | Should -BeNullOrEmpty
                $fnEmulator | Format-List | Out-String | Should -Not -Match 'MetadataBaseUrl|FederationEndpoint|SessionTokenConfigFile'
                $fnEmulator.ResourcePrincipalVariables['OCI_RESOURCE_PRINCIPAL_VERSION'] | Should -Be '2.2'
                foreach ($name in 'OCI_RESOURCE_PRINCIPAL_RPST', 'OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM') {
                    $fnEmulator.ResourcePrincipalVariables[$name] | Should -BeLike (Join-Path $fnEmulator.ConfigFolder '*')
                    Test-Path -LiteralPath $fnEmulator.ResourcePrincipalVariables[$name] -PathType Leaf | Should -BeTrue
                }

                (Invoke-RestMethod -Uri "$($fnEmulator.AdminUrl)/identity" -NoProxy).tokenLifetimeSeconds | Should -Be 90
                Use-Variables $fnEmulator.ResourcePrincipalVariables
                $session = New-OciSession -AuthType ResourcePrincipal -Endpoint $fnEmulator.Url -ErrorAction Stop
                (Invoke-OciRestMethod "/20160918/volumes/$($fnEmulator.VolumeIds[0])" -Session $session -ErrorAction Stop).id | Should -Be $fnEmulator.VolumeIds[0]
            }
            finally {
                $fnEmulator | Stop-OciEmulator
            }

            Test-Path -LiteralPath $fnEmulator.ConfigFolder | Should -BeFalse
        }
    }

    Context 'What a sign-in never shows' {
        It 'shows no <Kind> credential in output, -Verbose, -Debug, errors or the session''s views' -ForEach @(
            @{ Kind = 'ApiKeyFromVariables' }, @{ Kind = 'SessionToken' }, @{ Kind = 'InstancePrincipal' }
            @{ Kind = 'ResourcePrincipal' }, @{ Kind = 'DelegationToken' }
        ) {
            $secrets = [System.Collections.Generic.List[string]]::new()
            $arguments = @{ Endpoint = $emulatorUrl }
            switch ($Kind) {
                'ApiKeyFromVariables' {
                    # The emulator's throwaway key, encrypted: its pass phrase is a secret too.
                    $rsa = [System.Security.Cryptography.RSA]::Create()
                    $rsa.ImportFromPem($apiKey.Pem)
                    $encrypted = $rsa.ExportEncryptedPkcs8PrivateKeyPem('correct horse', [System.Security.Cryptography.PbeParameters]::new(
                            [System.Security.Cryptography.PbeEncryptionAlgorithm]::Aes256Cbc, [System.Security.Cryptography.HashAlgorithmName]::SHA256, 10000))
                    $rsa.Dispose()
                    $env:OCI_CLI_USER = $apiKey.UserId
                    $env:OCI_CLI_TENANCY = $apiKey.TenancyId
                    $env:OCI_CLI_FINGERPRINT = $apiKey.Fingerprint
                    $env:OCI_CLI_KEY_CONTENT = $encrypted
                    $env:OCI_CLI_PASSPHRASE = 'correct horse'
                    $env:OCI_CLI_REGION = 'us-ashburn-1'
                    $secrets.AddRange([string[]] (Get-KeyLine $encrypted))
                    $secrets.Add('correct horse')
                }
                'SessionToken' {
                    $arguments.ConfigFile = $emu.SessionTokenConfigFile
                    $secrets.Add((Get-Content -Raw (Join-Path (Split-Path $emu.SessionTokenConfigFile) 'token')).Trim())
                    $secrets.AddRange([string[]] (Get-KeyLine (Get-Content -Raw (Join-Path (Split-Path $emu.SessionTokenConfigFile) 'session_key.pem'))))
                }
                'InstancePrincipal' {
                    Use-Variables $emu.InstancePrincipalVariables
                    $arguments.AuthType = 'InstancePrincipal'
                    $secrets.AddRange([string[]] (Get-KeyLine (Get-MetadataText 'identity/key.pem')))
                }
                'ResourcePrincipal' {
                    $rp = $emu.ResourcePrincipalVariables
                    $env:OCI_RESOURCE_PRINCIPAL_VERSION = '2.2'
                    $env:OCI_RESOURCE_PRINCIPAL_REGION = 'us-ashburn-1'
                    $env:OCI_RESOURCE_PRINCIPAL_RPST = Get-Content -Raw $rp.OCI_RESOURCE_PRINCIPAL_RPST
                    $env:OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM = Get-Content -Raw $rp.OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM
                    $arguments.AuthType = 'ResourcePrincipal'
                    $secrets.Add($env:OCI_RESOURCE_PRINCIPAL_RPST.Trim())
                    $secrets.AddRange([string[]] (Get-KeyLine $env:OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM))
                }
                'DelegationToken' {
                    Use-Variables $emu.CloudShellVariables
                    $secrets.Add((Get-Content -Raw $env:OCI_CLI_DELEGATION_TOKEN_FILE).Trim())
                    $secrets.AddRange([string[]] (Get-KeyLine (Get-MetadataText 'identity/key.pem')))
                }
            }

            $shown = & {
                $session = New-OciSession @arguments -Verbose -Debug -ErrorAction Stop
                $session | Format-List * | Out-String
                $session | Format-Table | Out-String
                $session | ConvertTo-Json -Depth 3
                "$session"
                Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session -Verbose -Debug | Select-Object -First 1
                Invoke-OciRestMethod /20160918/volumes/ocid1.volume.oc1..missing -Session $session -Verbose -Debug -ErrorAction Continue
            } *>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); $_.Exception.ToString(); $_.ErrorDetails.Message } else { "$_" } }
            $text = $shown -join "`n"

            $text | Should -Match 'HTTP 404' -Because 'the -Debug trace and the error were captured'
            $secrets.Count | Should -BeGreaterThan 2
            Assert-NoSecret -Text $text -Secrets $secrets
        }
    }

    Context 'Sign-in problems' {
        It 'fails with <ErrorId> when <Case>' -ForEach @(
            @{ Case = '-AuthType names no kind'; Arguments = @{ AuthType = 'Kerberos' }; ErrorId = 'OciBackup.AuthTypeInvalid'; Category = 'InvalidArgument' }
            @{ Case = 'resource principal variables are missing'; Arguments = @{ AuthType = 'ResourcePrincipal' }; ErrorId = 'OciBackup.MissingSetting'; Category = 'NotSpecified' }
            @{ Case = 'there is no metadata service'; Arguments = @{ AuthType = 'InstancePrincipal' }; Metadata = 'http://127.0.0.1:9/opc/v2/'; ErrorId = 'OciBackup.InstanceMetadataUnavailable'; Category = 'ConnectionError' }
            @{ Case = 'the federation endpoint is plain http to a remote host'; Arguments = @{ AuthType = 'InstancePrincipal'; FederationEndpoint = 'http://auth.example.com' }; ErrorId = 'OciBackup.EndpointInvalid'; Category = 'InvalidArgument' }
            @{ Case = 'the fingerprint is not the key''s'; Arguments = @{ TenancyId = 'ocid1.tenancy.oc1..t'; UserId = 'ocid1.user.oc1..u'; Fingerprint = '00:11'; KeyFile = (Join-Path $PSScriptRoot '../vectors/keys/test-rsa2048-pkcs1.pem'); Region = 'iad' }; ErrorId = 'OciBackup.FingerprintMismatch'; Category = 'AuthenticationError' }
        ) {
            if ($Metadata) { $env:OCI_METADATA_BASE_URL = $Metadata }
            $err = { New-OciSession @Arguments -ErrorAction Stop } | Should -Throw -PassThru
            $err.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
            $err.CategoryInfo.Category | Should -Be $Category
            $err.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        }

        It 'refuses an expired session token before sending anything, naming oci session refresh' {
            $config = $emu.SessionTokenConfigFile
            $tokenFile = Join-Path (Split-Path $config) 'token'
            $session = New-OciSession -ConfigFile $config -Endpoint $emulatorUrl -ErrorAction Stop
            $claims = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('{"exp":' + [DateTimeOffset]::UtcNow.AddMinutes(-1).ToUnixTimeSeconds() + '}')).TrimEnd('=').Replace('+', '-').Replace('/', '_')
            Set-Content -LiteralPath $tokenFile -Value "eyJhbGciOiJSUzI1NiJ9.$claims.c2ln" -NoNewline
            try {
                $requests = (Get-OciEmulatorState $emu).Requests
                $outcome = @($volumeIds[0..1] | New-OciVolumeBackup -Session $session -ErrorVariable failures -ErrorAction SilentlyContinue)

                $outcome | Should -HaveCount 0
                $failures | Should -HaveCount 2
                $failures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.SessionTokenExpired,*'
                $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*oci session refresh*'
                (Get-OciEmulatorState $emu).Requests | Should -Be $requests
                { New-OciSession -ConfigFile $config -ErrorAction Stop } | Should -Throw -ErrorId 'OciBackup.SessionTokenExpired,*'
            }
            finally {
                Update-SessionToken
            }
        }

        It 'does not mix the parameters of different sign-ins' {
            { New-OciSession -FederationEndpoint https://auth.example.com -Profile P -ErrorAction Stop } | Should -Throw -ErrorId 'MissingMandatoryParameter,*'
            { New-OciSession -PrivateKey x -KeyFile y -TenancyId t -UserId u -Fingerprint f -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet,*'
        }

        It 'completes -AuthType with each kind' {
            $line = 'New-OciSession -AuthType '
            $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            @($completions.CompletionText) | Should -Be @('ApiKey', 'SessionToken', 'InstancePrincipal', 'ResourcePrincipal', 'DelegationToken')
            ($completions | Where-Object CompletionText -EQ 'DelegationToken').ToolTip | Should -BeLike '*Cloud Shell*'
        }
    }
}
