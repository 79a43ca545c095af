using System.Collections.Generic;
using System.Net;

namespace SensorNode.VirtualBoard
{
    /// <summary>What the command line (<see cref="BoardCommand"/>) chose.</summary>
    /// <param name="AddressFile">Where to write the address once listening; null for nowhere.</param>
    /// <param name="Seed">Seed of the chips' weather; null for one from the clock.</param>
    /// <param name="ExitWith">A process whose end ends the board (the script that started it); null for none.</param>
    public sealed record BoardOptions(IPEndPoint Listen, string AddressFile, IReadOnlyList<string> Chips, int? Seed, int? ExitWith);
}
