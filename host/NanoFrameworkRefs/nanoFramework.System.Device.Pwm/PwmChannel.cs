// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Pwm v1.1.23 (the last 1.x tag; its packages.config and nuspec require CoreLibrary 1.17.11):
// System.Device.Pwm/PwmChannel.cs. Declared ahead of the board's first PWM output; the package is not in
// SensorNode/packages.config yet.
namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable // :9
    {
        public extern PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5); // :151 (declared so C# adds no parameterless constructor)

        public extern double DutyCycle { get; set; } // :63

        public extern void Start(); // :78

        public extern void Stop(); // :86

        public static extern PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5); // :116

        public extern void Dispose(); // :210
    }
}
