using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    /// <summary>The walk behind the dependency-isolation guard, on small types shaped like the engine's models.</summary>
    public class ReachableTypesTests
    {
        [Fact]
        public void The_old_additional_properties_leak_json_element_through_a_dictionarys_type_argument()
        {
            var leaks = JsonTypesReachedFrom(typeof(OldBackup));

            // Only the type's own assembly was looked at before, and Dictionary<,> is .NET's: the leak went unseen.
            Assert.NotEqual("System.Text.Json", typeof(OldBackup).GetProperty(nameof(OldBackup.AdditionalProperties))!.PropertyType.Assembly.GetName().Name);
            var path = Assert.Single(leaks, l => l.Type == typeof(JsonElement)).Path;
            Assert.Equal("sample: OldBackup → OldBackup.AdditionalProperties Dictionary<String, JsonElement> → JsonElement", path);
        }

        [Fact]
        public void A_leak_is_found_through_base_types_arrays_method_returns_and_nested_generics()
        {
            var leaks = JsonTypesReachedFrom(typeof(Session));

            // Session → its base → an array property → an element type → a method returning Task<IReadOnlyList<JsonNode>>.
            var path = Assert.Single(leaks, l => l.Type == typeof(JsonNode)).Path;
            Assert.StartsWith("sample: Session → base SessionBase → SessionBase.Backups Item[] → Item → Item.LoadAsync() returns", path, StringComparison.Ordinal);
            Assert.Contains(leaks, l => l.Type == typeof(JsonDocument) && l.Path.Contains("Item.Parse(document)", StringComparison.Ordinal));
            Assert.Contains(leaks, l => l.Type == typeof(JsonSerializerOptions) && l.Path.Contains("SessionBase.Options", StringComparison.Ordinal));
        }

        [Fact]
        public void Members_a_user_cannot_touch_are_not_followed()
        {
            Assert.Empty(JsonTypesReachedFrom(typeof(NewBackup)));
        }

        [Fact]
        public void Plain_values_reach_no_dependency_but_are_walked()
        {
            var reached = ReachableTypes.From(new[] { (typeof(NewBackup), "sample") }, IsOwn);

            Assert.Contains(typeof(OrderedDictionary), reached.Keys);
            Assert.Contains(typeof(Hashtable), reached.Keys);
            Assert.Contains(typeof(DateTimeOffset), reached.Keys);
            Assert.Equal("sample: NewBackup → NewBackup.Created Nullable<DateTimeOffset> → DateTimeOffset", reached[typeof(DateTimeOffset)]);
        }

        private static bool IsOwn(Type type) => type.Assembly == typeof(ReachableTypesTests).Assembly;

        private static List<(Type Type, string Path)> JsonTypesReachedFrom(Type root) =>
            ReachableTypes.From(new[] { (root, "sample") }, IsOwn)
                .Where(r => r.Key.Assembly == typeof(JsonElement).Assembly)
                .Select(r => (r.Key, r.Value))
                .ToList();

        /// <summary>The shape VolumeBackup had: unknown fields as System.Text.Json's own values.</summary>
        public sealed class OldBackup
        {
            public string Id { get; set; } = string.Empty;

            public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
        }

        /// <summary>The shape it has now: plain values only, and the JSON side internal.</summary>
        public sealed class NewBackup
        {
            public string Id { get; set; } = string.Empty;

            public DateTimeOffset? Created { get; set; }

            public Hashtable? Tags { get; set; }

            public OrderedDictionary? AdditionalProperties { get; set; }

            internal Dictionary<string, JsonElement>? ExtensionData { get; set; }

            internal JsonDocument? Raw = null;

            private JsonNode? Node { get; set; }

            internal static JsonSerializerOptions Options() => JsonSerializerOptions.Default;
        }

        public abstract class SessionBase
        {
            public Item[] Backups { get; set; } = Array.Empty<Item>();

            protected JsonSerializerOptions? Options { get; set; }
        }

        public sealed class Session : SessionBase
        {
        }

        public sealed class Item
        {
            public Task<IReadOnlyList<JsonNode>> LoadAsync() => Task.FromResult<IReadOnlyList<JsonNode>>(Array.Empty<JsonNode>());

            public static Item Parse(JsonDocument document) => new Item();
        }
    }
}
