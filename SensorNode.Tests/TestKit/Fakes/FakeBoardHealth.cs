using SensorNode.Core.Board;

namespace SensorNode.Tests.Fakes
{
    /// <summary>A board that knows all of its health; set a field to null, -1 or <see cref="KnowsRssi"/> false for "unknown".</summary>
    public sealed class FakeBoardHealth : IBoardHealth
    {
        public bool KnowsRssi = true;
        public int Rssi = -61;
        public string Ip = "192.168.1.23";
        public long FreeHeap = 48211;
        public long LargestBlock = 30000;
        public string Reset = "power on";

        public bool TryGetRssi(out int dbm)
        {
            dbm = KnowsRssi ? Rssi : 0;
            return KnowsRssi;
        }

        public string IpAddress
        {
            get { return Ip; }
        }

        public long FreeHeapBytes
        {
            get { return FreeHeap; }
        }

        public long LargestFreeBlockBytes
        {
            get { return LargestBlock; }
        }

        public string ResetReason
        {
            get { return Reset; }
        }
    }
}
