// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/nanoFramework.IoT.Device HEAD 122ebb1 (no tags; last DhcpServer.cs change 1586ae9, Oct 28 2025; 1.2.987 is pinned, as nanoframework/Samples WiFiAP pins it with System.Net 1.11.60, docs/board-apis.md): devices/DhcpServer/DhcpServer.cs
// No constructor in the source: C#'s implicit public one is the real one. IDisposable: the board keeps its server for the boot.
using System.Net;

namespace Iot.Device.DhcpServer
{
    public class DhcpServer // :18
    {
        public extern string CaptivePortalUrl { get; set; } // :42

        public extern IPAddress Gateway { get; set; } // :86

        public extern bool Start(IPAddress address, IPAddress mask, ushort timeToLeave = 1200); // :116
    }
}
