using System;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using SensorNode.Core.Board;

namespace SensorNode.HostBoard
{
    /// <summary>
    /// What a PC can say of the simulated node's health: the first IPv4 address of an interface that is up, and
    /// "process start" as the reset reason. A PC has no Wi-Fi RSSI for the node, no node heap and no largest free block.
    /// </summary>
    public sealed class HostHealth : IBoardHealth
    {
        public const string ProcessStart = "process start";

        public bool TryGetRssi(out int dbm)
        {
            dbm = 0;
            return false;
        }

        public string IpAddress
        {
            get
            {
                try
                {
                    foreach (NetworkInterface nic in NetworkInterface.GetAllNetworkInterfaces())
                    {
                        if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
                        {
                            continue;
                        }

                        foreach (UnicastIPAddressInformation address in nic.GetIPProperties().UnicastAddresses)
                        {
                            if (address.Address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address.Address))
                            {
                                return address.Address.ToString();
                            }
                        }
                    }
                }
                catch (NetworkInformationException)
                {
                    // a sandbox without interface information: unknown
                }

                return null;
            }
        }

        /// <summary>
        /// Unknown (-1): what a PC's garbage collector may still use (tens of GB) says nothing of a node's heap, so the
        /// simulator reports none (diag null, no Home Assistant entity) rather than a number that looks like one.
        /// </summary>
        public long FreeHeapBytes => -1;

        public long LargestFreeBlockBytes => -1;

        public string ResetReason => ProcessStart;
    }
}
