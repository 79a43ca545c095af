using System;
using System.Globalization;
using SensorNode.HostBoard.I2c;

namespace SensorNode.VirtualBoard
{
    /// <summary>
    /// The board server's request/reply protocol, one line each way (host/VirtualEsp32/native/board/README.md): the
    /// device's I2C transactions, GPIO and PWM, and the queries and faults tests and the console use. Turns a request
    /// line into its reply line; the transport is <see cref="BoardServer"/>.
    /// </summary>
    public sealed class BoardProtocol
    {
        private readonly object _sync = new object();
        private readonly BoardChips _chips;
        private readonly BoardPins _pins;
        private readonly Action<string> _print;
        private BoardSession _device;
        private volatile bool _i2cStalled;

        /// <param name="print">Where the board's own lines go (a device connecting, a fault set).</param>
        public BoardProtocol(BoardChips chips, BoardPins pins, Action<string> print)
        {
            _chips = chips;
            _pins = pins;
            _print = print;
        }

        /// <summary>The reply to <paramref name="request"/> from <paramref name="session"/>: "ok ..." or "err REASON".</summary>
        public string Handle(string request, BoardSession session)
        {
            string[] words = request.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            try
            {
                return words.Length == 0 ? Error("empty request") : Dispatch(words, session);
            }
            catch (FormatException ex)
            {
                return Error(ex.Message + " in \"" + request.Trim() + "\"");
            }
        }

        /// <summary>A connection ended: if it was the device's, the device is gone and releases its pins, as a reset does.</summary>
        public void Disconnected(BoardSession session)
        {
            lock (_sync)
            {
                if (_device != session)
                {
                    return;
                }

                _device = null;
            }

            _print?.Invoke("device disconnected: its pins are released");
            _pins.ReleaseAll();
            EndStallByReset();
        }

        private string Dispatch(string[] words, BoardSession session)
        {
            switch (words[0] + " " + (words.Length > 1 ? words[1] : ""))
            {
                case "hello device": return HelloDevice(words, session);
                case "hello observer": return Ok(Describe());
                case "gpio mode": Expect(words, 4); _pins.SetMode(Pin(words[2]), Mode(words[3])); return Ok();
                case "gpio write": Expect(words, 4); return _pins.Write(Pin(words[2]), Level(words[3])) ? Ok() : Error("GPIO" + words[2] + " is not an open output");
                case "gpio read": Expect(words, 3); return Ok(_pins.Read(Pin(words[2])) ? "1" : "0");
                case "gpio close": Expect(words, 3); _pins.Release(Pin(words[2])); return Ok();
                case "pwm set": Expect(words, 6); _pins.SetPwm(Pin(words[2]), Number(words[3], 1, int.MaxValue, "frequency"), Number(words[4], 0, 10000, "duty"), Level(words[5])); return Ok();
                case "pwm close": Expect(words, 3); _pins.ReleasePwm(Pin(words[2])); return Ok();
                case "get pin": Expect(words, 3); return PinReply(_pins.Pin(Pin(words[2])));
                case "get pwm": Expect(words, 3); return PwmReply(_pins.Pwm(Pin(words[2])));
                case "get output": Expect(words, 3); return OutputReply(words[2]);
                case "set pin": Expect(words, 4); _pins.DriveInput(Pin(words[2]), Level(words[3])); return Ok();
                case "get chips": Expect(words, 2); return Ok(string.Join(",", _chips.Describe()).Replace(" at ", "@"));
                case "stall i2c": Expect(words, 2); return SetI2cStall(true);
                case "resume i2c": Expect(words, 2); return SetI2cStall(false);
            }

            switch (words[0])
            {
                case "i2c": Expect(words, 5); return I2c(words);
                case "fail": Expect(words, 3); return SetFault(words[1], Fault(words[2]));
                case "heal": Expect(words, 2); return SetFault(words[1], ChipFault.None);
                default: return Error("unknown request \"" + string.Join(' ', words) + "\"");
            }
        }

        private string HelloDevice(string[] words, BoardSession session)
        {
            Expect(words, 2);
            bool replaced;
            lock (_sync)
            {
                replaced = _device != null && _device != session;
                _device = session;
            }

            if (replaced)
            {
                _pins.ReleaseAll(); // a new device while the old connection lingers: it was reset
                EndStallByReset();
            }

            _print?.Invoke("device connected");
            return Ok(Describe());
        }

        // i2c BUS ADDR WRITE READLEN -> ok STATUS TRANSFERRED READ, or ok held while the driver is stalled
        private string I2c(string[] words)
        {
            if (_i2cStalled)
            {
                return Ok("held"); // the device's native parks the calling thread and asks again
            }

            int bus = Number(words[1], 0, 255, "bus");
            int address = int.TryParse(words[2], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int a) && a >= 0 && a <= 0x7F
                ? a
                : throw new FormatException("address '" + words[2] + "' is not 7-bit hex");
            byte[] write = words[3] == "-" ? Array.Empty<byte>() : Hex(words[3]);
            int readLength = Number(words[4], 0, 65536, "read length");
            I2cReply reply = _chips.Transfer(bus, address, write, readLength);
            string read = reply.Status == I2cStatus.FullTransfer && reply.Read.Length > 0 ? Convert.ToHexStringLower(reply.Read) : "-";
            return Ok((int)reply.Status + " " + reply.Transferred + " " + read);
        }

        /// <summary>
        /// <c>stall i2c</c>: from now on no transfer completes, whatever the chips do, until <c>resume i2c</c> or the
        /// device's reset. Not an ESP32 behaviour (its driver gives up after 1 s): the stimulus for the main-loop
        /// watchdog, standing for any wait in the loop that never ends, with the firmware's other threads running.
        /// </summary>
        private string SetI2cStall(bool stalled)
        {
            _i2cStalled = stalled;
            _print?.Invoke(stalled ? "i2c stalled: no transfer completes until \"resume i2c\" or the device's reset" : "i2c resumed");
            return Ok();
        }

        private void EndStallByReset()
        {
            if (_i2cStalled)
            {
                _i2cStalled = false;
                _print?.Invoke("i2c resumed: the device was reset");
            }
        }

        private string SetFault(string chipName, ChipFault fault)
        {
            IFaultableChip chip = _chips.Chip(chipName);
            if (chip == null)
            {
                return Error("no chip '" + chipName + "' on the bus (" + string.Join(", ", _chips.Describe()) + ")");
            }

            chip.Fault = fault;
            _print?.Invoke(chipName + (fault == ChipFault.None ? " healed" : " fails: " + fault));
            return Ok();
        }

        private string OutputReply(string id)
        {
            try
            {
                return Ok(_pins.IsOn(id) ? "100" : "0");
            }
            catch (ArgumentException)
            {
                try
                {
                    return Ok(_pins.Level(id).ToString(CultureInfo.InvariantCulture));
                }
                catch (ArgumentException)
                {
                    return Error("no output '" + id + "' in the board profile");
                }
            }
        }

        private static string PinReply(PinState pin)
        {
            return Ok((pin.Open ? ((int)pin.Mode).ToString(CultureInfo.InvariantCulture) : "-") + " " + (pin.High ? "1" : "0"));
        }

        private static string PwmReply(PwmState pwm)
        {
            return pwm.Open ? Ok(pwm.FrequencyHz + " " + pwm.Duty + " " + (pwm.Running ? "1" : "0")) : Ok("-");
        }

        /// <summary>"I2C bus 1: bme280 at 0x76; outputs relay (GPIO26, active low), ...": what the board holds.</summary>
        public string Describe()
        {
            return "I2C bus " + _chips.BusId + ": " + string.Join(", ", _chips.Describe()) + "; outputs " + string.Join(", ", _pins.DescribeOutputs());
        }

        private static void Expect(string[] words, int count)
        {
            if (words.Length != count)
            {
                throw new FormatException((count - 1) + " words expected after '" + words[0] + "', got " + (words.Length - 1));
            }
        }

        private static int Number(string text, int min, int max, string what)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max
                ? value
                : throw new FormatException(what + " '" + text + "' is not a whole number from " + min + " to " + max);
        }

        private static int Pin(string text)
        {
            return Number(text, 0, 255, "pin");
        }

        private static bool Level(string text)
        {
            switch (text)
            {
                case "1": return true;
                case "0": return false;
                default: throw new FormatException("level '" + text + "' is not 0 or 1");
            }
        }

        private static GpioMode Mode(string text)
        {
            return (GpioMode)Number(text, (int)GpioMode.Input, (int)GpioMode.OutputOpenSourcePullDown, "pin mode");
        }

        private static ChipFault Fault(string text)
        {
            switch (text)
            {
                case "nack": return ChipFault.Nack;
                case "stuck": return ChipFault.StuckMeasurement;
                case "hang": return ChipFault.BusHang;
                default: throw new FormatException("fault '" + text + "' is not nack, stuck or hang");
            }
        }

        private static byte[] Hex(string text)
        {
            try
            {
                return Convert.FromHexString(text);
            }
            catch (FormatException)
            {
                throw new FormatException("'" + text + "' is not bytes in hex");
            }
        }

        private static string Ok(string rest = null)
        {
            return rest == null ? "ok" : "ok " + rest;
        }

        private static string Error(string reason)
        {
            return "err " + reason;
        }
    }
}
