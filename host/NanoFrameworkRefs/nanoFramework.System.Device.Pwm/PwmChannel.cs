// Declaration only: the compiler checks the board's calls against it, nothing runs it (README.md).
// nanoframework/System.Device.Pwm v1.1.23 (the last 1.x tag; its packages.config and nuspec require CoreLibrary 1.17.11):
// System.Device.Pwm/PwmChannel.cs
namespace System.Device.Pwm
{
    public sealed class PwmChannel // :9 (IDisposable in the source; the board disposes no channel)
    {
        public extern PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5); // :151 (declared so C# adds no parameterless constructor)

        public extern double DutyCycle { get; set; } // :63

        public extern void Start(); // :78

        public static extern PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5); // :116
    }
}
