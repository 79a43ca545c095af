using System.Collections.Generic;
using System.Linq;
using SensorNode.Board.Profiles;
using SensorNode.Core.Actuators;
using Xunit;

namespace SensorNode.VirtualBoard.Tests
{
    /// <summary>GPIO levels and PWM duty as the device's natives send them: recorded, shown, and read back by tests.</summary>
    public sealed class PinTests
    {
        [Fact]
        public void TheRelaysPinIsRecordedAndShownWithItsLoad()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);
            List<PinChange> changes = new List<PinChange>();
            board.Pins.Changed += changes.Add;

            // What GpioOutput does for the active-low relay on GPIO26: open as an output (low), then write its level.
            Assert.Equal("ok", device.Ask("gpio mode 26 3"));
            Assert.True(board.Pins.Pin(26).IsOutput);
            Assert.False(board.Pins.Pin(26).High);
            Assert.True(board.Pins.IsOn("relay"));
            Assert.Equal("ok", device.Ask("gpio write 26 1"));

            Assert.True(board.Pins.Pin(26).High);
            Assert.False(board.Pins.IsOn("relay"));
            Assert.Equal("ok 3 1", device.Ask("get pin 26"));
            Assert.Equal("ok 0", device.Ask("get output relay"));
            Assert.Equal(new[] { "pin 26 -> LOW (relay ON)", "pin 26 -> HIGH (relay OFF)" }, changes.Select(c => c.Line));
            Assert.True(changes[1].Timestamp >= changes[0].Timestamp);
            Assert.Equal(changes.Select(c => c.Line), board.Lines.Where(l => l.StartsWith("pin ")));
        }

        [Fact]
        public void AWriteThatChangesNothingPrintsNothing()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);
            device.Ask("gpio mode 25 3");
            device.Ask("gpio write 25 1");

            Assert.Equal("ok", device.Ask("gpio write 25 1"));

            Assert.Equal(new[] { "pin 25 -> LOW (led OFF)", "pin 25 -> HIGH (led ON)" }, board.Lines.Where(l => l.StartsWith("pin ")));
        }

        [Fact]
        public void OnlyAnOpenOutputCanBeWritten()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);

            Assert.StartsWith("err ", device.Ask("gpio write 26 0"));
            device.Ask("gpio mode 26 0");
            Assert.StartsWith("err ", device.Ask("gpio write 26 0"));

            Assert.False(board.Pins.IsOn("relay"));
        }

        [Fact]
        public void TheDimmersDutyIsRecordedAndShownWithItsLevel()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);

            // What PwmOutput does on GPIO32: a 1 kHz channel at the initial level, started; then a command's level.
            Assert.Equal("ok", device.Ask("pwm set 32 1000 0 1"));
            Assert.Equal("ok", device.Ask("pwm set 32 1000 4000 1"));

            Assert.Equal(new PwmState(32, true, 1000, 4000, true), board.Pins.Pwm(32));
            Assert.Equal(0.4, board.Pins.Pwm(32).DutyCycle);
            Assert.Equal(40, board.Pins.Level("strip"));
            Assert.Equal("ok 1000 4000 1", device.Ask("get pwm 32"));
            Assert.Equal("ok 40", device.Ask("get output strip"));
            Assert.Contains("pwm pin 32 duty 40% at 1000 Hz (strip at 40 %)", board.Lines);
        }

        [Fact]
        public void AServosPulseIsShownAsItsAngleAndNoPulseAsNone()
        {
            List<string> lines = new List<string>();
            BoardPins pins = new BoardPins(new BoardProfile { Outputs = new[] { OutputSpec.Servo("arm", 33, 90, 90) } }, lines.Add);

            // What PwmOutput does for a servo: 50 Hz, 1.5 ms of 20 ms at 90°; then the signal stops.
            pins.SetPwm(33, 50, 750, true);
            pins.SetPwm(33, 50, 750, false);

            Assert.Equal(new[] { "pwm pin 33 duty 7.5% at 50 Hz (arm at 90°)", "pwm pin 33 stopped (arm at duty 0 %: not a servo value)" }, lines);
            Assert.Equal(-1, pins.Level("arm"));
        }

        [Fact]
        public void AStoppedPwmSignalIdlesLow()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);
            device.Ask("pwm set 32 1000 4050 1");

            Assert.Equal("ok", device.Ask("pwm set 32 1000 4050 0"));

            Assert.Equal(0, board.Pins.Level("strip"));
            Assert.Equal(new[] { "pwm pin 32 duty 40.5% at 1000 Hz (strip at 41 %)", "pwm pin 32 stopped (strip at 0 %)" }, board.Lines.Where(l => l.StartsWith("pwm ")));
        }

        [Fact]
        public void WhenTheDeviceGoesItsPinsAreReleasedAndItsLoadsOff()
        {
            using HostedBoard board = new HostedBoard();
            using (BoardConnection device = BoardConnection.Device(board.Address))
            {
                device.Ask("gpio mode 26 3");
                device.Ask("pwm set 32 1000 5000 1");
                Assert.True(board.Pins.IsOn("relay"));
            }

            Assert.True(HostedBoard.Eventually(() => !board.Pins.Pin(26).Open && !board.Pins.Pwm(32).Open));
            Assert.False(board.Pins.IsOn("relay"));
            Assert.Equal(0, board.Pins.Level("strip"));
            Assert.Contains("pin 26 released (relay OFF)", board.Lines);
        }

        [Fact]
        public void AnObserversConnectionReleasesNothing()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);
            device.Ask("gpio mode 26 3");
            using (BoardConnection observer = new BoardConnection(board.Address))
            {
                Assert.Equal("ok 3 0", observer.Ask("get pin 26"));
            }

            System.Threading.Thread.Sleep(300); // the server has long handled the close by then
            Assert.True(board.Pins.Pin(26).Open);
        }

        [Fact]
        public void ANewDeviceStartsFromReleasedPinsAsAfterAReset()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection before = BoardConnection.Device(board.Address);
            before.Ask("gpio mode 27 3");

            using BoardConnection after = BoardConnection.Device(board.Address);

            Assert.False(board.Pins.Pin(27).Open);
            Assert.False(board.Pins.IsOn("relay2"));
        }

        [Fact]
        public void AnInputReadsItsPullOrWhatIsPutOnIt()
        {
            using HostedBoard board = new HostedBoard();
            using BoardConnection device = BoardConnection.Device(board.Address);
            using BoardConnection test = new BoardConnection(board.Address);

            device.Ask("gpio mode 4 2");
            Assert.Equal("ok 1", device.Ask("gpio read 4"));
            Assert.Equal("ok", test.Ask("set pin 4 0"));
            Assert.Equal("ok 0", device.Ask("gpio read 4"));
            device.Ask("gpio mode 5 1");
            Assert.Equal("ok 0", device.Ask("gpio read 5"));
        }
    }
}
