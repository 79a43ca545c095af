using Xunit;

namespace SensorNode.VirtualBoard.Tests
{
    /// <summary>What the board says to requests it cannot take: an "err" line naming the problem, and it keeps serving.</summary>
    public sealed class ProtocolTests
    {
        [Theory]
        [InlineData("bogus", "err unknown request \"bogus\"")]
        [InlineData("", "err empty request")]
        [InlineData("i2c 1 76 zz 1", "err 'zz' is not bytes in hex in \"i2c 1 76 zz 1\"")]
        [InlineData("i2c 1 80 d0 1", "err address '80' is not 7-bit hex in \"i2c 1 80 d0 1\"")]
        [InlineData("i2c 1 76 d0", "err 4 words expected after 'i2c', got 3 in \"i2c 1 76 d0\"")]
        [InlineData("gpio mode 26 8", "err pin mode '8' is not a whole number from 0 to 7 in \"gpio mode 26 8\"")]
        [InlineData("gpio write 26 2", "err level '2' is not 0 or 1 in \"gpio write 26 2\"")]
        [InlineData("pwm set 32 1000 10001 1", "err duty '10001' is not a whole number from 0 to 10000 in \"pwm set 32 1000 10001 1\"")]
        [InlineData("fail bme280 melt", "err fault 'melt' is not nack, stuck or hang in \"fail bme280 melt\"")]
        [InlineData("fail sht3x nack", "err no chip 'sht3x' on the bus (bme280 at 0x76)")]
        [InlineData("get output pump", "err no output 'pump' in the board profile")]
        public void ABadRequestIsRefusedAndTheConnectionServesOn(string request, string reply)
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);

            Assert.Equal(reply, device.Ask(request));
            Assert.Equal("ok 1 2 60", device.Ask("i2c 1 76 d0 1"));
        }

        [Fact]
        public void HelloDescribesTheBoardFromItsProfile()
        {
            using HostedBoard board = new HostedBoard("bme280,scd4x");
            using BoardConnection observer = new BoardConnection(board.Address);

            Assert.Equal(
                "ok I2C bus 1: bme280 at 0x76, scd4x at 0x62; outputs relay (GPIO26, active low), relay2 (GPIO27, active low), led (GPIO25), strip (PWM on GPIO32)",
                observer.Ask("hello observer"));
            Assert.Equal("ok bme280@0x76,scd4x@0x62", observer.Ask("get chips"));
        }
    }
}
