namespace SensorNode.Core.Board
{
    /// <summary>The Wi-Fi networks the board can see, for the setup page's list.</summary>
    public interface IWifiScanner
    {
        /// <summary>The names (SSIDs) of the networks seen, strongest first where the board can tell; empty when none or unknown.</summary>
        string[] VisibleNetworks();
    }
}
