using System;
using SensorNode.Core.Board;
using SensorNode.Core.Memory;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// A Bosch Bmxx80 chip as the node's <see cref="ISensor"/>. Before every measurement it checks that the chip
    /// still answers with the id it was found with: the Bmxx80 bindings ignore transfer results, so a chip that fell
    /// off the bus (or was swapped) would otherwise decode as plausible-looking numbers. A chip whose conversions
    /// hang keeps answering with its last result, so readings that repeat bit for bit are a fault too: a working
    /// chip's noise changes at least one quantity between reads. A driver exception becomes
    /// <see cref="LastError"/>, never an exception in the main loop.
    /// </summary>
    public sealed class BoschSensor : ISensor
    {
        /// <summary>Reads in a row with identical values after which the chip is reported stuck.</summary>
        public const int IdenticalReadsMeaningStuck = 5;

        private readonly Quantity[] _quantities;
        private readonly byte _expectedChipId;
        private readonly IBoschDriver _driver;
        private readonly double[] _previous;
        private int _identicalReads;

        public BoschSensor(string id, BoschChipKind kind, IBoschDriver driver)
        {
            Id = id;
            _quantities = BoschChip.QuantitiesOf(kind);
            _expectedChipId = BoschChip.ChipIdOf(kind);
            _driver = driver;
            _previous = new double[_quantities.Length];
        }

        public string Id { get; }

        /// <summary>The chip's I2C address.</summary>
        public int Address
        {
            get { return _driver.Address; }
        }

        public Quantity[] Quantities
        {
            get { return _quantities; }
        }

        public string LastError { get; private set; }

        [SteadyState]
        public bool TryRead(double[] values)
        {
            byte chipId;
            string busError;
            if (!_driver.TryReadChipId(out chipId, out busError))
            {
                return Fail(busError);
            }

            if (chipId != _expectedChipId)
            {
                return FailWrongChip(chipId);
            }

            try
            {
                _driver.Measure(values);
            }
            catch (Exception ex)
            {
                LastError = ex.GetType().Name + ": " + ex.Message;
                return false;
            }

            if (RepeatsPrevious(values) && ++_identicalReads >= IdenticalReadsMeaningStuck - 1)
            {
                return FailStuck();
            }

            LastError = null;
            return true;
        }

        /// <summary>True when <paramref name="values"/> equal the previous read's; remembers them either way.</summary>
        private bool RepeatsPrevious(double[] values)
        {
            bool same = true;
            for (int q = 0; q < _previous.Length; q++)
            {
                // == and IsNaN, never Equals: nanoFramework's Double has no Equals(double), and the boxing
                // Object.Equals it falls back to breaks in nanoCLR (docs/nanoframework.md). NaN repeats NaN here.
                double value = values[q];
                double previous = _previous[q];
                same &= value == previous || (double.IsNaN(value) && double.IsNaN(previous));
                _previous[q] = value;
            }

            if (!same)
            {
                _identicalReads = 0;
            }

            return same;
        }

        [ColdPath("the bus failed")]
        private bool Fail(string busError)
        {
            LastError = "I2C 0x" + Hex(_driver.Address) + ": " + busError;
            return false;
        }

        [ColdPath("another chip answered")]
        private bool FailWrongChip(byte chipId)
        {
            LastError = "I2C 0x" + Hex(_driver.Address) + ": chip id 0x" + Hex(chipId) + " where 0x" + Hex(_expectedChipId) + " was expected";
            return false;
        }

        [ColdPath("the chip's conversions hung")]
        private bool FailStuck()
        {
            LastError = "I2C 0x" + Hex(_driver.Address) + ": the last " + IdenticalReadsMeaningStuck + " readings are identical; conversions stuck";
            return false;
        }

        private static string Hex(int value)
        {
            return value.ToString("x2");
        }
    }
}
