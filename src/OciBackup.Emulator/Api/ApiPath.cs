namespace OciBackup.Emulator.Api;

/// <summary>
/// A path under /20160918 taken apart: the collection, the resource id and an action
/// (<c>/volumeBackups/{id}/actions/copy</c>), and the operation it names with a method.
/// </summary>
internal readonly record struct ApiPath(string Collection, string? Id, string? Action, bool IsValid)
{
    public static ApiPath Parse(string? path)
    {
        ReadOnlySpan<char> rest = (path ?? "").AsSpan().Trim('/');
        int slash = rest.IndexOf('/');
        if (slash < 0)
        {
            return new ApiPath(rest.ToString(), null, null, true);
        }

        string collection = rest[..slash].ToString();
        rest = rest[(slash + 1)..];
        slash = rest.IndexOf('/');
        if (slash < 0)
        {
            return rest.Length > 0 ? new ApiPath(collection, rest.ToString(), null, true) : Invalid;
        }

        // {collection}/{id}/actions/{action}, as in /volumeBackups/{id}/actions/copy
        ReadOnlySpan<char> id = rest[..slash];
        ReadOnlySpan<char> action = rest[(slash + 1)..];
        return id.Length > 0 && action.StartsWith("actions/", StringComparison.Ordinal) && action.Length > 8 && action[8..].IndexOf('/') < 0
            ? new ApiPath(collection, id.ToString(), action[8..].ToString(), true)
            : Invalid;
    }

    private static ApiPath Invalid => new("", null, null, false);

    /// <summary>The OCI operation name, or "Unknown" for a path and method the emulator does not serve.</summary>
    public string Operation(string method)
    {
        if (!IsValid)
        {
            return "Unknown";
        }

        bool one = Id is not null;
        return (Collection, one, Action, method) switch
        {
            ("volumeBackups", false, null, "GET") => "ListVolumeBackups",
            ("volumeBackups", false, null, "POST") => "CreateVolumeBackup",
            ("volumeBackups", true, null, "GET") => "GetVolumeBackup",
            ("volumeBackups", true, null, "DELETE") => "DeleteVolumeBackup",
            ("volumeBackups", true, "copy", "POST") => "CopyVolumeBackup",
            ("volumeGroupBackups", false, null, "GET") => "ListVolumeGroupBackups",
            ("volumeGroupBackups", false, null, "POST") => "CreateVolumeGroupBackup",
            ("volumeGroupBackups", true, null, "GET") => "GetVolumeGroupBackup",
            ("volumeGroupBackups", true, null, "DELETE") => "DeleteVolumeGroupBackup",
            ("volumeGroupBackups", true, "copy", "POST") => "CopyVolumeGroupBackup",
            ("volumes", false, null, "GET") => "ListVolumes",
            ("volumes", false, null, "POST") => "CreateVolume",
            ("volumes", true, null, "GET") => "GetVolume",
            ("volumeGroups", false, null, "GET") => "ListVolumeGroups",
            ("volumeGroups", false, null, "POST") => "CreateVolumeGroup",
            ("volumeGroups", true, null, "GET") => "GetVolumeGroup",
            ("workRequests", true, null, "GET") => "GetWorkRequest",
            ("compartments", false, null, "GET") => "ListCompartments",
            ("availabilityDomains", false, null, "GET") => "ListAvailabilityDomains",
            _ => "Unknown",
        };
    }
}
