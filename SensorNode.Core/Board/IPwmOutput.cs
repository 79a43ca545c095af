namespace SensorNode.Core.Board
{
    /// <summary>
    /// A PWM signal on a pin at the frequency it was made with (<see cref="IOutputFactory.Pwm"/>): the hardware layer
    /// under every PWM output kind, as ESPHome's float output is under its light and servo. It knows duty cycles, not
    /// what they mean: the kind turns its value into one (a dimmer's level, a servo's pulse width). Its polarity is the
    /// board's: the duty written is the fraction of the period the load is driven, and the adapter inverts it for an
    /// active-low driver.
    /// </summary>
    public interface IPwmOutput
    {
        /// <summary>The duty cycle, 0.0 to 1.0.</summary>
        void Write(double dutyCycle);
    }
}
