using OciBackup.Emulator.Api;

namespace OciBackup.Emulator.Inventory;

/// <summary>The result of a create: the resource (new, or the first result of a retry token), or an error.</summary>
internal readonly record struct CreateOutcome<T>(T? Resource, bool IsReplay, ApiError? Error)
    where T : class
{
    public static CreateOutcome<T> Created(T resource) => new(resource, false, null);

    public static CreateOutcome<T> Replayed(T resource) => new(resource, true, null);

    public static CreateOutcome<T> Failed(ApiError error) => new(null, false, error);
}
