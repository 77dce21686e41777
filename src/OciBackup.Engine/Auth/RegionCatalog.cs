using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;

namespace OciBackup.Engine.Auth
{
    /// <summary>
    /// Turns a region identifier (<c>us-ashburn-1</c>) or key (<c>iad</c>) into a <see cref="Region"/> with its realm.
    /// Knows every public region the OCI SDKs ship, plus the regions that <c>~/.oci/regions-config.json</c> and
    /// <c>OCI_REGION_METADATA</c> add, read once on first need.
    /// </summary>
    /// <remarks>
    /// Resolution order, as in the OCI SDKs: the built-in table; then regions-config.json; then OCI_REGION_METADATA;
    /// then, for a string shaped like a region identifier, a region assumed to be in the realm OCI_DEFAULT_REALM
    /// names, or in oc1. The first definition of a region identifier wins, so metadata cannot move a built-in region.
    /// </remarks>
    internal sealed class RegionCatalog
    {
        public const string RegionMetadataVariable = "OCI_REGION_METADATA";
        public const string DefaultRealmVariable = "OCI_DEFAULT_REALM";

        private const string RealmKeyProperty = "realmKey";
        private const string RealmDomainProperty = "realmDomainComponent";
        private const string RegionKeyProperty = "regionKey";
        private const string RegionIdProperty = "regionIdentifier";

        private const string ValidRegionExamples =
            "Use a region identifier such as us-ashburn-1, eu-frankfurt-1 or uk-london-1, or a region key such as iad, fra or lhr.";

        private static readonly Regex RegionIdShape =
            new Regex("^[a-z]{2,}(-[a-z0-9]+)+-[0-9]+$", RegexOptions.CultureInvariant);

        private static readonly Regex KeyShape = new Regex("^[a-z0-9]+$", RegexOptions.CultureInvariant);

        private static readonly Regex RealmKeyShape = new Regex("^oc[0-9]+$", RegexOptions.CultureInvariant);

        private static readonly Regex DomainShape = new Regex(
            "^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$",
            RegexOptions.CultureInvariant);

        private readonly IProcessEnvironment _environment;
        private readonly Lazy<RegionTable> _withMetadata;

        public RegionCatalog(IProcessEnvironment environment)
        {
            _environment = environment ?? throw new ArgumentNullException(nameof(environment));
            _withMetadata = new Lazy<RegionTable>(LoadMetadata, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        /// <summary>Where the SDKs and the CLI look for extra region definitions.</summary>
        public string RegionsConfigPath => Path.Combine(_environment.HomeDirectory, ".oci", "regions-config.json");

        /// <summary>
        /// Every region this catalog knows: the built-in ones, then those from regions-config.json and
        /// OCI_REGION_METADATA. Reads the metadata on first use.
        /// </summary>
        public IReadOnlyList<Region> KnownRegions => _withMetadata.Value.Regions;

        /// <summary>
        /// The region named by an identifier or key, case-insensitive and trimmed. An unknown string shaped like a
        /// region identifier is taken as a region not yet in the tables, in the realm OCI_DEFAULT_REALM names, or oc1.
        /// </summary>
        /// <exception cref="OciConfigException">
        /// <see cref="OciConfigErrorKind.RegionInvalid"/> for a string that is no region;
        /// <see cref="OciConfigErrorKind.RegionMetadataInvalid"/> when regions-config.json, OCI_REGION_METADATA or
        /// OCI_DEFAULT_REALM had to be read and is malformed.
        /// </exception>
        public Region Resolve(string idOrShortCode)
        {
            if (idOrShortCode is null)
            {
                throw new ArgumentNullException(nameof(idOrShortCode));
            }

            var key = idOrShortCode.Trim().ToLowerInvariant();
            if (key.Length == 0)
            {
                throw new OciConfigException(
                    OciConfigErrorKind.RegionInvalid,
                    "The region is empty.",
                    ValidRegionExamples,
                    setting: "region");
            }

            // Built-in regions need no file: a broken regions-config.json only matters to a region it could define.
            if (BuiltIn.Table.TryFind(key, out var region))
            {
                return region;
            }

            if (_withMetadata.Value.TryFind(key, out region))
            {
                return region;
            }

            if (!IsRegionIdShaped(key))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.RegionInvalid,
                    $"'{idOrShortCode.Trim()}' is not a known OCI region key and does not look like a region identifier.",
                    key.IndexOf('.') >= 0
                        ? ValidRegionExamples + " To send requests to a particular host, set an endpoint instead."
                        : ValidRegionExamples,
                    setting: "region");
            }

            return new Region(key, null, RealmForUnknownRegion(_withMetadata.Value));
        }

        internal static bool IsRegionIdShaped(string value) => value.Length <= 63 && RegionIdShape.IsMatch(value);

        private Realm RealmForUnknownRegion(RegionTable known)
        {
            var raw = _environment.GetVariable(DefaultRealmVariable);
            if (raw is null)
            {
                return BuiltIn.Oc1;
            }

            // The SDKs strip quotes that shells and .env files leave around the value.
            var value = raw.Replace("\"", string.Empty).Replace("'", string.Empty).Trim().ToLowerInvariant();

            if (known.TryFindRealm(value, out var realm))
            {
                return realm;
            }

            // The SDKs take OCI_DEFAULT_REALM as the second-level domain itself (e.g. oraclecloud20.com);
            // a realm key such as oc19 is accepted too, but only one the catalog knows, since its domain can't be guessed.
            if (RealmKeyShape.IsMatch(value) || !DomainShape.IsMatch(value))
            {
                throw new OciConfigException(
                    OciConfigErrorKind.RegionMetadataInvalid,
                    $"The environment variable {DefaultRealmVariable} is '{raw}', which is neither a known realm key nor a domain name.",
                    $"Set {DefaultRealmVariable} to the second-level domain of the realm (for example oraclecloud.com or oraclecloud20.com) or to a known realm key such as oc1, or unset it.",
                    setting: DefaultRealmVariable);
            }

            return known.RealmWithDomain(value) ?? new Realm(null, value);
        }

        private RegionTable LoadMetadata()
        {
            var table = new RegionTable(BuiltIn.Table);

            var path = RegionsConfigPath;
            if (_environment.FileExists(path))
            {
                string text;
                try
                {
                    text = _environment.ReadAllText(path);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    throw FileError(path, $"it could not be read ({e.Message})", e);
                }

                if (text.Trim().Length > 0)
                {
                    AddFromFile(table, path, text);
                }
            }

            var variable = _environment.GetVariable(RegionMetadataVariable);
            if (variable is not null)
            {
                AddFromVariable(table, variable);
            }

            return table;
        }

        private static void AddFromFile(RegionTable table, string path, string text)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw FileError(path, $"it is not valid JSON ({e.Message})", e);
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Array)
                {
                    throw FileError(path, "it must be a JSON array of region objects", null);
                }

                var index = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    var where = $"entry {index}";
                    var problem = TryAdd(table, element, where);
                    if (problem is not null)
                    {
                        throw FileError(path, problem, null);
                    }

                    index++;
                }
            }
        }

        private static void AddFromVariable(RegionTable table, string value)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(value);
            }
            catch (JsonException e)
            {
                throw VariableError($"it is not valid JSON ({e.Message})", e);
            }

            using (document)
            {
                var problem = TryAdd(table, document.RootElement, "its value");
                if (problem is not null)
                {
                    throw VariableError(problem, null);
                }
            }
        }

        /// <returns>Null when the entry was added or already known, otherwise what is wrong with it.</returns>
        private static string? TryAdd(RegionTable table, JsonElement entry, string where)
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return $"{where} must be a JSON object";
            }

            var realmKey = ReadProperty(entry, RealmKeyProperty, where, out var problem);
            var domain = ReadProperty(entry, RealmDomainProperty, where, out var domainProblem);
            var regionKey = ReadProperty(entry, RegionKeyProperty, where, out var keyProblem);
            var regionId = ReadProperty(entry, RegionIdProperty, where, out var idProblem);
            problem ??= domainProblem ?? keyProblem ?? idProblem;
            if (problem is not null || realmKey is null || domain is null || regionKey is null || regionId is null)
            {
                return problem;
            }

            if (!IsRegionIdShaped(regionId))
            {
                return $"{where} has {RegionIdProperty} '{regionId}', which is not shaped like a region identifier (for example us-ashburn-1)";
            }

            if (!KeyShape.IsMatch(realmKey))
            {
                return $"{where} has {RealmKeyProperty} '{realmKey}', which must be letters and digits (for example oc1)";
            }

            if (!KeyShape.IsMatch(regionKey))
            {
                return $"{where} has {RegionKeyProperty} '{regionKey}', which must be letters and digits (for example IAD)";
            }

            if (!DomainShape.IsMatch(domain))
            {
                return $"{where} has {RealmDomainProperty} '{domain}', which is not a domain name (for example oraclecloud.com)";
            }

            // As in the SDKs, the first definition of a region wins: built-in, then the file, then the variable.
            if (table.ContainsRegionId(regionId))
            {
                return null;
            }

            if (table.TryFindRealm(realmKey, out var realm))
            {
                if (!string.Equals(realm.SecondLevelDomain, domain, StringComparison.Ordinal))
                {
                    return $"{where} puts realm {realmKey} at '{domain}', but {realmKey} is '{realm.SecondLevelDomain}'";
                }
            }
            else
            {
                realm = new Realm(realmKey, domain);
            }

            if (table.TryFindByShortCode(regionKey, out var holder))
            {
                return $"{where} gives {regionId} the {RegionKeyProperty} '{regionKey}', which is already the key of {holder.Id}";
            }

            table.Add(new Region(regionId, regionKey, realm));
            return null;
        }

        private static string? ReadProperty(JsonElement entry, string name, string where, out string? problem)
        {
            problem = null;
            if (!entry.TryGetProperty(name, out var property) || property.ValueKind != JsonValueKind.String)
            {
                problem = $"{where} lacks the string property '{name}'";
                return null;
            }

            var value = property.GetString()?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(value))
            {
                problem = $"{where} has an empty '{name}'";
                return null;
            }

            return value;
        }

        private static OciConfigException FileError(string path, string reason, Exception? inner) =>
            new OciConfigException(
                OciConfigErrorKind.RegionMetadataInvalid,
                $"The region metadata file '{path}' is not valid: {reason}.",
                $"Fix or remove '{path}': it must be a JSON array of objects with the string properties {RealmKeyProperty}, {RealmDomainProperty}, {RegionKeyProperty} and {RegionIdProperty}.",
                configFile: path,
                innerException: inner);

        private static OciConfigException VariableError(string reason, Exception? inner) =>
            new OciConfigException(
                OciConfigErrorKind.RegionMetadataInvalid,
                $"The environment variable {RegionMetadataVariable} is not valid: {reason}.",
                $"Set {RegionMetadataVariable} to one JSON object with the string properties {RealmKeyProperty}, {RealmDomainProperty}, {RegionKeyProperty} and {RegionIdProperty}, or unset it.",
                setting: RegionMetadataVariable,
                innerException: inner);

        /// <summary>Regions and realms indexed for lookups; the built-in one is shared, the others extend a copy of it.</summary>
        private sealed class RegionTable
        {
            private readonly Dictionary<string, Region> _byId;
            private readonly Dictionary<string, Region> _byShortCode;
            private readonly Dictionary<string, Realm> _realms;
            private readonly List<Region> _regions;
            private readonly IReadOnlyList<Region> _readOnlyRegions;

            public RegionTable(IEnumerable<Realm> realms, IEnumerable<Region> regions)
            {
                _byId = new Dictionary<string, Region>(StringComparer.Ordinal);
                _byShortCode = new Dictionary<string, Region>(StringComparer.Ordinal);
                _realms = new Dictionary<string, Realm>(StringComparer.Ordinal);
                _regions = new List<Region>();
                _readOnlyRegions = _regions.AsReadOnly();
                foreach (var realm in realms)
                {
                    _realms.Add(realm.Id!, realm);
                }

                foreach (var region in regions)
                {
                    Add(region);
                }
            }

            public RegionTable(RegionTable source)
            {
                _byId = new Dictionary<string, Region>(source._byId, StringComparer.Ordinal);
                _byShortCode = new Dictionary<string, Region>(source._byShortCode, StringComparer.Ordinal);
                _realms = new Dictionary<string, Realm>(source._realms, StringComparer.Ordinal);
                _regions = new List<Region>(source._regions);
                _readOnlyRegions = _regions.AsReadOnly();
            }

            public IReadOnlyList<Region> Regions => _readOnlyRegions;

            public bool TryFind(string idOrShortCode, out Region region) =>
                _byId.TryGetValue(idOrShortCode, out region!) || _byShortCode.TryGetValue(idOrShortCode, out region!);

            public bool TryFindByShortCode(string shortCode, out Region region) => _byShortCode.TryGetValue(shortCode, out region!);

            public bool ContainsRegionId(string id) => _byId.ContainsKey(id);

            public bool TryFindRealm(string key, out Realm realm) => _realms.TryGetValue(key, out realm!);

            /// <summary>The one known realm with this domain; null when none or several (oc2 and oc3 share one).</summary>
            public Realm? RealmWithDomain(string domain)
            {
                Realm? found = null;
                foreach (var realm in _realms.Values)
                {
                    if (string.Equals(realm.SecondLevelDomain, domain, StringComparison.Ordinal))
                    {
                        if (found is not null)
                        {
                            return null;
                        }

                        found = realm;
                    }
                }

                return found;
            }

            public void Add(Region region)
            {
                _byId.Add(region.Id, region);
                if (region.ShortCode is not null)
                {
                    _byShortCode.Add(region.ShortCode, region);
                }

                if (region.Realm.Id is not null && !_realms.ContainsKey(region.Realm.Id))
                {
                    _realms.Add(region.Realm.Id, region.Realm);
                }

                _regions.Add(region);
            }
        }

        /// <summary>
        /// The public realms and regions known to Oracle's SDKs (the OCI Python, .NET, Java, Go and TypeScript SDKs
        /// and the NoSQL SDKs, which list the most realms). Realms Oracle marks as internal or classified are left out.
        /// Built on first lookup, not when a catalog is constructed.
        /// </summary>
        private static class BuiltIn
        {
            private static readonly (string Id, string Domain)[] RealmDomains =
            {
                ("oc1", "oraclecloud.com"),
                ("oc2", "oraclegovcloud.com"),
                ("oc3", "oraclegovcloud.com"),
                ("oc4", "oraclegovcloud.uk"),
                ("oc5", "oraclecloud5.com"),
                ("oc8", "oraclecloud8.com"),
                ("oc9", "oraclecloud9.com"),
                ("oc10", "oraclecloud10.com"),
                ("oc14", "oraclecloud14.com"),
                ("oc15", "oraclecloud15.com"),
                ("oc16", "oraclecloud16.com"),
                ("oc17", "oraclecloud17.com"),
                ("oc19", "oraclecloud.eu"),
                ("oc20", "oraclecloud20.com"),
                ("oc21", "oraclecloud21.com"),
                ("oc22", "psn-pco.it"),
                ("oc23", "oraclecloud23.com"),
                ("oc24", "oraclecloud24.com"),
                ("oc25", "nricloud.jp"),
                ("oc26", "oraclecloud26.com"),
                ("oc27", "oraclecloud27.com"),
                ("oc28", "oraclecloud28.com"),
                ("oc29", "oraclecloud29.com"),
                ("oc31", "sovereigncloud.nz"),
                ("oc32", "oraclecloud32.com"),
                ("oc35", "oraclecloud35.com"),
                ("oc36", "stccloud.com"),
                ("oc39", "oraclecloud39.com"),
                ("oc40", "jpsovereigncloud.jp"),
                ("oc41", "dutechcloud.ae"),
                ("oc42", "oraclecloud42.com"),
                ("oc43", "thaiaiscloud.com"),
                ("oc45", "q8-onecloud.com"),
                ("oc46", "oraclecloud46.com"),
                ("oc47", "oraclecloud47.com"),
                ("oc50", "opencanvas.jp"),
                ("oc51", "oraclecloud51.com"),
                ("oc52", "oraclecloud52.com"),
                ("oc54", "portalclarocco.com.br"),
                ("oc55", "svcl.jp"),
                ("oc57", "eonecloud.com"),
                ("oc60", "oraclecloud60.com"),
                ("oc61", "oraclecloud61.com"),
                ("oc62", "oraclecloud62.com"),
                ("oc64", "absonne4cloud.com"),
                ("oc88", "oraclecloud88.com"),
            };

            private static readonly (string Id, string? Code, string Realm)[] Regions =
            {
                ("af-casablanca-1", "lej", "oc1"),
                ("af-johannesburg-1", "jnb", "oc1"),
                ("af-nairobi-1", null, "oc1"),
                ("ap-batam-1", "hsg", "oc1"),
                ("ap-chennai-1", null, "oc1"),
                ("ap-chuncheon-1", "yny", "oc1"),
                ("ap-delhi-1", "onm", "oc1"),
                ("ap-hyderabad-1", "hyd", "oc1"),
                ("ap-kulai-1", null, "oc1"),
                ("ap-kulai-2", "jbp", "oc1"),
                ("ap-melbourne-1", "mel", "oc1"),
                ("ap-mumbai-1", "bom", "oc1"),
                ("ap-osaka-1", "kix", "oc1"),
                ("ap-seoul-1", "icn", "oc1"),
                ("ap-singapore-1", "sin", "oc1"),
                ("ap-singapore-2", "xsp", "oc1"),
                ("ap-sydney-1", "syd", "oc1"),
                ("ap-tokyo-1", "nrt", "oc1"),
                ("ca-montreal-1", "yul", "oc1"),
                ("ca-toronto-1", "yyz", "oc1"),
                ("eu-amsterdam-1", "ams", "oc1"),
                ("eu-dublin-3", null, "oc1"),
                ("eu-frankfurt-1", "fra", "oc1"),
                ("eu-madrid-1", "mad", "oc1"),
                ("eu-madrid-3", "orf", "oc1"),
                ("eu-marseille-1", "mrs", "oc1"),
                ("eu-milan-1", "lin", "oc1"),
                ("eu-paris-1", "cdg", "oc1"),
                ("eu-stockholm-1", "arn", "oc1"),
                ("eu-turin-1", "nrq", "oc1"),
                ("eu-zurich-1", "zrh", "oc1"),
                ("il-jerusalem-1", "mtz", "oc1"),
                ("me-abudhabi-1", "auh", "oc1"),
                ("me-dubai-1", "dxb", "oc1"),
                ("me-jeddah-1", "jed", "oc1"),
                ("me-riyadh-1", "ruh", "oc1"),
                ("mx-monterrey-1", "mty", "oc1"),
                ("mx-queretaro-1", "qro", "oc1"),
                ("sa-bogota-1", "bog", "oc1"),
                ("sa-riodejaneiro-2", null, "oc1"),
                ("sa-santiago-1", "scl", "oc1"),
                ("sa-saopaulo-1", "gru", "oc1"),
                ("sa-valparaiso-1", "vap", "oc1"),
                ("sa-vinhedo-1", "vcp", "oc1"),
                ("uk-cardiff-1", "cwl", "oc1"),
                ("uk-london-1", "lhr", "oc1"),
                ("us-abilene-1", "abl", "oc1"),
                ("us-ashburn-1", "iad", "oc1"),
                ("us-boardman-1", null, "oc1"),
                ("us-chicago-1", "ord", "oc1"),
                ("us-columbus-1", null, "oc1"),
                ("us-dallas-1", "dfw", "oc1"),
                ("us-desmoines-1", null, "oc1"),
                ("us-lenexa-1", null, "oc1"),
                ("us-phoenix-1", "phx", "oc1"),
                ("us-quincy-1", null, "oc1"),
                ("us-saltlake-2", "aga", "oc1"),
                ("us-sanantonio-1", null, "oc1"),
                ("us-sanjose-1", "sjc", "oc1"),
                ("us-shawnee-1", null, "oc1"),

                ("us-langley-1", "lfi", "oc2"),
                ("us-luke-1", "luf", "oc2"),

                ("us-gov-ashburn-1", "ric", "oc3"),
                ("us-gov-chicago-1", "pia", "oc3"),
                ("us-gov-phoenix-1", "tus", "oc3"),

                ("uk-gov-cardiff-1", "brs", "oc4"),
                ("uk-gov-london-1", "ltn", "oc4"),

                ("us-tacoma-1", "tiw", "oc5"),

                ("ap-chiyoda-1", "nja", "oc8"),
                ("ap-ibaraki-1", "ukb", "oc8"),

                ("me-dcc-muscat-1", "mct", "oc9"),
                ("me-ibri-1", "ibr", "oc9"),

                ("ap-dcc-canberra-1", "wga", "oc10"),

                ("eu-dcc-dublin-1", "ork", "oc14"),
                ("eu-dcc-dublin-2", "snn", "oc14"),
                ("eu-dcc-milan-1", "bgy", "oc14"),
                ("eu-dcc-milan-2", "mxp", "oc14"),
                ("eu-dcc-rating-1", "dus", "oc14"),
                ("eu-dcc-rating-2", "dtm", "oc14"),

                ("ap-dcc-gazipur-1", "dac", "oc15"),

                ("us-sanjose-2", null, "oc16"),
                ("us-westjordan-1", "sgu", "oc16"),

                ("us-dcc-phoenix-1", "ifp", "oc17"),
                ("us-dcc-phoenix-2", "gcn", "oc17"),
                ("us-dcc-phoenix-4", "yum", "oc17"),

                ("eu-frankfurt-2", "str", "oc19"),
                ("eu-madrid-2", "vll", "oc19"),

                ("eu-jovanovac-1", "beg", "oc20"),

                ("me-alrayyan-1", "vve", "oc21"),
                ("me-dcc-doha-1", "doh", "oc21"),

                ("eu-dcc-rome-1", "nap", "oc22"),
                ("eu-milan-2", null, "oc22"),

                ("us-somerset-1", "ebb", "oc23"),
                ("us-thames-1", "ebl", "oc23"),

                ("eu-crissier-1", "avf", "oc24"),
                ("eu-dcc-zurich-1", "avz", "oc24"),

                ("ap-dcc-osaka-1", "uky", "oc25"),
                ("ap-dcc-tokyo-1", "tyo", "oc25"),

                ("me-abudhabi-3", "ahu", "oc26"),
                ("me-alain-1", "rba", "oc26"),

                ("us-dcc-swjordan-1", "ozz", "oc27"),

                ("us-dcc-swjordan-2", "drs", "oc28"),

                ("me-abudhabi-2", "rkt", "oc29"),
                ("me-abudhabi-4", "shj", "oc29"),

                ("ap-hobsonville-1", "izq", "oc31"),
                ("ap-silverdale-1", null, "oc31"),

                ("ap-olympic-1", null, "oc32"),

                ("ap-chuncheon-2", "bno", "oc35"),
                ("ap-seoul-2", "dtz", "oc35"),
                ("ap-suwon-1", "dln", "oc35"),

                ("me-alkhobar-1", null, "oc36"),
                ("me-riyadh-2", null, "oc36"),

                ("us-tukwila-3", null, "oc39"),

                ("ap-osaka-2", null, "oc40"),
                ("ap-tatebayashi-1", null, "oc40"),

                ("me-dubai-2", null, "oc41"),
                ("me-dubai-3", null, "oc41"),

                ("us-ashburn-2", "yxj", "oc42"),
                ("us-newark-1", "pgc", "oc42"),

                ("ap-pathumthani-1", null, "oc43"),
                ("ap-samutprakan-1", null, "oc43"),

                ("me-sabahiya-1", null, "oc45"),

                ("uk-london-2", null, "oc46"),

                ("uk-london-3", null, "oc47"),
                ("uk-london-4", null, "oc47"),

                ("ap-kyoto-1", null, "oc50"),
                ("ap-mitaka-1", null, "oc50"),

                ("eu-budapest-1", "jsk", "oc51"),

                ("sa-riodejaneiro-1", "hnw", "oc52"),

                ("sa-belenzinho-1", null, "oc54"),
                ("sa-saopaulo-3", null, "oc54"),

                ("ap-eastosaka-1", null, "oc55"),
                ("ap-westtokyo-1", null, "oc55"),

                ("me-abudhabi-5", null, "oc57"),
                ("me-dubai-4", null, "oc57"),

                ("us-tukwila-5", null, "oc60"),

                ("us-tukwila-6", null, "oc61"),

                ("us-tukwila-7", null, "oc62"),

                ("ap-tokyo-2", null, "oc64"),

                ("ap-olympic-2", null, "oc88"),
            };

            // Declared after the tables: static fields are initialised in textual order.
            public static readonly Realm Oc1 = new Realm("oc1", "oraclecloud.com");

            public static readonly RegionTable Table = Build();

            private static RegionTable Build()
            {
                var realms = new Dictionary<string, Realm>(StringComparer.Ordinal) { ["oc1"] = Oc1 };
                foreach (var (id, domain) in RealmDomains)
                {
                    if (!realms.ContainsKey(id))
                    {
                        realms.Add(id, new Realm(id, domain));
                    }
                }

                var regions = new List<Region>(Regions.Length);
                foreach (var (id, code, realm) in Regions)
                {
                    regions.Add(new Region(id, code, realms[realm]));
                }

                return new RegionTable(realms.Values, regions);
            }
        }
    }
}
