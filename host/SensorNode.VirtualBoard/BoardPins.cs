using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using SensorNode.Board.Profiles;
using SensorNode.Core.Actuators;
using SensorNode.HostBoard.Outputs;

namespace SensorNode.VirtualBoard
{
    /// <summary>
    /// The virtual ESP32's GPIOs and PWM signals as the device drives them, and the loads the board profile wires to
    /// them (a relay on GPIO26, the strip's MOSFET on GPIO32...) as the simulator's virtual outputs
    /// (<see cref="VirtualOutput"/>, <see cref="VirtualPwmOutput"/>: what the output's kind makes of the duty cycle). Every
    /// change is printed as one line ("pin 26 -> LOW (relay ON)", "pwm pin 32 duty 40% at 1000 Hz (strip at 40 %)") and
    /// raised as <see cref="Changed"/>.
    /// </summary>
    /// <remarks>
    /// As on the ESP32: a pin set to an output starts low (the nanoFramework target enables outputs low); a released
    /// pin (closed, or the device gone) drives nothing, so no load is on; a stopped PWM signal idles low. An input reads
    /// what <see cref="DriveInput"/> put on it, else its pull (high with a pull-up, low otherwise).
    /// Safe to use from several connections; <see cref="Changed"/> handlers run under the board's lock and must not block.
    /// </remarks>
    public sealed class BoardPins
    {
        private readonly object _sync = new object();
        private readonly Dictionary<int, PinState> _pins = new Dictionary<int, PinState>();
        private readonly Dictionary<int, bool> _inputLevels = new Dictionary<int, bool>();
        private readonly Dictionary<int, PwmState> _pwm = new Dictionary<int, PwmState>();
        private readonly Dictionary<int, OutputSpec> _outputsByPin = new Dictionary<int, OutputSpec>();
        private readonly Dictionary<string, VirtualOutput> _switches = new Dictionary<string, VirtualOutput>();
        private readonly Dictionary<string, VirtualPwmOutput> _pwmLoads = new Dictionary<string, VirtualPwmOutput>();
        private readonly Action<string> _print;

        /// <param name="profile">Whose outputs sit on which pins.</param>
        /// <param name="print">Where the change lines go (the console).</param>
        public BoardPins(BoardProfile profile, Action<string> print)
        {
            _print = print;
            foreach (OutputSpec output in profile.Outputs)
            {
                _outputsByPin[output.Gpio] = output;
                if (output.Kind is PwmKind kind)
                {
                    _pwmLoads[output.Id] = new VirtualPwmOutput(output, kind.FrequencyHz, 0, null);
                }
                else
                {
                    _switches[output.Id] = new VirtualOutput(output.Id, null);
                }
            }
        }

        /// <summary>Raised after every change, with its line.</summary>
        public event Action<PinChange> Changed;

        /// <summary>"relay (GPIO26, active low)", one per output of the profile.</summary>
        public IEnumerable<string> DescribeOutputs()
        {
            foreach (OutputSpec output in _outputsByPin.Values)
            {
                yield return output.Id + " (" + (output.Kind is PwmKind ? "PWM on " : "") + "GPIO" + output.Gpio + (output.ActiveLow ? ", active low" : "") + ")";
            }
        }

        public PinState Pin(int pin)
        {
            lock (_sync)
            {
                return _pins.TryGetValue(pin, out PinState state) ? state : new PinState(pin, false, GpioMode.Input, InputLevel(pin, GpioMode.Input));
            }
        }

        public PwmState Pwm(int pin)
        {
            lock (_sync)
            {
                return _pwm.TryGetValue(pin, out PwmState state) ? state : new PwmState(pin, false, 0, 0, false);
            }
        }

        /// <summary>Whether the profile's switch output <paramref name="id"/> ("relay") is on; throws for an unknown id.</summary>
        public bool IsOn(string id)
        {
            lock (_sync)
            {
                return _switches.TryGetValue(id, out VirtualOutput output) ? output.IsOn : throw new ArgumentException("no switch output '" + id + "' in the board profile");
            }
        }

        /// <summary>
        /// The value of the profile's PWM output <paramref name="id"/> as its kind reads the signal (a dimmer's level
        /// 0..100 %; -1 for a duty cycle that is none of its values); throws for an unknown id.
        /// </summary>
        public int Level(string id)
        {
            lock (_sync)
            {
                return _pwmLoads.TryGetValue(id, out VirtualPwmOutput load) ? load.Value : throw new ArgumentException("no PWM output '" + id + "' in the board profile");
            }
        }

        /// <summary>The device sets the pin's mode; an output starts low.</summary>
        public void SetMode(int pin, GpioMode mode)
        {
            lock (_sync)
            {
                bool high = mode >= GpioMode.Output ? false : InputLevel(pin, mode);
                Update(new PinState(pin, true, mode, high));
            }
        }

        /// <summary>The device drives an output; false (nothing changes) when the pin is not an open output.</summary>
        public bool Write(int pin, bool high)
        {
            lock (_sync)
            {
                PinState state = Pin(pin);
                if (!state.IsOutput)
                {
                    return false;
                }

                Update(state with { High = high });
                return true;
            }
        }

        /// <summary>What the device reads on the pin.</summary>
        public bool Read(int pin)
        {
            return Pin(pin).High;
        }

        /// <summary>The device closed the pin: it drives nothing any more.</summary>
        public void Release(int pin)
        {
            lock (_sync)
            {
                if (_pins.ContainsKey(pin))
                {
                    Update(new PinState(pin, false, GpioMode.Input, InputLevel(pin, GpioMode.Input)));
                }
            }
        }

        /// <summary>Puts a level on an input from outside (a button, a sensor's alarm line); what the device reads there.</summary>
        public void DriveInput(int pin, bool high)
        {
            lock (_sync)
            {
                _inputLevels[pin] = high;
                PinState state = Pin(pin);
                if (!state.IsOutput && state.High != high)
                {
                    Update(state with { High = high });
                }
            }
        }

        /// <summary>The device sets the PWM signal on <paramref name="pin"/>.</summary>
        public void SetPwm(int pin, int frequencyHz, int duty, bool running)
        {
            lock (_sync)
            {
                UpdatePwm(new PwmState(pin, true, frequencyHz, duty, running));
            }
        }

        /// <summary>The device disposed the PWM channel on <paramref name="pin"/>.</summary>
        public void ReleasePwm(int pin)
        {
            lock (_sync)
            {
                if (_pwm.ContainsKey(pin))
                {
                    UpdatePwm(new PwmState(pin, false, 0, 0, false));
                }
            }
        }

        /// <summary>The device is gone (reset, killed): every pin it held floats, every PWM signal stops.</summary>
        public void ReleaseAll()
        {
            lock (_sync)
            {
                foreach (int pin in new List<int>(_pins.Keys))
                {
                    Release(pin);
                }

                foreach (int pin in new List<int>(_pwm.Keys))
                {
                    ReleasePwm(pin);
                }
            }
        }

        private bool InputLevel(int pin, GpioMode mode)
        {
            return _inputLevels.TryGetValue(pin, out bool high) ? high : mode == GpioMode.InputPullUp;
        }

        private void Update(PinState state)
        {
            bool known = _pins.TryGetValue(state.Pin, out PinState before);
            _pins[state.Pin] = state;
            if (known && before == state)
            {
                return;
            }

            string line = "pin " + state.Pin + (state.Open ? (state.IsOutput ? " -> " + (state.High ? "HIGH" : "LOW") : " -> input " + Describe(state.Mode) + ", reads " + (state.High ? "HIGH" : "LOW")) : " released");
            if (_outputsByPin.TryGetValue(state.Pin, out OutputSpec output) && !(output.Kind is PwmKind))
            {
                VirtualOutput load = _switches[output.Id];
                load.Write(state.IsOutput && state.High != output.ActiveLow);
                line += " (" + output.Id + " " + (load.IsOn ? "ON" : "OFF") + ")";
            }

            Report(state.Pin, line);
        }

        private void UpdatePwm(PwmState state)
        {
            bool known = _pwm.TryGetValue(state.Pin, out PwmState before);
            _pwm[state.Pin] = state;
            if (known && before == state)
            {
                return;
            }

            string line = "pwm pin " + state.Pin + (!state.Open ? " released" : state.Running ? " duty " + Percent(state.Duty) + "% at " + state.FrequencyHz + " Hz" : " stopped");
            // what the load makes of the signal is its kind's reading of the duty cycle: a dimmer's level, a servo's angle
            if (_outputsByPin.TryGetValue(state.Pin, out OutputSpec output) && output.Kind is PwmKind)
            {
                // A released or stopped signal idles low (ActiveHigh polarity): what the driver makes of low decides the load.
                double high = state.Open && state.Running ? state.DutyCycle : 0;
                VirtualPwmOutput load = _pwmLoads[output.Id];
                load.Write(output.ActiveLow ? 1 - high : high);
                line += " (" + output.Id + " at " + load.ValueText + ")";
            }

            Report(state.Pin, line);
        }

        private void Report(int pin, string line)
        {
            _print?.Invoke(line);
            Changed?.Invoke(new PinChange(Stopwatch.GetTimestamp(), pin, line));
        }

        private static string Describe(GpioMode mode)
        {
            switch (mode)
            {
                case GpioMode.InputPullUp: return "with pull-up";
                case GpioMode.InputPullDown: return "with pull-down";
                default: return "floating";
            }
        }

        /// <summary>1/10000s as a percentage with up to two decimals: 4000 -> "40", 4050 -> "40.5".</summary>
        private static string Percent(int duty)
        {
            return (duty / 100.0).ToString("0.##", CultureInfo.InvariantCulture);
        }
    }
}
