using SensorNode.Core.Actuators;

namespace SensorNode.Core.Board
{
    /// <summary>
    /// The one place a composition root makes the hardware of its outputs (the device's GPIO and PWM, the simulator's
    /// virtual outputs): a pin switched on or off, or a PWM signal. Each <see cref="OutputKind"/> asks for what it drives
    /// and turns its values into it, so the composition root never looks at a kind, and a new kind on a pin or on PWM
    /// adds nothing here.
    /// </summary>
    public interface IOutputFactory
    {
        /// <summary>A pin switched on or off (relay, LED).</summary>
        IDigitalOutput Digital(OutputSpec spec);

        /// <summary>
        /// A PWM signal on the spec's pin at <paramref name="frequencyHz"/> (a dimmer's 1 kHz, a servo's 50 Hz), started at
        /// <paramref name="initialDutyCycle"/> (0.0 to 1.0), inverted by the adapter when the spec is active low.
        /// </summary>
        IPwmOutput Pwm(OutputSpec spec, int frequencyHz, double initialDutyCycle);
    }
}
