// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Net v1.11.54 (the newest tag in the mirror; 1.11.60 is pinned): nanoFramework.System.Net/NetworkInformation/NetworkInterface.cs
namespace System.Net.NetworkInformation
{
    public class NetworkInterface // :19
    {
        protected extern NetworkInterface(int interfaceIndex); // :72 (declared so C# adds no public constructor)

        public static extern bool GetIsNetworkAvailable(); // :66

        public static extern NetworkInterface[] GetAllNetworkInterfaces(); // :91

        public extern void EnableStaticIPv4(string ipv4Address, string ipv4SubnetMask, string ipv4GatewayAddress); // :125

        public extern string IPv4Address { get; } // :345

        public extern byte[] PhysicalAddress { get; set; } // :437

        public extern NetworkInterfaceType NetworkInterfaceType { get; } // :457

        public extern uint SpecificConfigId { get; set; } // :468
    }
}
