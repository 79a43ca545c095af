using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// Reads the virtual board's pin lines on run.sh's console as the simulator words its outputs, so a test waits for
    /// "output relay is ON" on either node. The board stamps each line with its own clock when the device's write
    /// arrives ("HH:mm:ss.fff board pin 26 -> LOW (relay ON)"), as the simulator stamps its writes; the original words
    /// stay in the line. The level a pin takes when the firmware opens it (GpioController.OpenPin drives it low before
    /// the initial value is written) is a power-on level, not a switching: it reads "at power-on", not "is".
    /// </summary>
    public sealed class VirtualEsp32Console
    {
        private static readonly Regex Switch = new Regex(@"^(\d\d:\d\d:\d\d\.\d{3}) board (pin (\d+) -> (?:HIGH|LOW)) \((\S+) (ON|OFF)\)$");
        private static readonly Regex Dimmer = new Regex(@"^(\d\d:\d\d:\d\d\.\d{3}) board (pwm pin \d+ .*) \((\S+) at (\d+) %\)$");
        private static readonly Regex Released = new Regex(@"board pin (\d+) released$");
        private readonly HashSet<string> _openPins = new HashSet<string>();

        public string Translate(string line)
        {
            if (line.EndsWith(" board device connected"))
            {
                _openPins.Clear(); // a (re)booted device opens its pins again
                return line;
            }

            Match released = Released.Match(line);
            if (released.Success)
            {
                _openPins.Remove(released.Groups[1].Value);
                return line;
            }

            Match write = Switch.Match(line);
            if (write.Success)
            {
                string words = _openPins.Add(write.Groups[3].Value) ? " at power-on is " : " is ";
                return write.Groups[1].Value + " board output " + write.Groups[4].Value + words + write.Groups[5].Value + " (" + write.Groups[2].Value + ")";
            }

            Match duty = Dimmer.Match(line);
            if (duty.Success)
            {
                return duty.Groups[1].Value + " board output " + duty.Groups[3].Value + " is at " + duty.Groups[4].Value + " % (" + duty.Groups[2].Value + ")";
            }

            return line;
        }
    }
}
