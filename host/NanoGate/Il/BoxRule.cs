using System.Collections.Generic;
using System.Reflection.Emit;

namespace SensorNode.NanoGate.Il
{
    /// <summary>
    /// Rule "box": the portable core boxes nothing. Every box is a heap object on the device, and a boxed primitive
    /// is one call away from nanoCLR's broken value comparison (see <see cref="PrimitiveEqualsRule"/>).
    /// </summary>
    public static class BoxRule
    {
        public const string Name = "box";

        public static IEnumerable<IlFinding> Check(IlAssembly assembly)
        {
            foreach (IlMethod method in assembly.Methods)
            {
                foreach (IlInstruction instruction in method.Instructions)
                {
                    if (instruction.OpCode == OpCodes.Box)
                    {
                        yield return new IlFinding(Name, method, instruction.Offset,
                            "boxes " + assembly.TypeOfToken(instruction.Token).FullName
                            + " (a heap object on the device; e.g. an int or enum put in an ArrayList): use a typed array or field");
                    }
                }
            }
        }
    }
}
