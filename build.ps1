<#
.SYNOPSIS
    Builds, tests and packages OciBackup for people who have pwsh.
.DESCRIPTION
    Build   - dotnet build OciBackup.sln -c Release: leaves the importable module in out/OciBackup.
    Test    - dotnet test OciBackup.sln -c Release (the README's test command), then the Pester tests
              in tests/pester when Pester 5 is installed.
    Package - Build, then a PowerShell Gallery package (.nupkg) of out/OciBackup in out/packages.
    Everything CI also needs goes through dotnet only, so CI (which has no pwsh) runs the same steps.
.EXAMPLE
    ./build.ps1 -Task Build, Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string[]] $Task = @('Build', 'Test'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
$moduleFolder = Join-Path $PSScriptRoot 'out/OciBackup'

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Verbose "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' {
            Invoke-Dotnet build OciBackup.sln -c $Configuration
            Write-Host "Module folder: $moduleFolder"
        }
        'Test' {
            Invoke-Dotnet test OciBackup.sln -c $Configuration
            $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Select-Object -First 1
            if ($pester) {
                Import-Module $pester
                $result = Invoke-Pester -Path (Join-Path $PSScriptRoot 'tests/pester') -PassThru -Output Detailed
                if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
            }
            else {
                Write-Warning 'Pester 5 is not installed: skipping tests/pester (Install-Module Pester -MinimumVersion 5.0).'
            }
        }
        'Package' {
            Invoke-Dotnet build OciBackup.sln -c Release
            $destination = Join-Path $PSScriptRoot 'out/packages'
            New-Item -ItemType Directory -Force -Path $destination | Out-Null
            if (-not (Get-Command Compress-PSResource -ErrorAction SilentlyContinue)) {
                throw 'Packaging needs Microsoft.PowerShell.PSResourceGet 1.1 or later (Install-Module Microsoft.PowerShell.PSResourceGet).'
            }
            Compress-PSResource -Path $moduleFolder -DestinationPath $destination
            Get-ChildItem $destination -Filter *.nupkg
        }
    }
}
