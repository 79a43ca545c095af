namespace SensorNode.VirtualBoard
{
    /// <summary>nanoFramework's PinMode (System.Device.Gpio 1.1.62), by number, as the device's GPIO native sends it.</summary>
    public enum GpioMode
    {
        Input = 0,
        InputPullDown = 1,
        InputPullUp = 2,
        Output = 3,
        OutputOpenDrain = 4,
        OutputOpenDrainPullUp = 5,
        OutputOpenSource = 6,
        OutputOpenSourcePullDown = 7,
    }
}
