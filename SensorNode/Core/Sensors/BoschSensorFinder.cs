using System;
using System.Collections;
using SensorNode.Core.Board;

namespace SensorNode.Core.Sensors
{
    /// <summary>
    /// Finds the Bosch Bmxx80 chips at the board's addresses and makes one sensor per chip, the same way on the
    /// device and in the simulator. A chip is identified by its id register; its topic id is its model, with the
    /// address appended only when two chips of one model share the bus.
    /// </summary>
    public static class BoschSensorFinder
    {
        public static ISensor[] Find(IBoschBus bus, int[] addresses, ILog log)
        {
            // Typed arrays, not ArrayLists: an enum or int put in an ArrayList is boxed (docs/nanoframework.md).
            BoschChipKind[] kinds = new BoschChipKind[addresses.Length];
            for (int i = 0; i < addresses.Length; i++)
            {
                BoschChipKind kind = BoschChip.Identify(bus.ReadChipId(addresses[i]));
                kinds[i] = kind;
                if (kind == BoschChipKind.Unknown)
                {
                    log.Info("no Bosch sensor at 0x" + addresses[i].ToString("x2"));
                }
            }

            ArrayList sensors = new ArrayList();
            for (int i = 0; i < addresses.Length; i++)
            {
                BoschChipKind kind = kinds[i];
                if (kind == BoschChipKind.Unknown)
                {
                    continue;
                }

                int address = addresses[i];
                string id = BoschChip.SensorId(kind, address, CountOf(kinds, kind) > 1);
                try
                {
                    sensors.Add(new BoschSensor(id, kind, bus.OpenDriver(kind, address)));
                    log.Info("sensor " + id + " at 0x" + address.ToString("x2"));
                }
                catch (Exception ex)
                {
                    // The bindings read the id and calibration when they are made; a chip that stops answering
                    // between the search and here must not stop the boot.
                    log.Error("sensor " + id + " at 0x" + address.ToString("x2") + " could not be set up: " + ex.Message);
                }
            }

            ISensor[] result = new ISensor[sensors.Count];
            sensors.CopyTo(result, 0);
            return result;
        }

        private static int CountOf(BoschChipKind[] kinds, BoschChipKind kind)
        {
            int count = 0;
            for (int i = 0; i < kinds.Length; i++)
            {
                if (kinds[i] == kind)
                {
                    count++;
                }
            }

            return count;
        }
    }
}
