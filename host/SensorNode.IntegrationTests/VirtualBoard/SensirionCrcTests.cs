using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>The CRC-8 both Sensirion chips put after every word, against the datasheets.</summary>
    public class SensirionCrcTests
    {
        [Fact]
        public void Crc_MatchesTheDatasheetExample()
        {
            // The SHT3x and SCD4x datasheets' checksum example: CRC(0xBEEF) = 0x92.
            Assert.Equal(0x92, SensirionCrc.Of(new byte[] { 0xBE, 0xEF }));
            Assert.Equal(0x92, SensirionCrc.Of((ushort)0xBEEF));
        }

        [Fact]
        public void Crc_OfNothing_IsTheInitialValue()
        {
            Assert.Equal(0xFF, SensirionCrc.Of(System.ReadOnlySpan<byte>.Empty));
        }

        [Fact]
        public void WriteWord_PutsTheWordMostSignificantByteFirst_ThenItsCrc()
        {
            byte[] bytes = new byte[4];

            SensirionCrc.WriteWord(bytes, 0xBEEF);

            Assert.Equal(new byte[] { 0xBE, 0xEF, 0x92, 0x00 }, bytes);
        }

        [Fact]
        public void EveryFlippedBit_IsCaught()
        {
            // A CRC-8 finds every single-bit error in a word: flip each of the 24 bits of word + CRC in turn.
            byte[] good = new byte[3];
            SensirionCrc.WriteWord(good, 0x6667);
            Assert.True(SensirionCrc.IsValidWord(good));

            for (int bit = 0; bit < 24; bit++)
            {
                byte[] corrupted = (byte[])good.Clone();
                corrupted[bit / 8] ^= (byte)(1 << (bit % 8));

                Assert.False(SensirionCrc.IsValidWord(corrupted), $"bit {bit} flipped went unnoticed");
            }
        }
    }
}
