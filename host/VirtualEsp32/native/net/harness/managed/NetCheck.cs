// native/net in the real nanoCLR: the System.Net and System.Device.Wifi natives as the firmware's board layer and
// M2Mqtt use them, through the real libraries (System.Net 1.11.x, System.Device.Wifi 1.5.147). Built and run by
// ../managed.sh with the access point VESP32_WIFI_SSID=NetCheckLab / VESP32_WIFI_PASSWORD=right-password and the
// device's stored credentials wrong, so nothing is joined until the check joins. Prints one line per check and
// "netcheck: N failed" at the end (Console, as the firmware's SerialLog: Debug.WriteLine is compiled away without
// DEBUG). nanoFramework 1.x: no generics, no async.
using System;
using System.Device.Wifi;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using nanoFramework.Networking;

namespace NetCheck
{
    public static class Program
    {
        private const string Ssid = "NetCheckLab";
        private const string Password = "right-password";

        private static int _failures;
        private static int _addressChanges;
        private static int _availableEvents;

        public static void Main()
        {
            NetworkChange.NetworkAddressChanged += (sender, e) => _addressChanges++;
            NetworkChange.NetworkAvailabilityChanged += (sender, e) => { if (e.IsAvailable) { _availableEvents++; } };

            try
            {
                CheckInterfaceBeforeJoining();
                CheckAdapterAnswers();
                CheckWrongPasswordTimesOut();
                CheckJoin();
                CheckDns();
                CheckTcpBetweenTwoManagedThreads();
                CheckRefused();
                CheckUdp();
            }
            catch (Exception ex)
            {
                Check(false, "no exception escapes: " + ex.GetType().FullName + ": " + ex.Message);
            }

            Console.WriteLine("netcheck: " + _failures.ToString() + " failed");
        }

        private static void Check(bool passed, string what)
        {
            Console.WriteLine((passed ? "pass: " : "FAIL: ") + what);
            if (!passed)
            {
                _failures++;
            }
        }

        private static NetworkInterface Wireless()
        {
            NetworkInterface[] all = NetworkInterface.GetAllNetworkInterfaces();
            Check(all.Length == 1 && all[0].NetworkInterfaceType == NetworkInterfaceType.Wireless80211, "one Wireless80211 interface");
            return all[0];
        }

        private static void CheckInterfaceBeforeJoining()
        {
            NetworkInterface wireless = Wireless();
            byte[] mac = wireless.PhysicalAddress;
            Check(mac != null && mac.Length == 6 && mac[0] == 0x24 && mac[3] == 0xa1 && mac[4] == 0xb2 && mac[5] == 0xc3,
                "its MAC is VESP32_MAC's (the firmware's node id a1b2c3)");
            Check(wireless.IsDhcpEnabled, "DHCP is enabled");
            Check(wireless.IPv4Address == "0.0.0.0", "no address yet (the stored password is wrong): " + wireless.IPv4Address);
            Check(!NetworkInterface.GetIsNetworkAvailable(), "network not available yet");
        }

        private static void CheckAdapterAnswers()
        {
            WifiAdapter adapter = WifiAdapter.FindAllAdapters()[0];
            Check(adapter.Connect("SomeoneElses", WifiReconnectionKind.Manual, Password).ConnectionStatus == WifiConnectionStatus.NetworkNotAvailable,
                "WifiAdapter.Connect to another SSID: NetworkNotAvailable");
            Check(adapter.Connect(Ssid, WifiReconnectionKind.Manual, "wrong-password").ConnectionStatus == WifiConnectionStatus.InvalidCredential,
                "WifiAdapter.Connect with a wrong password: InvalidCredential");

            adapter.ScanAsync();
            WifiAvailableNetwork[] found = adapter.NetworkReport.AvailableNetworks;
            Check(found.Length == 1 && found[0].Ssid == Ssid, "a scan finds the one access point");
        }

        private static void CheckWrongPasswordTimesOut()
        {
            CancellationTokenSource timeout = new CancellationTokenSource(3000);
            bool joined = WifiNetworkHelper.ConnectDhcp(Ssid, "wrong-password", WifiReconnectionKind.Automatic, false, 0, timeout.Token);
            Check(!joined && WifiNetworkHelper.Status == NetworkHelperStatus.TokenExpiredWaitingIPAddress,
                "ConnectDhcp with a wrong password fails when its token expires (status " + ((int)WifiNetworkHelper.Status).ToString() + ")");
            timeout.Dispose();
            WifiNetworkHelper.Reset();
        }

        private static void CheckJoin()
        {
            CancellationTokenSource timeout = new CancellationTokenSource(10000);
            bool joined = WifiNetworkHelper.ConnectDhcp(Ssid, Password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
            timeout.Dispose();
            Check(joined, "ConnectDhcp with the access point's SSID and password joins");

            NetworkInterface wireless = Wireless();
            Check(wireless.IPv4Address == "127.0.0.1", "the interface has the loopback address: " + wireless.IPv4Address);
            Check(NetworkInterface.GetIsNetworkAvailable(), "network available");
            Check(Wireless80211Configuration.GetAllWireless80211Configurations()[0].Password == Password,
                "the helper stored the new credentials in the Wi-Fi configuration block");
            Thread.Sleep(100); // events are dispatched on their own thread
            Check(_availableEvents > 0 && _addressChanges > 0, "NetworkAvailabilityChanged and NetworkAddressChanged were raised");
        }

        private static void CheckDns()
        {
            IPHostEntry localhost = Dns.GetHostEntry("localhost");
            Check(localhost.AddressList.Length == 1 && localhost.AddressList[0].ToString() == "127.0.0.1",
                "Dns.GetHostEntry(\"localhost\") is 127.0.0.1");

            IPHostEntry literal = Dns.GetHostEntry("127.0.0.1");
            Check(literal.AddressList[0].Equals(IPAddress.Loopback), "an address literal resolves to itself");

            try
            {
                Dns.GetHostEntry("no-such-host.invalid");
                Check(false, "an unknown name throws");
            }
            catch (SocketException ex)
            {
                Check(ex.ErrorCode == 10022, "an unknown name throws SocketException 10022, as on an ESP32 (got " + ex.ErrorCode.ToString() + ")");
            }
        }

        private static Socket _listener;
        private static string _serverGot;

        // The server side runs on a second managed thread: both wait on sockets on the runtime's one OS thread.
        private static void Serve()
        {
            Socket client = _listener.Accept();
            byte[] buffer = new byte[64];
            int received = client.Receive(buffer);
            _serverGot = Encoding.UTF8.GetString(buffer, 0, received);
            client.Send(Encoding.UTF8.GetBytes("pong:" + _serverGot));
            client.Close();
        }

        private static void CheckTcpBetweenTwoManagedThreads()
        {
            _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(1);
            int port = ((IPEndPoint)_listener.LocalEndPoint).Port;
            Check(port > 0, "a listener on a port of the host's choosing: " + port.ToString());
            Thread server = new Thread(Serve);
            server.Start();

            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(new IPEndPoint(Dns.GetHostEntry("localhost").AddressList[0], port));
            Check(((IPEndPoint)socket.RemoteEndPoint).Port == port, "connected to it through localhost");
            socket.Send(Encoding.UTF8.GetBytes("ping"));

            Check(socket.Poll(5000000, SelectMode.SelectRead), "Poll(SelectRead) sees the answer coming (as M2Mqtt's receive thread waits)");
            byte[] buffer = new byte[64];
            int received = socket.Receive(buffer);
            Check(Encoding.UTF8.GetString(buffer, 0, received) == "pong:ping", "the other managed thread got 'ping' and answered");
            Check(socket.Receive(buffer) == 0, "then the server closed: Receive gives 0");
            socket.Close();
            server.Join();
            _listener.Close();
            Check(_serverGot == "ping", "the server thread saw 'ping'");
        }

        private static void CheckRefused()
        {
            Socket probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            int unused = ((IPEndPoint)probe.LocalEndPoint).Port;
            probe.Close();

            Socket socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Connect(new IPEndPoint(IPAddress.Loopback, unused));
                Check(false, "connecting to a port nobody listens on throws");
            }
            catch (SocketException ex)
            {
                Check(ex.ErrorCode == (int)SocketError.ConnectionRefused, "connecting to a port nobody listens on: ConnectionRefused (" + ex.ErrorCode.ToString() + ")");
            }
            socket.Close();
        }

        private static void CheckUdp()
        {
            Socket receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            IPEndPoint to = (IPEndPoint)receiver.LocalEndPoint;

            Socket sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            sender.SendTo(Encoding.UTF8.GetBytes("datagram"), to);

            byte[] buffer = new byte[64];
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int received = receiver.ReceiveFrom(buffer, ref from);
            Check(Encoding.UTF8.GetString(buffer, 0, received) == "datagram" && ((IPEndPoint)from).Address.ToString() == "127.0.0.1",
                "a UDP datagram from 127.0.0.1");
            sender.Close();
            receiver.Close();
        }
    }
}
