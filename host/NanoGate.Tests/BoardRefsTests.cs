using System;
using System.IO;
using System.Linq;
using Xunit;

namespace SensorNode.NanoGate.Tests
{
    /// <summary>
    /// The board set: SensorNode/Board and Program.cs compiled with the core against host/NanoFrameworkRefs (the
    /// declaration-only nanoFramework library APIs) and mscorlib. A call to anything not declared there, or with
    /// another signature, fails with file, line and the API; the real board compiles with no violation.
    /// </summary>
    public sealed class BoardRefsTests
    {
        private const string RefsFolder = "host/NanoFrameworkRefs";

        [Fact]
        public void A_call_to_an_undeclared_member_fails_with_file_line_and_the_member()
        {
            SourceSetCheck check = CheckBoard(@"using System.Device.I2c;

public static class Sample
{
    public static void Probe(I2cConnectionSettings settings)
    {
        new I2cDevice(settings).Frobnicate();
    }
}");

            string line = Assert.Single(check.Violations);
            Assert.StartsWith("SensorNode/Board/Sample.cs(7,33): error CS1061: 'I2cDevice' does not contain a definition for 'Frobnicate'", line);
        }

        [Theory]
        [InlineData("I2cTransferStatus status = device.Read(new SpanByte(new byte[1]));", "CS0029")] // Read returns an I2cTransferResult
        [InlineData("device.WriteRead(new SpanByte(new byte[1]));", "CS7036")] // WriteRead takes a write and a read buffer
        [InlineData("device.ReadByte();", "CS1061")] // real (I2cDevice.cs:38), but not declared: the board does not call it
        [InlineData("new GpioController().OpenPin(5);", "CS7036")] // only OpenPin(int, PinMode) is declared
        [InlineData("PinValue v = PinValue.High();", "CS1955")] // a property, not a method
        [InlineData("new Bmp280ReadResult();", "CS7036")] // no parameterless constructor in the library
        [InlineData("MqttClient c = null; c.ConnectionClosed += (object s, MqttMsgPublishEventArgs e) => { };", "CS1661")] // the event's delegate is (object, EventArgs)
        [InlineData("int x = Configuration.SetPinFunction(21, DeviceFunction.I2C1_DATA);", "CS0029")] // returns void
        [InlineData("Bme280 chip = null; chip.FilterMode = Sampling.UltraLowPower;", "CS0266")] // FilterMode is a Bmx280FilteringMode
        public void A_call_with_another_signature_fails(string statement, string error)
        {
            SourceSetCheck check = CheckBoard(@"using System;
using System.Device.Gpio;
using System.Device.I2c;
using Iot.Device.Bmxx80;
using Iot.Device.Bmxx80.ReadResult;
using nanoFramework.Hardware.Esp32;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;

public static class Sample
{
    public static void Use(I2cDevice device)
    {
        " + statement + @"
    }
}");

            Assert.Contains(check.Violations, v => v.StartsWith("SensorNode/Board/Sample.cs(14,", StringComparison.Ordinal) && v.Contains("error " + error + ":"));
        }

        [Fact]
        public void The_board_and_Program_compile_against_the_core_and_the_declarations_with_no_violation()
        {
            string root = RepoRoot();
            SourceSetCheck check = SourceSetCheck.OfFolders(
                new[] { "SensorNode/Board", "SensorNode/Program.cs" }.Select(p => Path.Combine(root, p)).ToArray(),
                root,
                IlRules.Equals,
                Path.Combine(root, "SensorNode.Core"),
                Path.Combine(root, RefsFolder));

            Assert.Empty(check.Violations);
            Assert.Equal(CountCs(root, "SensorNode/Board") + 1, check.FileCount);
            Assert.Equal(CountCs(root, "SensorNode.Core") + CountCs(root, RefsFolder), check.ReferenceFileCount);
        }

        [Fact]
        public void Without_the_declarations_the_board_does_not_compile()
        {
            string root = RepoRoot();
            SourceSetCheck check = SourceSetCheck.OfFolders(
                new[] { Path.Combine(root, "SensorNode/Board") },
                root,
                IlRules.Equals,
                Path.Combine(root, "SensorNode.Core"));

            Assert.Contains(check.Violations, v => v.StartsWith("SensorNode/Board/Sensors/I2cBus.cs(", StringComparison.Ordinal) && v.Contains("error CS0234"));
        }

        [Fact]
        public void Declarations_that_do_not_compile_are_reported_with_their_file()
        {
            SourceSetCheck check = SourceSetCheck.OfSources(
                new[] { ("SensorNode/Board/Sample.cs", "public static class Sample { }") },
                IlRules.Equals,
                new[] { ("host/NanoFrameworkRefs/Broken/Broken.cs", "namespace Broken { public class Broken { public extern Missing Value { get; } } }") });

            string line = Assert.Single(check.Violations);
            Assert.StartsWith("host/NanoFrameworkRefs/Broken/Broken.cs(1,56): error CS0246 (reference declarations):", line);
        }

        private static SourceSetCheck CheckBoard(string source)
        {
            string root = RepoRoot();
            string refs = Path.Combine(root, RefsFolder);
            var declarations = Directory.GetFiles(refs, "*.cs", SearchOption.AllDirectories)
                .Select(f => (Path.GetRelativePath(root, f), File.ReadAllText(f)));
            return SourceSetCheck.OfSources(new[] { ("SensorNode/Board/Sample.cs", source) }, IlRules.Equals, declarations);
        }

        private static int CountCs(string root, string folder)
        {
            return Directory.GetFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
                .Count(f => !f.Replace('\\', '/').Contains("/bin/") && !f.Replace('\\', '/').Contains("/obj/"));
        }

        /// <summary>The checkout this test runs from: the first folder above the test binaries holding the refs.</summary>
        private static string RepoRoot()
        {
            DirectoryInfo directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !Directory.Exists(Path.Combine(directory.FullName, RefsFolder)))
            {
                directory = directory.Parent;
            }

            Assert.True(directory != null, "no " + RefsFolder + " above " + AppContext.BaseDirectory);
            return directory.FullName;
        }
    }
}
