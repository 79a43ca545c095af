using SensorNode.Core.Board;

namespace SensorNode.Board.Esp32
{
    /// <summary>
    /// Draws from the ESP32's hardware random number generator through the core's <see cref="RuntimeNonceSource"/>
    /// (nanoFramework's unseeded System.Random.NextBytes is esp_random() on the ESP32). For secrets such as the web
    /// password, which must not follow from the node id or the time of boot as the core's seeded SystemRandom would.
    /// </summary>
    public sealed class HardwareRandom : IRandom
    {
        private readonly RuntimeNonceSource _source = new RuntimeNonceSource();
        private readonly byte[] _bytes = new byte[4];

        public int Next(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                return 0;
            }

            _source.Fill(_bytes);
            uint value = (uint)(_bytes[0] | (_bytes[1] << 8) | (_bytes[2] << 16) | (_bytes[3] << 24));
            return (int)(value % (uint)maxExclusive); // 32 symbols, as the web password's alphabet has: exactly uniform
        }
    }
}
