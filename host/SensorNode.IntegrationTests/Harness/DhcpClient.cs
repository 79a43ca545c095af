using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>What a DHCP server handed out: the address and the options a phone joining the access point uses.</summary>
    public sealed class DhcpLease
    {
        public IPAddress Address { get; init; }

        public IPAddress Server { get; init; }

        public IPAddress Mask { get; init; }

        public IPAddress Router { get; init; }

        /// <summary>RFC 8910's captive portal URI (option 114), or null.</summary>
        public string CaptivePortal { get; init; }
    }

    /// <summary>
    /// A phone joining the node's access point asks for an address as RFC 2131 says (DISCOVER, OFFER, REQUEST, ACK), on
    /// the host ports that stand for UDP 67 (the node's server) and 68 (where its broadcast answers arrive): run.sh
    /// --dhcp and --dhcp-client.
    /// </summary>
    public static class DhcpClient
    {
        private const byte Discover = 1, Offer = 2, Request = 3, Ack = 5;
        private static readonly byte[] MagicCookie = { 99, 130, 83, 99 };

        public static DhcpLease Lease(int serverPort, int clientPort, byte[] mac, TimeSpan timeout)
        {
            using UdpClient phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, clientPort));
            IPEndPoint server = new IPEndPoint(IPAddress.Loopback, serverPort);
            uint transaction = (uint)Random.Shared.Next();

            Send(phone, server, Message(Discover, transaction, mac, null, null));
            Dictionary<byte, byte[]> offer = Receive(phone, transaction, Offer, timeout, out IPAddress offered);

            IPAddress serverId = new IPAddress(offer[54]);
            Send(phone, server, Message(Request, transaction, mac, offered, serverId));
            Dictionary<byte, byte[]> ack = Receive(phone, transaction, Ack, timeout, out IPAddress address);
            return new DhcpLease
            {
                Address = address,
                Server = new IPAddress(ack[54]),
                Mask = ack.TryGetValue(1, out byte[] mask) ? new IPAddress(mask) : null,
                Router = ack.TryGetValue(3, out byte[] router) ? new IPAddress(router[..4]) : null,
                CaptivePortal = ack.TryGetValue(114, out byte[] portal) ? Encoding.ASCII.GetString(portal) : null,
            };
        }

        private static void Send(UdpClient phone, IPEndPoint server, byte[] message)
        {
            phone.Send(message, message.Length, server);
        }

        /// <summary>A BOOTREQUEST: the fixed 236 bytes, the cookie, message type, requested address and server id.</summary>
        private static byte[] Message(byte type, uint transaction, byte[] mac, IPAddress requested, IPAddress serverId)
        {
            List<byte> message = new List<byte>(new byte[236]);
            message[0] = 1; // BOOTREQUEST
            message[1] = 1; // Ethernet
            message[2] = 6; // hardware address length
            for (int i = 0; i < 4; i++)
            {
                message[4 + i] = (byte)(transaction >> (24 - 8 * i)); // xid, network order
            }

            message[10] = 0x80; // answer by broadcast: the phone has no address yet
            for (int i = 0; i < 6; i++)
            {
                message[28 + i] = mac[i];
            }

            message.AddRange(MagicCookie);
            message.AddRange(new byte[] { 53, 1, type });
            if (requested != null)
            {
                message.AddRange(new byte[] { 50, 4 });
                message.AddRange(requested.GetAddressBytes());
            }

            if (serverId != null)
            {
                message.AddRange(new byte[] { 54, 4 });
                message.AddRange(serverId.GetAddressBytes());
            }

            message.AddRange(new byte[] { 55, 4, 1, 3, 6, 114 }); // mask, router, DNS, captive portal
            message.Add(255);
            return message.ToArray();
        }

        /// <summary>The answer of <paramref name="type"/> to this transaction: its options, and yiaddr.</summary>
        private static Dictionary<byte, byte[]> Receive(UdpClient phone, uint transaction, byte type, TimeSpan timeout, out IPAddress yourAddress)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                int left = (int)(deadline - DateTime.UtcNow).TotalMilliseconds;
                if (left <= 0)
                {
                    throw new TimeoutException("no DHCP answer of type " + type + " within " + timeout.TotalSeconds + " s");
                }

                phone.Client.ReceiveTimeout = left;
                IPEndPoint from = null;
                byte[] answer;
                try
                {
                    answer = phone.Receive(ref from);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
                {
                    continue;
                }

                if (answer.Length < 240 || answer[0] != 2 || (uint)IPAddress.NetworkToHostOrder(BitConverter.ToInt32(answer, 4)) != transaction)
                {
                    continue; // not a BOOTREPLY to us
                }

                Dictionary<byte, byte[]> options = Options(answer);
                if (options.TryGetValue(53, out byte[] kind) && kind[0] == type)
                {
                    yourAddress = new IPAddress(answer[16..20]);
                    return options;
                }
            }
        }

        private static Dictionary<byte, byte[]> Options(byte[] message)
        {
            Dictionary<byte, byte[]> options = new Dictionary<byte, byte[]>();
            int at = 240;
            while (at < message.Length && message[at] != 255)
            {
                if (message[at] == 0)
                {
                    at++;
                    continue;
                }

                int length = message[at + 1];
                options[message[at]] = message[(at + 2)..(at + 2 + length)];
                at += 2 + length;
            }

            return options;
        }
    }
}
