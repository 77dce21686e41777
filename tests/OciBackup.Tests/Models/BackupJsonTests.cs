using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text;
using OciBackup.Engine.Http;
using OciBackup.Engine.Models;
using Xunit;

namespace OciBackup.Tests.Models
{
    public class BackupJsonTests
    {
        [Fact]
        public void A_volume_backup_reads_every_documented_field()
        {
            const string json = @"{
              ""id"": ""ocid1.volumebackup.oc1.iad.b"", ""compartmentId"": ""ocid1.compartment.oc1..c"", ""displayName"": ""nightly"",
              ""volumeId"": ""ocid1.volume.oc1.iad.v"", ""type"": ""FULL"", ""lifecycleState"": ""AVAILABLE"", ""sourceType"": ""MANUAL"",
              ""sourceVolumeBackupId"": null, ""kmsKeyId"": ""ocid1.key.oc1..k"",
              ""timeCreated"": ""2020-06-22T19:48:13.717Z"", ""timeRequestReceived"": ""2020-06-22T19:48:12.001Z"",
              ""sizeInGBs"": 5000000000000, ""sizeInMBs"": 5120000000000000, ""uniqueSizeInGBs"": 3000000000, ""uniqueSizeInMbs"": 3072000000000,
              ""freeformTags"": {""Department"": ""Finance""},
              ""definedTags"": {""Operations"": {""CostCenter"": ""42"", ""Nightly"": true, ""Copies"": 2, ""Ratio"": 0.5}},
              ""systemTags"": {""orcl-cloud"": {""free-tier-retained"": ""true""}}
            }";

            var backup = OciJson.Deserialize<VolumeBackup>(Encoding.UTF8.GetBytes(json));

            Assert.Equal("ocid1.volumebackup.oc1.iad.b", backup.Id);
            Assert.Equal("ocid1.compartment.oc1..c", backup.CompartmentId);
            Assert.Equal("nightly", backup.DisplayName);
            Assert.Equal("ocid1.volume.oc1.iad.v", backup.VolumeId);
            Assert.Equal("FULL", backup.Type);
            Assert.Equal(BackupLifecycleState.Available, backup.State);
            Assert.Equal("MANUAL", backup.SourceType);
            Assert.Null(backup.SourceVolumeBackupId);
            Assert.Equal("ocid1.key.oc1..k", backup.KmsKeyId);
            Assert.Equal(new DateTimeOffset(2020, 6, 22, 19, 48, 13, 717, TimeSpan.Zero), backup.TimeCreated);
            Assert.Equal(new DateTimeOffset(2020, 6, 22, 19, 48, 12, 1, TimeSpan.Zero), backup.TimeRequestReceived);
            Assert.Null(backup.ExpirationTime);
            Assert.Equal(5_000_000_000_000L, backup.SizeInGBs);
            Assert.Equal(5_120_000_000_000_000L, backup.SizeInMBs);
            Assert.Equal(3_000_000_000L, backup.UniqueSizeInGBs);
            Assert.Equal(3_072_000_000_000L, backup.UniqueSizeInMbs);
            Assert.Equal("Finance", backup.FreeformTags!["Department"]);
            var operations = Assert.IsType<Hashtable>(backup.DefinedTags!["Operations"]);
            Assert.Equal("42", operations["CostCenter"]);
            Assert.Equal(true, operations["Nightly"]);
            Assert.Equal(2L, operations["Copies"]);
            Assert.Equal(0.5, operations["Ratio"]);
            Assert.Equal("42", operations["costcenter"]);
            Assert.Equal("true", Assert.IsType<Hashtable>(backup.SystemTags!["orcl-cloud"])["free-tier-retained"]);
            Assert.Equal("Finance", backup.FreeformTags["department"]);
        }

        [Fact]
        public void A_volume_group_backup_reads_its_differently_cased_unique_sizes()
        {
            const string json = @"{""id"":""g"",""volumeGroupId"":""vg"",""volumeBackupIds"":[""b1"",""b2""],""lifecycleState"":""COMMITTED"",
                ""uniqueSizeInGbs"": 4294967296, ""uniqueSizeInMbs"": 4398046511104, ""sourceVolumeGroupBackupId"": ""src""}";

            var backup = OciJson.Deserialize<VolumeGroupBackup>(Encoding.UTF8.GetBytes(json));

            Assert.Equal(new[] { "b1", "b2" }, backup.VolumeBackupIds);
            Assert.Equal(BackupLifecycleState.Committed, backup.State);
            Assert.Equal(4_294_967_296L, backup.UniqueSizeInGbs);
            Assert.Equal(4_398_046_511_104L, backup.UniqueSizeInMbs);
            Assert.Equal("src", backup.SourceVolumeGroupBackupId);
        }

        [Fact]
        public void Unknown_fields_and_states_are_kept_not_fatal()
        {
            const string json = @"{""id"":""b"",""lifecycleState"":""RESTORING_FROM_VAULT"",""type"":""DIFFERENTIAL"",""newField"":{""nested"":[1,2]},""sizeInGBs"":null}";

            var backup = OciJson.Deserialize<VolumeBackup>(Encoding.UTF8.GetBytes(json));

            Assert.Equal("RESTORING_FROM_VAULT", backup.LifecycleState);
            Assert.Equal(BackupLifecycleState.Unknown, backup.State);
            Assert.Equal("DIFFERENTIAL", backup.Type);
            Assert.Null(backup.SizeInGBs);
            var newField = Assert.IsType<OrderedDictionary>(backup.AdditionalProperties!["newField"]);
            Assert.Equal(new object[] { 1L, 2L }, Assert.IsType<object[]>(newField["nested"]));
        }

        [Fact]
        public void Unknown_fields_are_plain_values_in_the_order_they_came()
        {
            const string json = @"{""id"":""b"",""zeta"":""text"",""count"":3,""ratio"":0.25,""huge"":1e300,""on"":true,""off"":false,""nothing"":null,
                ""list"":[1,""two"",{""three"":3},[4]],""object"":{""Inner"":{""deep"":""yes""},""empty"":{}},""alpha"":[]}";

            var fields = OciJson.Deserialize<VolumeBackup>(Encoding.UTF8.GetBytes(json)).AdditionalProperties!;

            Assert.Equal(new[] { "zeta", "count", "ratio", "huge", "on", "off", "nothing", "list", "object", "alpha" }, fields.Keys.Cast<string>());
            Assert.Equal("text", fields["zeta"]);
            Assert.Equal(3L, fields["count"]);
            Assert.Equal(0.25, fields["ratio"]);
            Assert.Equal(1e300, fields["huge"]);
            Assert.Equal(true, fields["on"]);
            Assert.Equal(false, fields["off"]);
            Assert.True(fields.Contains("nothing"));
            Assert.Null(fields["nothing"]);
            var list = Assert.IsType<object[]>(fields["list"]);
            Assert.Equal(1L, list[0]);
            Assert.Equal("two", list[1]);
            Assert.Equal(3L, Assert.IsType<OrderedDictionary>(list[2])["three"]);
            Assert.Equal(new object[] { 4L }, Assert.IsType<object[]>(list[3]));
            var inner = Assert.IsType<OrderedDictionary>(Assert.IsType<OrderedDictionary>(fields["object"])["inner"]);
            Assert.Equal("yes", inner["DEEP"]);
            Assert.Empty(Assert.IsType<OrderedDictionary>(Assert.IsType<OrderedDictionary>(fields["object"])["empty"]));
            Assert.Empty(Assert.IsType<object[]>(fields["alpha"]));
        }

        [Fact]
        public void A_backup_without_unknown_fields_has_no_additional_properties()
        {
            var backup = OciJson.Deserialize<VolumeGroupBackup>(Encoding.UTF8.GetBytes(@"{""id"":""g"",""volumeGroupId"":""vg"",""lifecycleState"":""AVAILABLE""}"));

            Assert.Null(backup.AdditionalProperties);
            Assert.DoesNotContain("additionalProperties", Encoding.UTF8.GetString(OciJson.SerializeToUtf8Bytes(backup)), StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public void Unknown_fields_are_written_back_as_they_came()
        {
            const string unknown = @"""zeta"":""text"",""count"":3,""ratio"":0.25,""on"":true,""nothing"":null,""list"":[1,""two"",{""three"":3}],""object"":{""inner"":{""deep"":""yes""}}";

            var backup = OciJson.Deserialize<VolumeBackup>(Encoding.UTF8.GetBytes(@"{""id"":""b""," + unknown + "}"));
            backup.AdditionalProperties!["added"] = new Hashtable { ["by"] = "a script" };

            Assert.Equal(@"{""id"":""b""," + unknown + @",""added"":{""by"":""a script""}}", Encoding.UTF8.GetString(OciJson.SerializeToUtf8Bytes(backup)));
        }

        [Fact]
        public void Volumes_and_volume_groups_keep_unknown_fields_as_plain_values_too()
        {
            var volume = OciJson.Deserialize<Volume>(Encoding.UTF8.GetBytes(@"{""id"":""v"",""isReservationsEnabled"":true,""autotunePolicies"":[{""autotuneType"":""DETACHED_VOLUME""}]}"));
            var group = OciJson.Deserialize<VolumeGroup>(Encoding.UTF8.GetBytes(@"{""id"":""g"",""sourceDetails"":{""type"":""volumeIds"",""volumeIds"":[""v""]}}"));

            Assert.Equal(true, volume.AdditionalProperties!["isReservationsEnabled"]);
            var policy = Assert.IsType<OrderedDictionary>(Assert.Single(Assert.IsType<object[]>(volume.AdditionalProperties["autotunePolicies"])));
            Assert.Equal("DETACHED_VOLUME", policy["autotuneType"]);
            var source = Assert.IsType<OrderedDictionary>(group.AdditionalProperties!["sourceDetails"]);
            Assert.Equal(new object[] { "v" }, Assert.IsType<object[]>(source["volumeIds"]));
        }

        [Theory]
        [InlineData("REQUEST_RECEIVED", BackupLifecycleState.RequestReceived)]
        [InlineData("CREATING", BackupLifecycleState.Creating)]
        [InlineData("COMMITTED", BackupLifecycleState.Committed)]
        [InlineData("AVAILABLE", BackupLifecycleState.Available)]
        [InlineData("TERMINATING", BackupLifecycleState.Terminating)]
        [InlineData("TERMINATED", BackupLifecycleState.Terminated)]
        [InlineData("FAULTY", BackupLifecycleState.Faulty)]
        public void Lifecycle_states_map_both_ways(string text, BackupLifecycleState state)
        {
            Assert.Equal(state, BackupLifecycleStates.Parse(text));
            Assert.Equal(text, BackupLifecycleStates.ToServiceString(state));
        }

        [Fact]
        public void Create_details_serialise_in_sdk_order_without_nulls()
        {
            var details = new CreateVolumeBackupDetails("ocid1.volume.oc1..v")
            {
                Type = BackupType.Full,
                DisplayName = "n",
                FreeformTags = new Dictionary<string, string> { ["z"] = "1", ["a"] = "2" },
                DefinedTags = new Dictionary<string, Dictionary<string, object>> { ["ns"] = new Dictionary<string, object> { ["k"] = "v" } },
            };

            Assert.Equal("{\"definedTags\":{\"ns\":{\"k\":\"v\"}},\"displayName\":\"n\",\"freeformTags\":{\"z\":\"1\",\"a\":\"2\"},\"type\":\"FULL\",\"volumeId\":\"ocid1.volume.oc1..v\"}",
                Encoding.UTF8.GetString(OciJson.SerializeToUtf8Bytes(details)));
        }

        [Fact]
        public void Group_create_details_serialise_in_sdk_order()
        {
            var details = new CreateVolumeGroupBackupDetails("vg") { CompartmentId = "c", Type = BackupType.Incremental };
            Assert.Equal("{\"compartmentId\":\"c\",\"type\":\"INCREMENTAL\",\"volumeGroupId\":\"vg\"}", Encoding.UTF8.GetString(OciJson.SerializeToUtf8Bytes(details)));
        }
    }
}
