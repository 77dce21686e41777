using OciBackup.Emulator.Api;

namespace OciBackup.Emulator.Tests.Api;

/// <summary>Paths under /20160918 name the operation with the method; anything else is Unknown (404).</summary>
public sealed class ApiPathTests
{
    [Theory]
    [InlineData("/volumeBackups", "GET", "ListVolumeBackups")]
    [InlineData("/volumeBackups/", "POST", "CreateVolumeBackup")]
    [InlineData("/volumeBackups/ocid1.x", "DELETE", "DeleteVolumeBackup")]
    [InlineData("/volumeBackups/ocid1.x/actions/copy", "POST", "CopyVolumeBackup")]
    [InlineData("/volumeGroupBackups/ocid1.x/actions/copy", "POST", "CopyVolumeGroupBackup")]
    [InlineData("/volumes", "POST", "CreateVolume")]
    [InlineData("/workRequests/ocid1.w", "GET", "GetWorkRequest")]
    [InlineData("/compartments", "GET", "ListCompartments")]
    [InlineData("/availabilityDomains", "GET", "ListAvailabilityDomains")]
    [InlineData("/volumeBackups/ocid1.x/actions/copy", "GET", "Unknown")]
    [InlineData("/volumeBackups/ocid1.x/actions/restore", "POST", "Unknown")]
    [InlineData("/volumeBackups/ocid1.x/copy", "POST", "Unknown")]
    [InlineData("/volumeBackups/ocid1.x/actions/copy/more", "POST", "Unknown")]
    [InlineData("/volumeBackups//actions/copy", "POST", "Unknown")]
    [InlineData("/volumeBackups/ocid1.x", "PUT", "Unknown")]
    [InlineData("/compartments/ocid1.c", "GET", "Unknown")]
    public void Path_and_method_name_the_operation(string path, string method, string operation)
    {
        Assert.Equal(operation, ApiPath.Parse(path).Operation(method));
    }

    [Fact]
    public void The_id_and_action_are_taken_apart()
    {
        ApiPath path = ApiPath.Parse("/volumeBackups/ocid1.volumebackup.oc1.iad.abc/actions/copy");

        Assert.Equal(("volumeBackups", "ocid1.volumebackup.oc1.iad.abc", "copy"), (path.Collection, path.Id, path.Action));
    }
}
