using SensorNode.Core.Actuators;

namespace SensorNode.Board.Profiles
{
    /// <summary>
    /// ESP32-DevKitC (WROOM-32) with I2C sensors (any of BME280/BMP280/BME680, SHT3x, SCD4x: found by scanning), a
    /// 2-channel relay module and a MOSFET-dimmed LED strip, wired as in hardware/README.md: I2C on GPIO21 (SDA) /
    /// GPIO22 (SCL), relay IN1/IN2 on GPIO26/GPIO27, a status LED (with 330 Ω resistor) on GPIO25, the strip's
    /// MOSFET gate on GPIO32. None of these are strapping pins, so nothing switches while the ESP32 boots.
    /// </summary>
    public static class Esp32DevKitC
    {
        public static BoardProfile Create()
        {
            BoardProfile board = new BoardProfile();
            board.Name = "ESP32-DevKitC + I2C sensors + 2-channel relay + LED strip dimmer";
            board.I2cDataGpio = 21;
            board.I2cClockGpio = 22;

            // Without PSRAM nanoCLR's managed heap is about 110 KB (docs/virtual-esp32.md#the-heap), a quarter of it
            // the assemblies' own data: 4 KB of history (113 cycles of a BME280, 56 min at interval_s 30) leaves the
            // connect and M2Mqtt's queues their room, where the core's 16 KB did not.
            board.FirstBootHistoryBytes = 4096;
            board.Outputs = new OutputSpec[]
            {
                // Common 2-channel relay modules (SRD-05VDC with optocoupler) pull in when IN is low. Failsafes
                // (docs/configuration.md) are set here, not over MQTT: e.g. a pump on "relay" that must never run
                // longer than 10 min, and stops when the broker has been gone 2 min:
                // OutputSpec.Switch("relay", 26, true, false, false).WithFailsafe(600, 120),
                OutputSpec.Switch("relay", 26, true, false, false),
                OutputSpec.Switch("relay2", 27, true, false, false),
                OutputSpec.Switch("led", 25, false, false, false),

                // Logic-level N-MOSFET module (gate on GPIO32, active high): off at boot and when stopped.
                OutputSpec.Dimmer("strip", 32, false, 0, 0),
            };
            return board;
        }
    }
}
