using System;
using System.Collections;
using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>A clock the test moves by hand.</summary>
    public sealed class FakeClock : IClock
    {
        public long Now;
        public bool TimeKnown;
        public DateTime Utc = new DateTime(2026, 11, 24, 8, 30, 15);

        public long UptimeMs
        {
            get { return Now; }
        }

        public bool TryGetUtcNow(out DateTime utcNow)
        {
            utcNow = Utc.AddTicks(Now * TimeSpan.TicksPerMillisecond);
            return TimeKnown;
        }
    }

    /// <summary>Records every level written, like a logic analyser on the pin.</summary>
    public sealed class FakeOutput : IDigitalOutput
    {
        public readonly ArrayList Writes = new ArrayList();
        public bool IsOn;

        public void Write(bool on)
        {
            IsOn = on;
            Writes.Add(on);
        }
    }

    public sealed class MemorySettingsStore : ISettingsStore
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _contents = new ArrayList();
        public bool FailWrites;
        public int SaveCount;

        public byte[] Load(string name)
        {
            int index = _names.IndexOf(name);
            return index < 0 ? null : (byte[])_contents[index];
        }

        public bool Save(string name, byte[] data)
        {
            if (FailWrites)
            {
                return false;
            }

            SaveCount++;
            int index = _names.IndexOf(name);
            if (index < 0)
            {
                _names.Add(name);
                _contents.Add(data);
            }
            else
            {
                _contents[index] = data;
            }

            return true;
        }
    }

    public sealed class FakeNetwork : INetwork
    {
        public string AcceptedSsid;
        public string JoinedSsid;
        public int ConnectCount;

        public bool IsUp { get; private set; }

        public string LastError { get; private set; }

        /// <summary>Joins any SSID unless <see cref="AcceptedSsid"/> is set, then only that one.</summary>
        public bool Connect(string ssid, string password)
        {
            ConnectCount++;
            IsUp = AcceptedSsid == null || AcceptedSsid == ssid;
            JoinedSsid = IsUp ? ssid : null;
            LastError = IsUp ? null : "no network named " + ssid;
            return IsUp;
        }
    }

    public sealed class ListLog : ILog
    {
        public readonly ArrayList Lines = new ArrayList();

        public void Info(string message)
        {
            Lines.Add("INFO " + message);
        }

        public void Warn(string message)
        {
            Lines.Add("WARN " + message);
        }

        public void Error(string message)
        {
            Lines.Add("ERROR " + message);
        }

        public bool Contains(string text)
        {
            foreach (string line in Lines)
            {
                if (line.IndexOf(text) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
