namespace SensorNode.HostBoard.I2c
{
    /// <summary>
    /// One forced TPHG cycle's raw results, taken when it was triggered; they reach the data registers only when it ends.
    /// </summary>
    internal sealed class Bme680Conversion
    {
        public Bme680Conversion(
            int temperatureAdc,
            int pressureAdc,
            int humidityAdc,
            Bme680GasAdc? gas,
            bool heatStable,
            int heaterProfile,
            double gasStartsAt,
            double endsAt)
        {
            TemperatureAdc = temperatureAdc;
            PressureAdc = pressureAdc;
            HumidityAdc = humidityAdc;
            Gas = gas;
            HeatStable = heatStable;
            HeaterProfile = heaterProfile;
            GasStartsAt = gasStartsAt;
            EndsAt = endsAt;
        }

        public int TemperatureAdc { get; }

        public int PressureAdc { get; }

        public int HumidityAdc { get; }

        /// <summary>The gas result; null when run_gas was clear (a dummy gas slot).</summary>
        public Bme680GasAdc? Gas { get; }

        /// <summary>Whether the heater reached its target within the heating time (heat_stab_r).</summary>
        public bool HeatStable { get; }

        /// <summary>The heater set-point used (nb_conv), reported as gas_meas_index_0.</summary>
        public int HeaterProfile { get; }

        /// <summary>Clock seconds at which heating and the gas conversion begin (gas_measuring is set from then on).</summary>
        public double GasStartsAt { get; }

        /// <summary>Clock seconds at which the results are ready.</summary>
        public double EndsAt { get; }
    }
}
