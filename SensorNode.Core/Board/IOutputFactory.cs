using SensorNode.Core.Actuators;

namespace SensorNode.Core.Board
{
    /// <summary>
    /// The one place a composition root makes the hardware of its outputs (the device's GPIO and PWM, the simulator's
    /// virtual outputs). Each <see cref="OutputKind"/> asks for what it drives, so the composition root never looks at
    /// a kind.
    /// </summary>
    public interface IOutputFactory
    {
        /// <summary>A pin switched on or off (relay, LED).</summary>
        IDigitalOutput Digital(OutputSpec spec);

        /// <summary>A PWM level from 0 to 100 % (dimmer).</summary>
        ILevelOutput Level(OutputSpec spec);

        /// <summary>A servo's pulse for an angle from 0 to 180°.</summary>
        IAngleOutput Angle(OutputSpec spec);
    }
}
