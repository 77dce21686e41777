using System.Collections.Generic;

namespace OciBackup.Engine.Http
{
    /// <summary>A parsed JSON object's properties, in the order they came (see <see cref="JsonValues"/>).</summary>
    internal sealed class JsonProperties : List<KeyValuePair<string, object?>>
    {
        public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));
    }
}
