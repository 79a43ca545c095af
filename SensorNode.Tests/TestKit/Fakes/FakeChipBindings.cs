using System;
using System.Collections;
using SensorNode.Core.Sensors;

namespace SensorNode.Tests.Fakes
{
    /// <summary>The board's vendor bindings, faked: each opened binding measures what the test sets.</summary>
    public sealed class FakeChipBindings : IChipBindings
    {
        private readonly ArrayList _addresses = new ArrayList();
        private readonly ArrayList _bindings = new ArrayList();
        public bool OpenFails;

        public IChipBinding Open(ChipModel model, int address)
        {
            if (OpenFails)
            {
                throw new InvalidOperationException("calibration read failed");
            }

            FakeChipBinding binding = new FakeChipBinding(new double[model.Ranges.Length]);
            _addresses.Add(address.ToString());
            _bindings.Add(binding);
            return binding;
        }

        /// <summary>The binding opened for the chip at <paramref name="address"/>, or null.</summary>
        public FakeChipBinding At(int address)
        {
            int index = _addresses.IndexOf(address.ToString());
            return index < 0 ? null : (FakeChipBinding)_bindings[index];
        }

        public int Count
        {
            get { return _bindings.Count; }
        }
    }
}
