using System;
using System.Device.Wifi;
using SensorNode.Core.Board;

namespace SensorNode.Board.Web
{
    /// <summary>
    /// The Wi-Fi networks the setup page lists. The page asks every 2 s and must not wait for a scan (a few seconds
    /// on the ESP32), so this answers with the last scan's networks, strongest first, and starts a new scan when the
    /// last one is older than <see cref="RescanAfterMs"/>; System.Device.Wifi reports its end by an event.
    /// </summary>
    public sealed class WifiScanner : IWifiScanner
    {
        public const int RescanAfterMs = 15000;

        private readonly object _sync = new object();
        private readonly IClock _clock;
        private readonly ILog _log;
        private WifiAdapter _adapter;
        private string[] _seen = new string[0];
        private long _scannedAtMs = -RescanAfterMs;

        public WifiScanner(IClock clock, ILog log)
        {
            _clock = clock;
            _log = log;
        }

        public string[] VisibleNetworks()
        {
            lock (_sync)
            {
                long now = _clock.UptimeMs;
                if (now - _scannedAtMs >= RescanAfterMs)
                {
                    _scannedAtMs = now;
                    StartScan();
                }

                return _seen;
            }
        }

        private void StartScan()
        {
            try
            {
                if (_adapter == null)
                {
                    WifiAdapter[] adapters = WifiAdapter.FindAllAdapters();
                    if (adapters.Length == 0)
                    {
                        return;
                    }

                    _adapter = adapters[0];
                    _adapter.AvailableNetworksChanged += OnScanned;
                }

                _adapter.ScanAsync();
            }
            catch (Exception ex)
            {
                _log.Warn("Wi-Fi scan: " + ex.Message);
            }
        }

        private void OnScanned(WifiAdapter sender, object e)
        {
            string[] names = StrongestFirst(sender.NetworkReport.AvailableNetworks);
            lock (_sync)
            {
                _seen = names;
            }
        }

        /// <summary>Each named network once (its strongest access point), by signal; hidden ones (no name) left out.</summary>
        private static string[] StrongestFirst(WifiAvailableNetwork[] networks)
        {
            WifiAvailableNetwork[] sorted = new WifiAvailableNetwork[networks.Length];
            for (int i = 0; i < networks.Length; i++)
            {
                int at = i;
                while (at > 0 && sorted[at - 1].NetworkRssiInDecibelMilliwatts < networks[i].NetworkRssiInDecibelMilliwatts)
                {
                    sorted[at] = sorted[at - 1];
                    at--;
                }

                sorted[at] = networks[i];
            }

            string[] names = new string[sorted.Length];
            int count = 0;
            for (int i = 0; i < sorted.Length; i++)
            {
                string ssid = sorted[i].Ssid;
                if (ssid != null && ssid.Length > 0 && IndexOf(names, count, ssid) < 0)
                {
                    names[count++] = ssid;
                }
            }

            string[] result = new string[count];
            Array.Copy(names, result, count);
            return result;
        }

        private static int IndexOf(string[] names, int count, string name)
        {
            for (int i = 0; i < count; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
