namespace SensorNode.Core.Actuators
{
    public enum OutputKind
    {
        /// <summary>On or off: a relay, an LED. Reported as "ON"/"OFF".</summary>
        Switch,

        /// <summary>A level from 0 to 100 %: a PWM dimmer. Reported as {"state":"ON","level":40}.</summary>
        Dimmer
    }
}
