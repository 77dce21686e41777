namespace OciBackup.Engine.Huawei
{
    /// <summary>A Huawei Cloud region: its id (<c>cn-north-4</c>) and where it is (<c>CN North-Beijing4</c>).</summary>
    internal sealed class HwcRegion
    {
        public HwcRegion(string id, string name)
        {
            Id = id;
            Name = name;
        }

        public string Id { get; }

        public string Name { get; }

        public override string ToString() => Id;
    }
}
