using System.Collections.Generic;

namespace SensorNode.NanoGate
{
    /// <summary>--assembly FILE [--libs DIR]... [--list]: a firmware built for the device, the folders of the libraries it runs with, and whether to list every finding.</summary>
    public sealed record AssemblyScanRequest(string Firmware, IReadOnlyList<string> LibraryFolders, bool ListFindings);
}
