using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace OciBackup.PowerShell.Tests
{
    public class FormatFileTests
    {
        [Fact]
        public void Every_formatted_type_has_a_table_and_a_list_view()
        {
            var document = XDocument.Load(Path.Combine(ModuleHost.ModuleFolder, "OciBackup.Format.ps1xml"));
            var views = document.Descendants("View").ToList();
            var types = views.SelectMany(SelectedTypes).Distinct().ToList();

            Assert.Contains("OciBackup.Engine.OciSession", types);
            Assert.Contains("OciBackup.Engine.Models.VolumeGroupBackup", types);
            foreach (var type in types)
            {
                var forType = views.Where(v => SelectedTypes(v).Contains(type)).ToList();
                Assert.Contains(forType, v => v.Element("TableControl") != null);
                Assert.Contains(forType, v => v.Element("ListControl") != null);
            }
        }

        // A view may be selected by several types (the backup table serves both kinds of backup).
        private static IEnumerable<string> SelectedTypes(XElement view) =>
            view.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value);
    }
}
