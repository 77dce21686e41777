namespace OciBackup.Emulator.Api;

/// <summary>An OCI error: status, code and message, sent as <c>{"code":..,"message":..}</c>.</summary>
internal sealed record ApiError(int Status, string Code, string Message)
{
    public const string NotFoundMessage = "Authorization failed or requested resource not found.";

    public static ApiError InvalidParameter(string field, string problem) =>
        new(400, "InvalidParameter", $"{field}: {problem}");

    public static ApiError MissingParameter(string field) =>
        new(400, "MissingParameter", $"Missing required parameter: {field}");

    public static ApiError CannotParseRequest(string problem) =>
        new(400, "CannotParseRequest", problem);

    public static ApiError NotFound() => new(404, "NotAuthorizedOrNotFound", NotFoundMessage);

    public static ApiError NotAuthenticated() =>
        new(401, "NotAuthenticated", "The required information to complete authentication was not provided or was incorrect.");
}
