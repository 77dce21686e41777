@{
    # The one source of truth for the module's version: the build reads ModuleVersion from here.
    RootModule           = 'OciBackup.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '3cdcb3e0-7657-45ca-b6ae-1bc6e7a4e1f6'
    Author               = 'OciBackup contributors'
    CompanyName          = 'OciBackup'
    Copyright            = '(c) OciBackup contributors. MIT License.'
    Description          = 'Back up Oracle Cloud Infrastructure (OCI) block volumes and volume groups: signed like the OCI SDKs, safe to retry, fast in bulk. Works with your existing ~/.oci/config.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    TypesToProcess       = @('OciBackup.Types.ps1xml')
    FormatsToProcess     = @('OciBackup.Format.ps1xml')
    # Exact names, no wildcards: PowerShell can then find the module's cmdlets without loading it, and the
    # PowerShell Gallery lists them (PSCmdlet_* tags). Add each new cmdlet here.
    CmdletsToExport      = @(
        'Copy-OciVolumeBackup'
        'Copy-OciVolumeGroupBackup'
        'Get-OciEmulatorState'
        'Get-OciVolume'
        'Get-OciVolumeBackup'
        'Get-OciVolumeGroup'
        'Get-OciVolumeGroupBackup'
        'Invoke-OciRestMethod'
        'New-OciSession'
        'New-OciVolumeBackup'
        'New-OciVolumeGroupBackup'
        'Remove-OciVolumeBackup'
        'Remove-OciVolumeGroupBackup'
        'Restore-OciVolumeBackup'
        'Restore-OciVolumeGroupBackup'
        'Select-OciBackupToRemove'
        'Set-OciEmulatorFault'
        'Start-OciEmulator'
        'Stop-OciEmulator'
        'Wait-OciBackup'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('OCI', 'Oracle', 'OracleCloud', 'Backup', 'BlockVolume', 'VolumeGroup', 'Cloud', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/ocibackup/OciBackup/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/ocibackup/OciBackup'
            ReleaseNotes = 'First preview: New-OciSession builds sessions from your OCI config file, an API key given directly or in the OCI CLI''s variables, a session token, or the OCI instance, Function or Cloud Shell it runs in, and signs requests byte-identical to the OCI .NET SDK; New-OciVolumeBackup, New-OciVolumeGroupBackup and Wait-OciBackup back up in bulk, safe to retry; Copy-OciVolumeBackup and Copy-OciVolumeGroupBackup copy backups to a DR region once each, and Restore-OciVolumeBackup and Restore-OciVolumeGroupBackup prove they restore; Start-OciEmulator runs a local OCI emulator for Pester tests of your runbooks, signing in as an instance, a Function or in Cloud Shell too (needs the ASP.NET Core 10 runtime). Offline help (Get-Help about_OciBackup), tab completion, tables readable at 80 columns, and BouncyCastle and System.Text.Json isolated from other modules on PowerShell 7.'
        }
    }
}
