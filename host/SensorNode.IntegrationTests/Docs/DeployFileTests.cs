using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SensorNode.Core.Config;
using SensorNode.IntegrationTests.Harness;
using Xunit;

namespace SensorNode.IntegrationTests.Docs
{
    /// <summary>
    /// The files docs/flashing.md has nanoff put on the device's internal flash (`nanoff --filedeployment`).
    /// nanoff's schema, as read in nanoframework/nanoFirmwareFlasher (HEAD baccab8, v2.5.162):
    /// <c>FileDeployment/FileDeploymentConfiguration.cs</c> (<c>string SerialPort</c>, <c>List&lt;DeploymentFile&gt; Files</c>),
    /// <c>FileDeployment/DeploymentFile.cs</c> (<c>string DestinationFilePath</c>, <c>string SourceFilePath</c>), read by
    /// <c>FileDeploymentManager</c> with <c>JsonSerializer.Deserialize</c> and only <c>PropertyNameCaseInsensitive</c> set:
    /// no comments, no trailing commas, and a misspelt property silently ignored, which is why the names are checked
    /// here exactly. An entry without SourceFilePath deletes its destination; these files only write.
    /// </summary>
    public class DeployFileTests
    {
        private static readonly string[] ConfigurationProperties = { "SerialPort", "Files" };
        private static readonly string[] FileProperties = { "DestinationFilePath", "SourceFilePath" };

        [Fact]
        public void Deploy_json_puts_the_files_the_board_profile_loads_on_internal_flash()
        {
            BoardProfileSource board = BoardProfileSource.OfProgram();
            string root = InternalFlashRoot();
            DeploymentFile[] files = ReadAsNanoffDoes("hardware/deploy.json");

            string[] expected = { root + board.Field("CaCertificateFile"), root + board.Field("ConfigKeyFile") };
            Assert.Equal(expected.OrderBy(f => f, StringComparer.Ordinal), files.Select(f => f.DestinationFilePath).OrderBy(f => f, StringComparer.Ordinal));
            Assert.True(Program().IndexOfCode("flash.Load(board.CaCertificateFile)") >= 0, "Program.cs no longer loads board.CaCertificateFile from flash");
            Assert.True(Program().IndexOfCode("flash.Load(board.ConfigKeyFile)") >= 0, "Program.cs no longer loads board.ConfigKeyFile from flash");
        }

        [Fact]
        public void Deploy_settings_json_puts_the_settings_file_the_core_loads_on_internal_flash()
        {
            DeploymentFile[] files = ReadAsNanoffDoes("hardware/deploy-settings.json");

            Assert.Equal(new[] { InternalFlashRoot() + ConfigStore.FileName }, files.Select(f => f.DestinationFilePath).ToArray());
            Assert.True(Program().IndexOfCode("new ConfigStore(flash)") >= 0, "Program.cs no longer keeps the settings in the flash store");
        }

        [Fact]
        public void The_guide_names_the_deploy_files_and_their_sources()
        {
            string guide = FlashingGuide.Text;
            string[] named = Regex.Matches(guide, @"nanoff [^`\n]*--filedeployment ([^\s`]+)").Select(m => m.Groups[1].Value).Distinct().ToArray();
            Assert.NotEmpty(named);
            foreach (string file in named)
            {
                Assert.True(File.Exists(Path.Combine(Built.RepoRoot, "hardware", file)), FlashingGuide.RelativePath + " runs nanoff --filedeployment " + file + ", which is not in hardware/");
            }

            foreach (string deploy in new[] { "hardware/deploy.json", "hardware/deploy-settings.json" })
            {
                Assert.Contains("`" + deploy + "`", guide);
                foreach (DeploymentFile file in ReadAsNanoffDoes(deploy))
                {
                    Assert.Contains("`" + file.SourceFilePath + "`", guide);
                }
            }
        }

        [Fact]
        public void The_guide_s_settings_file_is_one_the_node_boots_with()
        {
            string[] json = FlashingGuide.Blocks().Where(b => b.Info == "json" && b.Lines.Any(l => l.Contains("\"broker_host\"", StringComparison.Ordinal))).Select(b => string.Join("\n", b.Lines)).ToArray();
            Assert.Single(json);
            byte[] file = Encoding.UTF8.GetBytes(json[0]);
            NodeConfig defaults = new NodeConfig("a1b2c3");

            string error = ConfigParser.TryMergeStored(defaults, file, file.Length, out NodeConfig loaded);

            Assert.Null(error);
            using JsonDocument shown = JsonDocument.Parse(json[0]);
            Assert.Equal(shown.RootElement.GetProperty("broker_host").GetString(), loaded.BrokerHost);
            Assert.Equal(shown.RootElement.GetProperty("broker_port").GetInt32(), loaded.BrokerPort);
            Assert.Equal(shown.RootElement.GetProperty("wifi_ssid").GetString(), loaded.WifiSsid);
            Assert.Equal("a1b2c3", loaded.NodeId); // left out, so the MAC-derived id stays
        }

        [Fact]
        public void A_misspelt_or_commented_deploy_file_is_refused()
        {
            Assert.Throws<Xunit.Sdk.TrueException>(() => CheckSchema("{\"SerialPort\":\"COM5\",\"Files\":[{\"DestinationPath\":\"I:\\\\ca.pem\",\"SourceFilePath\":\"ca.pem\"}]}", "test"));
            Assert.Throws<Xunit.Sdk.TrueException>(() => CheckSchema("{\"SerialPort\":\"COM5\",\"File\":[]}", "test"));
            Assert.ThrowsAny<JsonException>(() => CheckSchema("{\"Files\":[{\"DestinationFilePath\":\"I:\\\\ca.pem\",\"SourceFilePath\":\"ca.pem\"},]}", "test"));
            Assert.ThrowsAny<JsonException>(() => CheckSchema("// ca\n{\"Files\":[]}", "test"));
            CheckSchema("{\"SerialPort\":\"COM5\",\"Files\":[{\"DestinationFilePath\":\"I:\\\\ca.pem\",\"SourceFilePath\":\"ca.pem\"}]}", "test");
        }

        /// <summary>"I:\", FlashSettingsStore.InternalFlashRoot as the firmware spells it.</summary>
        private static string InternalFlashRoot()
        {
            string root = FirmwareSource.Load("SensorNode/Board/Esp32/FlashSettingsStore.cs").ValueAssignedTo("InternalFlashRoot");
            Assert.Equal("I:\\", root);
            return root;
        }

        private static FirmwareSource Program() => FirmwareSource.Load("SensorNode/Program.cs");

        /// <summary>The file's entries, checked against nanoff's schema and read with nanoff's options.</summary>
        private static DeploymentFile[] ReadAsNanoffDoes(string relativePath)
        {
            string text = File.ReadAllText(Path.Combine(Built.RepoRoot, relativePath));
            CheckSchema(text, relativePath);
            FileDeploymentConfiguration configuration = JsonSerializer.Deserialize<FileDeploymentConfiguration>(text, new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            Assert.NotNull(configuration.Files);
            Assert.NotEmpty(configuration.Files);
            Assert.False(string.IsNullOrEmpty(configuration.SerialPort), relativePath + ": SerialPort, which nanoff's README asks for when only files are deployed");
            foreach (DeploymentFile file in configuration.Files)
            {
                Assert.False(string.IsNullOrEmpty(file.DestinationFilePath), relativePath + ": an entry without DestinationFilePath");
                Assert.False(string.IsNullOrEmpty(file.SourceFilePath), relativePath + ": an entry without SourceFilePath would delete " + file.DestinationFilePath);
                Assert.False(Path.IsPathRooted(file.SourceFilePath), relativePath + ": SourceFilePath " + file.SourceFilePath + " should be relative to the folder nanoff runs in, as docs/flashing.md says");
            }

            return configuration.Files.ToArray();
        }

        /// <summary>Strict JSON (as System.Text.Json reads it by default) with nanoff's property names, spelt as nanoff spells them.</summary>
        private static void CheckSchema(string text, string what)
        {
            using JsonDocument document = JsonDocument.Parse(text);
            JsonElement root = document.RootElement;
            Assert.True(root.ValueKind == JsonValueKind.Object, what + ": not a JSON object");
            foreach (JsonProperty property in root.EnumerateObject())
            {
                Assert.True(ConfigurationProperties.Contains(property.Name), what + ": \"" + property.Name + "\" is none of nanoff's " + string.Join(", ", ConfigurationProperties));
            }

            Assert.True(root.TryGetProperty("Files", out JsonElement files) && files.ValueKind == JsonValueKind.Array, what + ": no \"Files\" array");
            foreach (JsonElement entry in files.EnumerateArray())
            {
                Assert.True(entry.ValueKind == JsonValueKind.Object, what + ": a Files entry that is not an object");
                foreach (JsonProperty property in entry.EnumerateObject())
                {
                    Assert.True(FileProperties.Contains(property.Name), what + ": \"" + property.Name + "\" is none of nanoff's " + string.Join(", ", FileProperties));
                }
            }
        }

        private sealed class FileDeploymentConfiguration
        {
            public string SerialPort { get; set; }

            public List<DeploymentFile> Files { get; set; }
        }

        private sealed class DeploymentFile
        {
            public string DestinationFilePath { get; set; }

            public string SourceFilePath { get; set; }
        }
    }
}
