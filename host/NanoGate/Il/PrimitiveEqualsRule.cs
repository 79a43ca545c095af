using System.Collections.Generic;
using System.Reflection.Emit;

namespace SensorNode.NanoGate.Il
{
    /// <summary>
    /// Rule "primitive-equals": no Equals/GetHashCode call on a primitive value type. nanoFramework's CoreLibrary
    /// 1.17 has no Double.Equals(double) (nor its siblings), so the call boxes and lands in Object.Equals, whose
    /// value comparison trips an assertion in nanoCLR (a hang or reset on an ESP32) and, without assertions,
    /// answers false for equal values. Compare primitives with == (and double.IsNaN where NaN matters).
    /// </summary>
    public static class PrimitiveEqualsRule
    {
        public const string Name = "primitive-equals";

        public static IEnumerable<IlFinding> Check(IlAssembly assembly)
        {
            foreach (IlMethod method in assembly.Methods)
            {
                IReadOnlyList<IlInstruction> code = method.Instructions;
                for (int i = 0; i < code.Count; i++)
                {
                    TypeShape receiver = PrimitiveReceiver(assembly, code, i);
                    if (receiver == null)
                    {
                        continue;
                    }

                    MethodRef target = NextCall(assembly, code, i);
                    if (target != null && IsEqualsOrHash(target.Name))
                    {
                        yield return new IlFinding(Name, method, code[i].Offset,
                            target.Name + " on " + receiver.FullName + " (" + target + "): boxes the value and compares with Object.Equals, "
                            + "which trips an assertion in nanoCLR and is false for equal values without one; compare with ==");
                    }
                }
            }
        }

        /// <summary>
        /// The primitive type that instruction <paramref name="i"/> constrains a virtual call to (value.Equals(other)
        /// on a variable or an array element) or calls a method of directly. The static Object.Equals(a, b) on two
        /// boxes is left to the "box" rule: nanoCLR compares two real boxes correctly (the TestFramework's own
        /// AreEqual(double, double) does it), it is the instance call on an unboxed primitive that breaks.
        /// </summary>
        private static TypeShape PrimitiveReceiver(IlAssembly assembly, IReadOnlyList<IlInstruction> code, int i)
        {
            OpCode op = code[i].OpCode;
            if (op == OpCodes.Constrained)
            {
                TypeShape type = assembly.TypeOfToken(code[i].Token);
                return type.IsPrimitive ? type : null;
            }

            if (op == OpCodes.Call || op == OpCodes.Callvirt)
            {
                MethodRef target = assembly.MethodOfToken(code[i].Token);
                return TypeShape.PrimitiveNames.Contains(target.DeclaringType) ? new TypeShape(target.DeclaringType, TypeKind.Primitive) : null;
            }

            return null;
        }

        /// <summary>The first call at or after <paramref name="i"/>: the one the constrained prefix applies to.</summary>
        private static MethodRef NextCall(IlAssembly assembly, IReadOnlyList<IlInstruction> code, int i)
        {
            for (int j = i; j < code.Count; j++)
            {
                OpCode op = code[j].OpCode;
                if (op == OpCodes.Call || op == OpCodes.Callvirt)
                {
                    return assembly.MethodOfToken(code[j].Token);
                }
            }

            return null;
        }

        private static bool IsEqualsOrHash(string name)
        {
            return name == "Equals" || name == "GetHashCode";
        }
    }
}
