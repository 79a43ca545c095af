using System;
using System.Collections.Generic;
using System.Device.I2c;
using System.Linq;
using System.Reflection;
using SensorNode.Core.Sensors;

namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// The host's chip table: one virtual chip per chip model of the core's <see cref="ChipTable"/>, named by the model
    /// (so a chip's name here is the sensor id the node publishes it under), at the address it is strapped to, in the
    /// core's table order (a family's chips by address). Each virtual chip class registers itself: a <c>public static readonly</c>
    /// <see cref="VirtualChip"/> field on it (<c>VirtualAht20.Chip</c>), found here by reflection, so a new family is no
    /// edit here. The simulator's and the virtual ESP32's <c>--chips</c>, their help and their errors all read this list;
    /// <c>VirtualChipTableTests</c> checks it has exactly the core's models.
    /// </summary>
    public static class VirtualChips
    {
        public static readonly IReadOnlyList<VirtualChip> All = Registered();


        public static IEnumerable<string> Names => All.Select(c => c.Name);

        /// <summary>The chip named <paramref name="name"/> (case ignored), or null.</summary>
        public static VirtualChip Named(string name)
        {
            return All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>"bme280 (0x76), bmp280 (0x77), …": every chip with its address, for help texts.</summary>
        public static string Describe()
        {
            return string.Join(", ", All.Select(c => c.Name + " (0x" + c.Address.ToString("x2") + ")"));
        }

        /// <summary>
        /// Every <see cref="VirtualChip"/> a class of this assembly declares as a public static readonly field: by family
        /// in the order of the core's <see cref="ChipTable"/> (a chip of no model there last, so the table test names it),
        /// a family's chips by address, then in the family's order of models.
        /// </summary>
        private static VirtualChip[] Registered()
        {
            IChipFamily[] families = ChipTable.All();
            int Family(VirtualChip chip) => Array.FindIndex(families, f => f.Models.Contains(chip.Model)) is int i && i >= 0 ? i : int.MaxValue;
            int Model(VirtualChip chip) => Family(chip) < families.Length ? Array.IndexOf(families[Family(chip)].Models, chip.Model) : 0;
            return typeof(VirtualChips).Assembly.GetTypes()
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
                .Where(f => f.IsInitOnly && f.FieldType == typeof(VirtualChip))
                .Select(f => (VirtualChip)f.GetValue(null))
                .OrderBy(Family).ThenBy(c => c.Address).ThenBy(Model).ThenBy(c => c.Name, StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary>
        /// Checks a list of chip names: each known, each once, no two at one address. Null when fine, else what is wrong
        /// (without the option's name).
        /// </summary>
        public static string Check(IReadOnlyList<string> names)
        {
            string unknown = names.FirstOrDefault(n => Named(n) == null);
            if (unknown != null)
            {
                return "no virtual chip '" + unknown + "'; there are " + string.Join(", ", Names);
            }

            for (int i = 0; i < names.Count; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    VirtualChip a = Named(names[j]);
                    VirtualChip b = Named(names[i]);
                    if (a == b)
                    {
                        return "each chip once (two " + a.Name + " would share an address)";
                    }

                    if (a.Address == b.Address)
                    {
                        return b.Name + " and " + a.Name + " both answer at 0x" + a.Address.ToString("x2") + ": one or the other";
                    }
                }
            }

            return null;
        }
    }

    /// <summary>
    /// A virtual chip of <see cref="VirtualChips"/>: the core's model it stands for, its address, how to make one. Declared
    /// as a <c>public static readonly</c> field of the virtual chip's class, which registers it.
    /// </summary>
    public sealed class VirtualChip
    {
        private readonly Func<IAmbient, Func<double>, int, I2cDevice> _make;

        /// <param name="make">Makes the chip from what it measures, its clock (monotonic seconds; null: real time) and its bus.</param>
        public VirtualChip(ChipModel model, int address, Func<IAmbient, Func<double>, int, I2cDevice> make)
        {
            Model = model;
            Address = address;
            _make = make;
        }

        public ChipModel Model { get; }

        /// <summary>The model's name: the sensor id the node publishes the chip under.</summary>
        public string Name => Model.Name;

        public int Address { get; }

        /// <summary>A new chip measuring <paramref name="ambient"/>, on I2C bus <paramref name="busId"/>, in real time unless given <paramref name="clockSeconds"/>.</summary>
        public I2cDevice Make(IAmbient ambient, int busId = 1, Func<double> clockSeconds = null)
        {
            return _make(ambient, clockSeconds, busId);
        }
    }
}
