<#
.SYNOPSIS
    Builds, documents, tests and packages OciBackup for people who have pwsh.
.DESCRIPTION
    Build   - dotnet build OciBackup.sln -c Release: leaves the importable module in out/OciBackup, with its MAML
              help and about topic in out/OciBackup/en-US (compiled from docs/help by tools/ModuleBuilder), and its
              PowerShell Gallery package in out/packages.
    Help    - With PlatyPS installed, recompiles docs/help with New-ExternalHelp into out/OciBackup/en-US (the
              build's own compiler needs no pwsh; this is the reference implementation of the same schema).
    Test    - dotnet test OciBackup.sln -c Release (the README's test command), then the Pester tests in
              tests/pester when Pester 5 is installed.
    Package - Build, then (re)packs out/OciBackup as out/packages/OciBackup.VERSION.nupkg, as CI does. Publish it
              with: Publish-PSResource -NupkgPath out/packages/OciBackup.VERSION.nupkg -Repository PSGallery -ApiKey ...
    Everything CI also needs goes through dotnet only, so CI (which has no pwsh) runs the same steps.
.EXAMPLE
    ./build.ps1 -Task Build, Help, Test, Package
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Help', 'Test', 'Package')]
    [string[]] $Task = @('Build', 'Test'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
$moduleFolder = Join-Path $PSScriptRoot 'out/OciBackup'
$packageFolder = Join-Path $PSScriptRoot 'out/packages'

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
        'Help' {
            $platyPS = Get-Module -ListAvailable platyPS | Sort-Object Version -Descending | Select-Object -First 1
            if (-not $platyPS) {
                Write-Warning 'PlatyPS is not installed (Install-Module platyPS): keeping the help the build compiled with tools/ModuleBuilder.'
                break
            }
            Import-Module $platyPS
            $culture = Join-Path $moduleFolder 'en-US'
            New-ExternalHelp -Path (Join-Path $PSScriptRoot 'docs/help') -OutputPath $culture -Force | ForEach-Object { Write-Host "Help: $($_.FullName)" }
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
            if ($Task -notcontains 'Build') { Invoke-Dotnet build OciBackup.sln -c Release }
            Invoke-Dotnet run --project tools/ModuleBuilder -c Release --no-build -- package --module-folder $moduleFolder --output $packageFolder
            Get-ChildItem $packageFolder -Filter *.nupkg
        }
    }
}
