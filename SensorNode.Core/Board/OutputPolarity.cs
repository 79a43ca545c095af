namespace SensorNode.Core.Board
{
    /// <summary>
    /// Many relay modules switch on when their input is pulled low. The board profile says which outputs are
    /// active-low; this is the one place that turns "on" into a pin level.
    /// </summary>
    public static class OutputPolarity
    {
        /// <summary>True when the pin must be driven high for the load to be <paramref name="on"/>.</summary>
        public static bool PinHigh(bool on, bool activeLow)
        {
            return on != activeLow;
        }
    }
}
