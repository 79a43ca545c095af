using System.Net;
using System.Net.NetworkInformation;
using Iot.Device.DhcpServer;

namespace SensorNode.Board.Web
{
    /// <summary>
    /// Setup mode's own Wi-Fi network, as nanoFramework's samples/WiFiAP makes one: the ESP32's access point with the
    /// node's SSID and WPA2 password, its interface at <see cref="Address"/>/24, and a DHCP server handing out
    /// addresses there. The access point's settings live in the device's configuration block and take effect at
    /// the next boot, so the first setup boot saves them and restarts once.
    /// </summary>
    public sealed class SoftAccessPoint
    {
        /// <summary>The node's address on its access point: the setup page is http://192.168.4.1/.</summary>
        public const string Address = "192.168.4.1";
        private const string Mask = "255.255.255.0";

        // Enable is part of AutoStart's bits: the access point starts at every boot until it is switched off.
        private const WirelessAPConfiguration.ConfigurationOptions Running =
            WirelessAPConfiguration.ConfigurationOptions.Enable | WirelessAPConfiguration.ConfigurationOptions.AutoStart;

        private readonly NetworkInterface _ap = Interface();
        private DhcpServer _dhcp;

        /// <summary>Whether the board has an access point interface (every ESP32 with Wi-Fi has, and so does the virtual ESP32).</summary>
        public bool Exists
        {
            get { return _ap != null; }
        }

        /// <summary>
        /// Saves the access point as <paramref name="ssid"/> with <paramref name="password"/> (8 to 63 characters)
        /// unless it is already so; true when it was, false when it was saved now and runs only after a restart.
        /// </summary>
        public bool Configure(string ssid, string password)
        {
            WirelessAPConfiguration config = ConfigurationOf(_ap);
            if (config.Options == Running && config.Ssid == ssid && config.Password == password && _ap.IPv4Address == Address)
            {
                return true;
            }

            _ap.EnableStaticIPv4(Address, Mask, Address);
            config.Options = Running;
            config.Ssid = ssid;
            config.Password = password;
            config.Authentication = AuthenticationType.WPA2;
            config.MaxConnections = 1; // the one phone or laptop that fills in the page
            config.SaveConfiguration();
            return false;
        }

        /// <summary>Hands out addresses on the access point; false when the server could not open its sockets.</summary>
        public bool StartDhcp()
        {
            IPAddress address = IPAddress.Parse(Address);
            _dhcp = new DhcpServer();
            _dhcp.CaptivePortalUrl = "http://" + Address;
            _dhcp.Gateway = address; // as the ESP32's own DHCP server offers it: a phone keeps a network with a router
            return _dhcp.Start(address, IPAddress.Parse(Mask));
        }

        /// <summary>
        /// Switches the access point off from the next boot on (once the node is set up); true when it was on and is
        /// now stored off (read back, so that a block that does not keep the change never restarts the node in a loop).
        /// </summary>
        public bool SwitchOffFromNextBoot()
        {
            if (_ap == null)
            {
                return false;
            }

            // Off is any block without Enable: a freshly flashed ESP32's says Disable (0x01), not None.
            WirelessAPConfiguration config = ConfigurationOf(_ap);
            if ((config.Options & WirelessAPConfiguration.ConfigurationOptions.Enable) == 0)
            {
                return false;
            }

            config.Options = WirelessAPConfiguration.ConfigurationOptions.None;
            config.SaveConfiguration();
            return ConfigurationOf(_ap).Options == WirelessAPConfiguration.ConfigurationOptions.None;
        }

        private static NetworkInterface Interface()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.WirelessAP)
                {
                    return interfaces[i];
                }
            }

            return null;
        }

        private static WirelessAPConfiguration ConfigurationOf(NetworkInterface ap)
        {
            return WirelessAPConfiguration.GetAllWirelessAPConfigurations()[ap.SpecificConfigId];
        }
    }
}
