namespace OciBackup.ModuleBuilder.Help
{
    /// <summary>A RELATED LINKS entry: its text and, for a markdown link, its address.</summary>
    public sealed record RelatedLink(string Text, string? Uri);
}
