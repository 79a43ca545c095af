namespace SensorNode.HostBoard.I2c
{
    /// <summary>A raw gas resistance result: the 10-bit ADC code and the range (0..15) it was measured in.</summary>
    public readonly struct Bme680GasAdc
    {
        public Bme680GasAdc(int code, int range)
        {
            Code = code;
            Range = range;
        }

        public int Code { get; }

        public int Range { get; }
    }
}
