using System.Text;
using SensorNode.HostBoard;
using Xunit;

namespace SensorNode.IntegrationTests.Simulator
{
    /// <summary>The simulator's console shows what crosses the link; it must not obey it or leak secrets.</summary>
    public class ConsoleTextTests
    {
        [Fact]
        public void Terminal_escape_sequences_are_shown_not_obeyed()
        {
            string shown = Show("\u001b]0;pwned\u0007\u001b[2Jhello\r\n");

            Assert.Equal("\\x1b]0;pwned\\x07\\x1b[2Jhello\\x0d\\x0a", shown);
            Assert.DoesNotContain('\u001b', shown);
        }

        [Fact]
        public void Secrets_of_a_config_are_masked()
        {
            string shown = Show("{\"wifi_ssid\":\"lan\",\"wifi_password\":\"hunter2-\\\"quoted\\\"\",\"broker_password\" : \"s3cret\"}");

            Assert.Equal("{\"wifi_ssid\":\"lan\",\"wifi_password\":\"***\",\"broker_password\":\"***\"}", shown);
        }

        [Fact]
        public void A_secret_key_written_with_escapes_is_masked_by_its_decoded_name()
        {
            string shown = Show("{\"wifi_pass\\u0077ord\":\"hunter22\",\"broker\\u005fpassword\":\"s3cret\",\"wifi_ssid\":\"lan\"}");

            Assert.Equal("{\"wifi_password\":\"***\",\"broker_password\":\"***\",\"wifi_ssid\":\"lan\"}", shown);
        }

        [Fact]
        public void A_long_payload_is_cut_with_its_length_shown()
        {
            string shown = Show(new string('x', 1_000_000));

            Assert.Equal(ConsoleText.MaxShownChars + "… (1000000 bytes)".Length, shown.Length);
            Assert.EndsWith("… (1000000 bytes)", shown);
        }

        [Fact]
        public void Invalid_utf8_shows_as_replacement_characters()
        {
            Assert.Equal("O\uFFFD\uFFFDN", ConsoleText.Payload(new byte[] { (byte)'O', 0xC0, 0x80, (byte)'N' }, 4));
        }

        private static string Show(string payload)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(payload);
            return ConsoleText.Payload(bytes, bytes.Length);
        }
    }
}
