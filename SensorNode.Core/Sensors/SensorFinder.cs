using System;
using System.Collections;
using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// Searches the bus for every chip of the chip table and makes one guarded sensor per chip, the same way on the
    /// device and in the simulator. A sensor's id is its model ("bme280"), with the address appended ("bme280_77")
    /// only when two chips of one model share the bus, so a single-sensor node has the short, predictable id.
    /// </summary>
    public static class SensorFinder
    {
        public static ISensor[] Find(II2cBus bus, IChipFamily[] table, IChipBindings bindings, IClock clock, ILog log)
        {
            int candidates = 0;
            for (int f = 0; f < table.Length; f++)
            {
                candidates += table[f].Addresses.Length;
            }

            // Typed arrays, not ArrayLists: an int put in an ArrayList is boxed (docs/nanoframework.md).
            IChipFamily[] families = new IChipFamily[candidates];
            ChipModel[] models = new ChipModel[candidates];
            int[] addresses = new int[candidates];
            int found = 0;
            for (int f = 0; f < table.Length; f++)
            {
                for (int a = 0; a < table[f].Addresses.Length; a++)
                {
                    int address = table[f].Addresses[a];
                    ChipModel model = Identify(table[f], bus, address, log);
                    if (model != null)
                    {
                        families[found] = table[f];
                        models[found] = model;
                        addresses[found] = address;
                        found++;
                    }
                }
            }

            ArrayList sensors = new ArrayList();
            for (int i = 0; i < found; i++)
            {
                ChipModel model = models[i];
                int address = addresses[i];
                string id = CountOf(models, found, model.Name) > 1 ? model.Name + "_" + Hex(address) : model.Name;
                try
                {
                    ISensorDriver driver = families[i].Open(model, address, bus, clock, bindings);
                    sensors.Add(new GuardedSensor(id, model, driver));
                    log.Info("sensor " + id + " at 0x" + Hex(address));
                }
                catch (Exception ex)
                {
                    // A chip that stops answering between the search and here must not stop the boot.
                    log.Error("sensor " + id + " at 0x" + Hex(address) + " could not be set up: " + ex.Message);
                }
            }

            ISensor[] result = new ISensor[sensors.Count];
            sensors.CopyTo(result, 0);
            return result;
        }

        private static ChipModel Identify(IChipFamily family, II2cBus bus, int address, ILog log)
        {
            try
            {
                return family.Identify(bus, address);
            }
            catch (Exception ex)
            {
                log.Error("probing 0x" + Hex(address) + " failed: " + ex.Message);
                return null;
            }
        }

        private static int CountOf(ChipModel[] models, int count, string name)
        {
            int same = 0;
            for (int i = 0; i < count; i++)
            {
                if (models[i].Name == name)
                {
                    same++;
                }
            }

            return same;
        }

        private static string Hex(int value)
        {
            return value.ToString("x2");
        }
    }
}
