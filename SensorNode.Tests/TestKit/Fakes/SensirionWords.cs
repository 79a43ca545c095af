using SensorNode.Core.Sensors.Sensirion;

namespace SensorNode.Tests.Fakes
{
    /// <summary>Writes 16-bit words with their CRC, as Sensirion chips answer.</summary>
    public static class SensirionWords
    {
        public static void Put(byte[] into, int index, int word)
        {
            into[index * 3] = (byte)(word >> 8);
            into[index * 3 + 1] = (byte)word;
            into[index * 3 + 2] = SensirionCrc.Of((byte)(word >> 8), (byte)word);
        }
    }
}
