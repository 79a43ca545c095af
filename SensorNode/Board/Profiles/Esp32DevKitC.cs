namespace SensorNode.Board.Profiles
{
    /// <summary>
    /// ESP32-DevKitC (WROOM-32) with a BME280 breakout and a 2-channel relay module, wired as in
    /// hardware/README.md: I2C on GPIO21 (SDA) / GPIO22 (SCL), relay IN1/IN2 on GPIO26/GPIO27, a status LED
    /// (with 330 Ω resistor) on GPIO25. None of these are strapping pins, so nothing switches while the ESP32 boots.
    /// </summary>
    public static class Esp32DevKitC
    {
        public static BoardProfile Create()
        {
            BoardProfile board = new BoardProfile();
            board.Name = "ESP32-DevKitC + BME280 + 2-channel relay";
            board.I2cDataGpio = 21;
            board.I2cClockGpio = 22;
            board.Outputs = new OutputSpec[]
            {
                // Common 2-channel relay modules (SRD-05VDC with optocoupler) pull in when IN is low.
                new OutputSpec("relay", 26, true, false, false),
                new OutputSpec("relay2", 27, true, false, false),
                new OutputSpec("led", 25, false, false, false),
            };
            return board;
        }
    }
}
