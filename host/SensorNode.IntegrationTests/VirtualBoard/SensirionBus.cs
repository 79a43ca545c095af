using System;
using System.Device.I2c;
using SensorNode.HostBoard.I2c;
using Xunit;

namespace SensorNode.IntegrationTests.VirtualBoard
{
    /// <summary>Sensirion command access the way a driver does it over I2C: a command write, later a read of words.</summary>
    internal static class SensirionBus
    {
        public static void Send(I2cDevice chip, ushort command, params ushort[] arguments)
        {
            byte[] bytes = new byte[2 + (arguments.Length * 3)];
            bytes[0] = (byte)(command >> 8);
            bytes[1] = (byte)command;
            for (int i = 0; i < arguments.Length; i++)
            {
                SensirionCrc.WriteWord(bytes.AsSpan(2 + (i * 3)), arguments[i]);
            }

            chip.Write(bytes);
        }

        /// <summary>Reads words, asserting that each one's CRC is right.</summary>
        public static ushort[] ReadWords(I2cDevice chip, int count)
        {
            byte[] bytes = new byte[count * 3];
            chip.Read(bytes);
            ushort[] words = new ushort[count];
            for (int i = 0; i < count; i++)
            {
                Assert.True(SensirionCrc.IsValidWord(bytes.AsSpan(i * 3, 3)), $"word {i} has a wrong CRC: {Convert.ToHexString(bytes)}");
                words[i] = (ushort)((bytes[i * 3] << 8) | bytes[(i * 3) + 1]);
            }

            return words;
        }
    }
}
