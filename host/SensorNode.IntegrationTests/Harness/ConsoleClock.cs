using System;
using System.Globalization;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>
    /// The simulator stamps each console line with its local wall-clock time ("HH:mm:ss.fff ..."), taken where the
    /// node acts. Timing assertions read these stamps, not when the test happened to read a line or an observer
    /// happened to receive a message: a loaded machine delays delivery, not what the node did.
    /// </summary>
    public static class ConsoleClock
    {
        private static readonly TimeSpan Day = TimeSpan.FromDays(1);

        /// <summary>The time of day a console line was printed at.</summary>
        public static TimeSpan TimeOf(string consoleLine)
        {
            TimeSpan time;
            if (consoleLine.Length >= 12 && TimeSpan.TryParseExact(consoleLine.Substring(0, 12), "hh\\:mm\\:ss\\.fff", CultureInfo.InvariantCulture, out time))
            {
                return time;
            }

            if (TestedNode.IsVirtualEsp32)
            {
                // Only the virtual board's lines (pins, PWM) carry a stamp: the firmware's serial console has no clock.
                throw new Xunit.SkipException("times the node by its console's own timestamps, which the ESP32's serial console lacks: \"" + consoleLine + "\"");
            }

            throw new FormatException("a console line without the simulator's time stamp: \"" + consoleLine + "\"");
        }

        /// <summary>The same clock in this process (both read the machine's local time), to the millisecond.</summary>
        public static TimeSpan TimeOf(DateTime localTime)
        {
            return TimeSpan.FromMilliseconds(Math.Floor(localTime.TimeOfDay.TotalMilliseconds));
        }

        /// <summary><paramref name="to"/> − <paramref name="from"/>, across midnight when the run straddles it (|result| &lt; 12 h).</summary>
        public static TimeSpan Between(TimeSpan from, TimeSpan to)
        {
            TimeSpan difference = to - from;
            if (difference > Day / 2)
            {
                difference -= Day;
            }
            else if (difference < -Day / 2)
            {
                difference += Day;
            }

            return difference;
        }
    }
}
