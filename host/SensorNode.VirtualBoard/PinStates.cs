namespace SensorNode.VirtualBoard
{
    /// <summary>A GPIO as the board sees it: whether the device holds it open, in which mode, and its level.</summary>
    /// <param name="High">What the pin reads: an output's driven level, an input's level from outside.</param>
    public sealed record PinState(int Pin, bool Open, GpioMode Mode, bool High)
    {
        public bool IsOutput => Open && Mode >= GpioMode.Output;
    }

    /// <summary>A PWM signal on a pin: its frequency, its duty in 1/10000 (as the device keeps it), and whether it runs.</summary>
    public sealed record PwmState(int Pin, bool Open, int FrequencyHz, int Duty, bool Running)
    {
        /// <summary>0.0 to 1.0, as PwmChannel.DutyCycle.</summary>
        public double DutyCycle => Duty / 10000.0;
    }

    /// <summary>A change on the board's pins, as its console line says it, stamped with <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>.</summary>
    public sealed record PinChange(long Timestamp, int Pin, string Line);
}
