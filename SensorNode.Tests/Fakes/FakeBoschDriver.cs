using System;

namespace SensorNode.Tests.Fakes
{
    /// <summary>
    /// A Bosch driver whose bus answers the test sets. For the logic of <c>BoschSensor</c> only: the simulator
    /// reads a register-level chip through the real binding.
    /// </summary>
    public sealed class FakeBoschDriver : SensorNode.Core.Sensors.IBoschDriver
    {
        public byte ChipId;
        public string BusError;
        public double[] Values;
        public Exception MeasureThrows;
        public int Measurements;

        public FakeBoschDriver(byte chipId, double[] values)
            : this(chipId, values, 0x76)
        {
        }

        public FakeBoschDriver(byte chipId, double[] values, int address)
        {
            ChipId = chipId;
            Values = values;
            Address = address;
        }

        public int Address { get; }

        public bool TryReadChipId(out byte chipId, out string busError)
        {
            chipId = BusError == null ? ChipId : (byte)0;
            busError = BusError;
            return BusError == null;
        }

        public void Measure(double[] values)
        {
            Measurements++;
            if (MeasureThrows != null)
            {
                throw MeasureThrows;
            }

            Array.Copy(Values, values, values.Length);
        }
    }
}
