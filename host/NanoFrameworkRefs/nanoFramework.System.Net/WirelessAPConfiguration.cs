// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/NetworkInformation/WirelessAPConfiguration.cs
namespace System.Net.NetworkInformation
{
    public class WirelessAPConfiguration // :17
    {
        public extern WirelessAPConfiguration(uint id); // :104

        public extern AuthenticationType Authentication { get; set; } // :56

        public extern string Password { get; set; } // :71

        public extern string Ssid { get; set; } // :76

        public extern ConfigurationOptions Options { get; set; } // :81

        public extern byte MaxConnections { get; set; } // :91

        public extern void SaveConfiguration(); // :130

        public static extern WirelessAPConfiguration[] GetAllWirelessAPConfigurations(); // :185

        [Flags]
        public enum ConfigurationOptions : byte // :231
        {
            None = 0, // :236
            Enable = 0x02, // :247
            AutoStart = 0x04 | Enable, // :253
        }
    }
}
