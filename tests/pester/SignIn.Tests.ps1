#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Every way New-OciSession signs in, end to end against a freshly started emulator that plays the identity side too
# (an instance's metadata service and federation endpoint, an OCI Function's files, Cloud Shell, a session token).
# Run after a build (dotnet build OciBackup.sln -c Release) with: Invoke-Pester ./tests/pester

BeforeAll {
    $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $manifestPath = Join-Path $repo 'out/OciBackup/OciBackup.psd1'
    if (-not (Test-Path $manifestPath)) { throw "Build first: $manifestPath is missing (dotnet build OciBackup.sln -c Release)." }
    Import-Module $manifestPath -Force -ErrorAction Stop
    $vectors = Join-Path $repo 'tests/vectors'

    $emulatorDir = Join-Path ([System.IO.Path]::GetTempPath()) ('ocibackup-pester-signin-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $emulatorDir | Out-Null
    $emulatorStdout = Join-Path $emulatorDir 'emulator.stdout.log'
    $emulatorStderr = Join-Path $emulatorDir 'emulator.stderr.log'
    $emulatorOptions = @(
        '--port', '0', '--init-config', $emulatorDir, '--backup-seconds', '1', '--compartment', 'signin', '--volumes', '500',
        '--volume-groups', '0', '--trust-public-key', (Join-Path $vectors 'keys/test-rsa2048-public.pem'), '--instance-principal', '--init-resource-principal', (Join-Path $emulatorDir 'rp'),
        '--init-cloud-shell', (Join-Path $emulatorDir 'cloudshell'), '--init-session-token', (Join-Path $emulatorDir 'session'))
    $emulatorDll = Join-Path $repo 'src/OciBackup.Emulator/bin/Release/net10.0/OciBackup.Emulator.dll'
    if (Test-Path $emulatorDll) {
        $emulatorArguments = @($emulatorDll) + $emulatorOptions
        $startSeconds = 60
    }
    else {
        $emulatorArguments = @('run', '--project', (Join-Path $repo 'src/OciBackup.Emulator'), '-c', 'Release', '--') + $emulatorOptions
        $startSeconds = 300
    }

    $quoted = $emulatorArguments | ForEach-Object { '"' + $_ + '"' }
    $script:emulatorProcess = Start-Process -FilePath 'dotnet' -ArgumentList $quoted -PassThru -NoNewWindow `
        -RedirectStandardOutput $emulatorStdout -RedirectStandardError $emulatorStderr
    $listening = 'OCI emulator listening on '
    $deadline = [DateTime]::UtcNow.AddSeconds($startSeconds)
    $emulatorUrl = $null
    while (-not $emulatorUrl) {
        $line = Get-Content -LiteralPath $emulatorStdout -ErrorAction SilentlyContinue |
            Where-Object { $_.StartsWith($listening, [StringComparison]::Ordinal) } | Select-Object -First 1
        if ($line) { $emulatorUrl = $line.Substring($listening.Length).Trim(); break }
        if ($script:emulatorProcess.HasExited) { throw "The emulator exited before listening: $(Get-Content -Raw -LiteralPath $emulatorStderr -ErrorAction SilentlyContinue)" }
        if ([DateTime]::UtcNow -gt $deadline) { throw "The emulator did not start within $startSeconds s." }
        Start-Sleep -Milliseconds 200
    }

    $emulatorInfo = Get-Content -Raw -LiteralPath (Join-Path $emulatorDir 'emulator.json') | ConvertFrom-Json
    $compartmentId = ($emulatorInfo.compartments | Where-Object name -EQ 'signin').id
    $apiKeySession = New-OciSession -ConfigFile $emulatorInfo.configFile -Endpoint $emulatorUrl -ErrorAction Stop
    $volumeIds = @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId; limit = 1000 } -All -Session $apiKeySession | ForEach-Object id)
    if ($volumeIds.Count -ne 500) { throw "Expected 500 volumes, found $($volumeIds.Count)." }

    function Get-Identity { Invoke-RestMethod -Uri "$emulatorUrl/admin/identity" -NoProxy }

    function Set-Identity {
        param([hashtable] $Setting)
        Invoke-RestMethod -Method Put -Uri "$emulatorUrl/admin/identity" -Body ($Setting | ConvertTo-Json) -ContentType application/json -NoProxy | Out-Null
    }

    function Get-EmulatorState { Invoke-RestMethod -Uri "$emulatorUrl/admin/state" -NoProxy }

    # The variables an OCI instance, a Function or Cloud Shell would have, pointing at the emulator.
    function Use-InstanceVariables {
        $env:OCI_METADATA_BASE_URL = $emulatorInfo.metadataBaseUrl
        $env:OCI_CLI_FEDERATION_ENDPOINT = $emulatorInfo.federationEndpoint
    }

    function Use-Variables {
        param($Variables)
        foreach ($property in $Variables.PSObject.Properties) { Set-Item -Path "env:$($property.Name)" -Value $property.Value }
    }

    function Get-MetadataText {
        param([string] $Path)
        Invoke-RestMethod -Uri ($emulatorInfo.metadataBaseUrl + $Path) -Headers @{ Authorization = 'Bearer Oracle' } -NoProxy
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
    $processIds = [System.Collections.Generic.List[int]]::new()
    if ($script:emulatorProcess) { $processIds.Add($script:emulatorProcess.Id) }
    if ($emulatorInfo -and $emulatorInfo.processId -and -not $processIds.Contains([int] $emulatorInfo.processId)) {
        $processIds.Insert(0, [int] $emulatorInfo.processId)
    }

    foreach ($processId in $processIds) { Stop-Process -Id $processId -Force -ErrorAction SilentlyContinue }
    if ($script:emulatorProcess) { $null = $script:emulatorProcess.WaitForExit(10000) }
    Remove-Module OciBackup -ErrorAction SilentlyContinue
    if ($emulatorDir) { Remove-Item -LiteralPath $emulatorDir -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Signing in' {
    BeforeEach {
        $savedVariables = @{}
        Get-ChildItem env: | Where-Object Name -Like 'OCI_*' | ForEach-Object { $savedVariables[$_.Name] = $_.Value }
    }

    AfterEach {
        Get-ChildItem env: | Where-Object Name -Like 'OCI_*' | ForEach-Object { Remove-Item -Path "env:$($_.Name)" }
        foreach ($name in $savedVariables.Keys) { Set-Item -Path "env:$name" -Value $savedVariables[$name] }
    }

    It 'signs in as the instance with -AuthType InstancePrincipal' {
        Use-InstanceVariables
        $session = New-OciSession -AuthType InstancePrincipal -Endpoint $emulatorUrl -ErrorAction Stop

        $session.Auth | Should -Be 'InstancePrincipal'
        $session.TenancyId | Should -Be (Get-Identity).tenancyId
        @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session).Count | Should -BeGreaterThan 0
    }

    It 'signs in as a Function with -AuthType ResourcePrincipal' {
        Use-Variables (Get-Content -Raw (Join-Path $emulatorDir 'rp/environment.json') | ConvertFrom-Json)
        $session = New-OciSession -AuthType ResourcePrincipal -Endpoint $emulatorUrl -ErrorAction Stop

        $session.Auth | Should -Be 'ResourcePrincipal'
        $session.Region | Should -Be 'us-ashburn-1'
        @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session).Count | Should -BeGreaterThan 0
    }

    It 'signs in as in Cloud Shell with no parameters, sending the delegation token' {
        Use-Variables (Get-Content -Raw (Join-Path $emulatorDir 'cloudshell/environment.json') | ConvertFrom-Json)
        $delegated = (Get-Identity).statistics.delegatedRequests
        $session = New-OciSession -Endpoint $emulatorUrl -ErrorAction Stop
        Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session | Out-Null

        $session.Auth | Should -Be 'DelegationToken'
        (Get-Identity).statistics.delegatedRequests | Should -Be ($delegated + 1)
    }

    It 'reads a session token again after it is refreshed' {
        $session = New-OciSession -ConfigFile (Get-Identity).sessionTokenConfigFile -Endpoint $emulatorUrl -ErrorAction Stop
        Invoke-RestMethod -Method Post -Uri "$emulatorUrl/admin/identity/refresh-session-token" -NoProxy | Out-Null

        $session.Auth | Should -Be 'SessionToken'
        @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session).Count | Should -BeGreaterThan 0
    }

    It 'signs with an API key given as text, with no config file' {
        $pem = Get-Content -Raw $emulatorInfo.keyFile
        $session = New-OciSession -TenancyId $emulatorInfo.tenancyId -UserId $emulatorInfo.userId -Fingerprint $emulatorInfo.fingerprint `
            -PrivateKey $pem -Region us-ashburn-1 -Endpoint $emulatorUrl -ErrorAction Stop

        $session.ConfigFile | Should -BeNullOrEmpty
        @(Invoke-OciRestMethod /20160918/volumes -Query @{ compartmentId = $compartmentId } -Session $session).Count | Should -BeGreaterThan 0
    }

    It 'signs with the OCI CLI''s variables and reads no config file' {
        $env:OCI_CLI_USER = $emulatorInfo.userId
        $env:OCI_CLI_TENANCY = $emulatorInfo.tenancyId
        $env:OCI_CLI_FINGERPRINT = $emulatorInfo.fingerprint
        $env:OCI_CLI_KEY_CONTENT = Get-Content -Raw $emulatorInfo.keyFile
        $env:OCI_CLI_REGION = 'us-ashburn-1'
        $env:OCI_CONFIG_FILE = '/nonexistent/oci/config'

        $session = New-OciSession -Endpoint $emulatorUrl -ErrorAction Stop

        $session.UserId | Should -Be $emulatorInfo.userId
        $session.ConfigFile | Should -BeNullOrEmpty
    }

    It 'backs up 500 volumes while instance principal tokens expire midway: no item fails, renewals are bounded' {
        Use-InstanceVariables
        $before = Get-Identity
        $state = Get-EmulatorState
        Set-Identity @{ tokenLifetimeSeconds = 2 }
        Invoke-RestMethod -Method Put -Uri "$emulatorUrl/admin/faults" -Body '{"latencyMilliseconds": 300}' -ContentType application/json -NoProxy | Out-Null
        try {
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $session = New-OciSession -AuthType InstancePrincipal -Endpoint $emulatorUrl -ErrorAction Stop
            $backups = @($volumeIds | New-OciVolumeBackup -Session $session -ThrottleLimit 32 -ErrorVariable failures -ErrorAction SilentlyContinue)
            $elapsed = $clock.Elapsed.TotalSeconds
        }
        finally {
            Invoke-RestMethod -Method Delete -Uri "$emulatorUrl/admin/faults" -NoProxy | Out-Null
            Set-Identity @{ tokenLifetimeSeconds = 1200 }
        }

        $after = Get-Identity
        $issued = $after.statistics.tokensIssued - $before.statistics.tokensIssued
        $failures | Should -HaveCount 0
        $backups | Should -HaveCount 500
        ((Get-EmulatorState).volumeBackups - $state.volumeBackups) | Should -Be 500
        $elapsed | Should -BeGreaterThan 4 -Because 'the run outlives at least two tokens'
        $issued | Should -BeGreaterOrEqual 2 -Because 'tokens expired during the run and were renewed'
        $issued | Should -BeLessOrEqual ([math]::Ceiling($elapsed) + 2) -Because 'renewals are never less than a second apart'
    }
}

Describe 'What a sign-in never shows' {
    BeforeEach {
        $savedVariables = @{}
        Get-ChildItem env: | Where-Object Name -Like 'OCI_*' | ForEach-Object { $savedVariables[$_.Name] = $_.Value }
    }

    AfterEach {
        Get-ChildItem env: | Where-Object Name -Like 'OCI_*' | ForEach-Object { Remove-Item -Path "env:$($_.Name)" }
        foreach ($name in $savedVariables.Keys) { Set-Item -Path "env:$name" -Value $savedVariables[$name] }
    }

    It 'shows no <Kind> credential in output, -Verbose, -Debug, errors or the session''s views' -ForEach @(
        @{ Kind = 'ApiKeyFromVariables' }, @{ Kind = 'SessionToken' }, @{ Kind = 'InstancePrincipal' }
        @{ Kind = 'ResourcePrincipal' }, @{ Kind = 'DelegationToken' }
    ) {
        $secrets = [System.Collections.Generic.List[string]]::new()
        $arguments = @{ Endpoint = $emulatorUrl }
        switch ($Kind) {
            'ApiKeyFromVariables' {
                $encrypted = Get-Content -Raw (Join-Path $vectors 'keys/test-rsa2048-pkcs8-encrypted.pem')
                $env:OCI_CLI_USER = 'ocid1.user.oc1..aaaaaaaaflhvp4ewyhnvq4obbfcqyzgf7w7xy5ohcqn7fjzzq6tdbxtoqu2q'
                $env:OCI_CLI_TENANCY = 'ocid1.tenancy.oc1..aaaaaaaa5nfwo53cezleyy6t73v6rn6knhu3molvptnl3kcq34l5zb7ptz2q'
                $env:OCI_CLI_FINGERPRINT = '1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe'
                $env:OCI_CLI_KEY_CONTENT = $encrypted
                $env:OCI_CLI_PASSPHRASE = 'correct horse'
                $env:OCI_CLI_REGION = 'us-ashburn-1'
                $secrets.AddRange([string[]] (Get-KeyLine $encrypted))
                $secrets.Add('correct horse')
            }
            'SessionToken' {
                $arguments.ConfigFile = (Get-Identity).sessionTokenConfigFile
                $secrets.Add((Get-Content -Raw (Join-Path $emulatorDir 'session/token')).Trim())
                $secrets.AddRange([string[]] (Get-KeyLine (Get-Content -Raw (Join-Path $emulatorDir 'session/session_key.pem'))))
            }
            'InstancePrincipal' {
                Use-InstanceVariables
                $arguments.AuthType = 'InstancePrincipal'
                $secrets.AddRange([string[]] (Get-KeyLine (Get-MetadataText 'identity/key.pem')))
            }
            'ResourcePrincipal' {
                $rp = Get-Content -Raw (Join-Path $emulatorDir 'rp/environment.json') | ConvertFrom-Json
                $env:OCI_RESOURCE_PRINCIPAL_VERSION = '2.2'
                $env:OCI_RESOURCE_PRINCIPAL_REGION = 'us-ashburn-1'
                $env:OCI_RESOURCE_PRINCIPAL_RPST = Get-Content -Raw $rp.OCI_RESOURCE_PRINCIPAL_RPST
                $env:OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM = Get-Content -Raw $rp.OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM
                $arguments.AuthType = 'ResourcePrincipal'
                $secrets.Add($env:OCI_RESOURCE_PRINCIPAL_RPST.Trim())
                $secrets.AddRange([string[]] (Get-KeyLine $env:OCI_RESOURCE_PRINCIPAL_PRIVATE_PEM))
            }
            'DelegationToken' {
                Use-Variables (Get-Content -Raw (Join-Path $emulatorDir 'cloudshell/environment.json') | ConvertFrom-Json)
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

Describe 'Sign-in problems' {
    BeforeEach {
        $savedVariables = @{}
        Get-ChildItem env: | Where-Object Name -Like 'OCI_*' | ForEach-Object { $savedVariables[$_.Name] = $_.Value }
    }

    AfterEach {
        Get-ChildItem env: | Where-Object Name -Like 'OCI_*' | ForEach-Object { Remove-Item -Path "env:$($_.Name)" }
        foreach ($name in $savedVariables.Keys) { Set-Item -Path "env:$name" -Value $savedVariables[$name] }
    }

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
        $config = (Get-Identity).sessionTokenConfigFile
        $tokenFile = Join-Path (Split-Path $config) 'token'
        $session = New-OciSession -ConfigFile $config -Endpoint $emulatorUrl -ErrorAction Stop
        $claims = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('{"exp":' + [DateTimeOffset]::UtcNow.AddMinutes(-1).ToUnixTimeSeconds() + '}')).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        Set-Content -LiteralPath $tokenFile -Value "eyJhbGciOiJSUzI1NiJ9.$claims.c2ln" -NoNewline
        try {
            $requests = (Get-EmulatorState).requests
            $outcome = @($volumeIds[0..1] | New-OciVolumeBackup -Session $session -ErrorVariable failures -ErrorAction SilentlyContinue)

            $outcome | Should -HaveCount 0
            $failures | Should -HaveCount 2
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'OciBackup.SessionTokenExpired,*'
            $failures[0].ErrorDetails.RecommendedAction | Should -BeLike '*oci session refresh*'
            (Get-EmulatorState).requests | Should -Be $requests
            { New-OciSession -ConfigFile $config -ErrorAction Stop } | Should -Throw -ErrorId 'OciBackup.SessionTokenExpired,*'
        }
        finally {
            Invoke-RestMethod -Method Post -Uri "$emulatorUrl/admin/identity/refresh-session-token" -NoProxy | Out-Null
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
