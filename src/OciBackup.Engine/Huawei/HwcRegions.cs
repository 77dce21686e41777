using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace OciBackup.Engine.Huawei
{
    /// <summary>
    /// The Huawei Cloud regions tab completion offers, and the domain of each region's endpoints
    /// (<c>https://{service}.{region}.myhuaweicloud.com</c>; the EU sovereign region's are under <c>myhuaweicloud.eu</c>).
    /// A region not listed here is accepted when it is shaped like one: Huawei adds regions faster than a module ships.
    /// </summary>
    internal static class HwcRegions
    {
        public const string DefaultDomain = "myhuaweicloud.com";

        private static readonly Regex Shape = new Regex("^[a-z]{2,}(-[a-z0-9]+)*-[0-9]+$", RegexOptions.CultureInvariant);

        public static IReadOnlyList<HwcRegion> Known { get; } = new[]
        {
            new HwcRegion("af-north-1", "AF-Cairo"),
            new HwcRegion("af-south-1", "AF-Johannesburg"),
            new HwcRegion("ap-southeast-1", "CN-Hong Kong"),
            new HwcRegion("ap-southeast-2", "AP-Bangkok"),
            new HwcRegion("ap-southeast-3", "AP-Singapore"),
            new HwcRegion("ap-southeast-4", "AP-Jakarta"),
            new HwcRegion("ap-southeast-5", "AP-Manila"),
            new HwcRegion("cn-east-2", "CN East-Shanghai2"),
            new HwcRegion("cn-east-3", "CN East-Shanghai1"),
            new HwcRegion("cn-north-1", "CN North-Beijing1"),
            new HwcRegion("cn-north-4", "CN North-Beijing4"),
            new HwcRegion("cn-north-9", "CN North-Ulanqab1"),
            new HwcRegion("cn-south-1", "CN South-Guangzhou"),
            new HwcRegion("cn-southwest-2", "CN Southwest-Guiyang1"),
            new HwcRegion("eu-west-0", "EU-Paris"),
            new HwcRegion("eu-west-101", "EU-Dublin"),
            new HwcRegion("la-north-2", "LA-Mexico City2"),
            new HwcRegion("la-south-2", "LA-Santiago"),
            new HwcRegion("me-east-1", "ME-Riyadh"),
            new HwcRegion("na-mexico-1", "LA-Mexico City1"),
            new HwcRegion("sa-brazil-1", "LA-Sao Paulo1"),
            new HwcRegion("tr-west-1", "TR-Istanbul"),
        };

        public static bool IsWellFormed(string? region) => region != null && Shape.IsMatch(region);

        public static HwcRegion? Find(string region) => Known.FirstOrDefault(r => string.Equals(r.Id, region, StringComparison.OrdinalIgnoreCase));

        /// <summary>The domain of a region's endpoints.</summary>
        public static string DomainOf(string region) =>
            string.Equals(region, "eu-west-101", StringComparison.OrdinalIgnoreCase) ? "myhuaweicloud.eu" : DefaultDomain;
    }
}
