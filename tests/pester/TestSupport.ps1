# Dot-sourced by every test file's BeforeAll: the built module, scratch folders and throwaway OCI configs.
# Pester runs only *.Tests.ps1, so this file is never run as tests itself.

$repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$manifestPath = Join-Path $repo 'out/OciBackup/OciBackup.psd1'
if (-not (Test-Path $manifestPath)) { throw "Build first: $manifestPath is missing (dotnet build OciBackup.sln -c Release)." }
Import-Module $manifestPath -Force -ErrorAction Stop
$script:scratchFolders = [System.Collections.Generic.List[string]]::new()

# A new empty folder under the temp folder, removed by Remove-ScratchFolder in AfterAll.
function New-ScratchFolder {
    $dir = Join-Path ([System.IO.Path]::GetTempPath()) ('ocibackup-pester-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $dir | Out-Null
    $script:scratchFolders.Add($dir)
    $dir
}

function Remove-ScratchFolder {
    foreach ($dir in $script:scratchFolders) { Remove-Item -LiteralPath $dir -Recurse -Force -ErrorAction SilentlyContinue }
    $script:scratchFolders.Clear()
}

# An OCI config file with the throwaway test key of tests/vectors: a [DEFAULT] profile (plus -Extra lines) and an
# [OTHER] profile in eu-frankfurt-1. Returns the config file's path.
function New-TestConfig {
    param([string] $KeyFile = 'test-rsa2048-pkcs1.pem', [string] $Extra = '', [string] $Region = 'us-phoenix-1')
    $dir = New-ScratchFolder
    Copy-Item (Join-Path $repo "tests/vectors/keys/$KeyFile") (Join-Path $dir $KeyFile)
    $config = Join-Path $dir 'config'
    @"
[DEFAULT]
user=ocid1.user.oc1..aaaaaaaaflhvp4ewyhnvq4obbfcqyzgf7w7xy5ohcqn7fjzzq6tdbxtoqu2q
fingerprint=1f:63:5f:7d:d8:af:b3:af:8e:e4:8f:7b:45:23:7e:fe
key_file=$(Join-Path $dir $KeyFile)
tenancy=ocid1.tenancy.oc1..aaaaaaaa5nfwo53cezleyy6t73v6rn6knhu3molvptnl3kcq34l5zb7ptz2q
region=$Region
$Extra
[OTHER]
region=eu-frankfurt-1
"@ | Set-Content -Path $config -Encoding utf8NoBOM
    return $config
}
