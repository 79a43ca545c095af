namespace SensorNode.Core.Board
{
    /// <summary>
    /// The runtime's unseeded <c>System.Random.NextBytes</c>. On the ESP32, nanoFramework implements it with
    /// <c>esp_random()</c>, the chip's hardware random number generator (nf-interpreter
    /// targets/ESP32/_nanoCLR/targetRandom.cpp: <c>NextBytes</c> fills each byte from <c>esp_random()</c>, the seed is
    /// ignored), which is truly random while the radio is on, as it is whenever the node talks to its broker. On other
    /// runtimes it may be a plain pseudo-random generator: hosts inject a cryptographic source instead.
    /// </summary>
    public sealed class RuntimeNonceSource : INonceSource
    {
        private readonly System.Random _random = new System.Random();

        public void Fill(byte[] nonce)
        {
            _random.NextBytes(nonce);
        }
    }
}
