using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using SensorNode.Core.Web;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Web
{
    /// <summary>
    /// The page the node serves is page.html, gzip-compressed into WebPage.cs (field data: the device keeps it out of
    /// the string table). UPDATE_WEB_PAGE=1 writes WebPage.cs anew from page.html; otherwise the test fails when they differ.
    /// </summary>
    public class WebPageSourceTests
    {
        private static string Folder => Path.Combine(Built.RepoRoot, "SensorNode.Core", "Web");

        [Fact]
        public void The_served_page_is_page_html_and_needs_no_other_file()
        {
            byte[] html = File.ReadAllBytes(Path.Combine(Folder, "page.html"));
            if (Environment.GetEnvironmentVariable("UPDATE_WEB_PAGE") == "1")
            {
                File.WriteAllText(Path.Combine(Folder, "WebPage.cs"), Source(html));
                return;
            }

            using MemoryStream unpacked = new MemoryStream();
            using (GZipStream gzip = new GZipStream(new MemoryStream(WebPage.Gzip), CompressionMode.Decompress))
            {
                gzip.CopyTo(unpacked);
            }

            Assert.True(html.SequenceEqual(unpacked.ToArray()), "WebPage.cs is not page.html: run UPDATE_WEB_PAGE=1 dotnet test host/SensorNode.IntegrationTests --filter WebPageSourceTests");
            Assert.Equal(WebPage.HtmlBytes, html.Length);
            string text = Encoding.UTF8.GetString(html);
            Assert.DoesNotContain("src=", text); // no script, image or frame from elsewhere
            Assert.DoesNotContain("href=", text); // no stylesheet or link out
            Assert.DoesNotContain("http", text);
        }

        private static string Source(byte[] html)
        {
            using MemoryStream packed = new MemoryStream();
            using (GZipStream gzip = new GZipStream(packed, CompressionLevel.SmallestSize, true))
            {
                gzip.Write(html);
            }

            byte[] bytes = packed.ToArray();
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < bytes.Length; i += 24)
            {
                rows.Append("            ").AppendJoin(", ", bytes.Skip(i).Take(24).Select(b => "0x" + b.ToString("X2"))).Append(",\n");
            }

            return "namespace SensorNode.Core.Web\n{\n    /// <summary>\n"
                + "    /// The web console's page (page.html beside this file, " + html.Length + " bytes) gzip-compressed to " + bytes.Length + " bytes: served as it is,\n"
                + "    /// with \"Content-Encoding: gzip\". Field data, not the string table, and no external file (no CDN).\n"
                + "    /// Made from page.html by the test WebPageSourceTests (UPDATE_WEB_PAGE=1 writes it anew); never edit by hand.\n"
                + "    /// </summary>\n    public static class WebPage\n    {\n"
                + "        public const int HtmlBytes = " + html.Length + ";\n\n"
                + "        public static readonly byte[] Gzip =\n        {\n" + rows + "        };\n    }\n}\n";
        }
    }
}
