using System;
using System.Collections.Generic;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;

namespace SensorNode.NanoGate.Il
{
    /// <summary>One decoded IL instruction: its offset, opcode and, for token operands, the metadata token.</summary>
    public sealed class IlInstruction
    {
        private static readonly Dictionary<short, OpCode> OpCodesByValue = LoadOpCodes();

        public IlInstruction(int offset, OpCode opCode, int token)
        {
            Offset = offset;
            OpCode = opCode;
            Token = token;
        }

        public int Offset { get; }

        public OpCode OpCode { get; }

        /// <summary>The metadata token of a method, field, type or string operand; 0 for other operands.</summary>
        public int Token { get; }

        /// <summary>Decodes a method body's IL bytes (ECMA-335 III.1.2), keeping token operands.</summary>
        public static List<IlInstruction> Decode(BlobReader il)
        {
            List<IlInstruction> instructions = new List<IlInstruction>();
            while (il.RemainingBytes > 0)
            {
                int offset = il.Offset;
                short value = il.ReadByte();
                if (value == 0xFE)
                {
                    value = (short)(0xFE00 | il.ReadByte());
                }

                if (!OpCodesByValue.TryGetValue(value, out OpCode opCode))
                {
                    throw new InvalidOperationException("unknown IL opcode 0x" + value.ToString("x") + " at IL_" + offset.ToString("x4"));
                }

                int token = 0;
                switch (opCode.OperandType)
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        il.ReadByte();
                        break;
                    case OperandType.InlineVar:
                        il.ReadUInt16();
                        break;
                    case OperandType.InlineBrTarget:
                    case OperandType.InlineI:
                    case OperandType.ShortInlineR:
                        il.ReadInt32();
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        il.ReadInt64();
                        break;
                    case OperandType.InlineSwitch:
                        int targets = il.ReadInt32();
                        il.Offset += targets * 4;
                        break;
                    default: // InlineField, InlineMethod, InlineSig, InlineString, InlineTok, InlineType
                        token = il.ReadInt32();
                        break;
                }

                instructions.Add(new IlInstruction(offset, opCode, token));
            }

            return instructions;
        }

        public override string ToString()
        {
            return "IL_" + Offset.ToString("x4") + ": " + OpCode.Name;
        }

        private static Dictionary<short, OpCode> LoadOpCodes()
        {
            Dictionary<short, OpCode> opCodes = new Dictionary<short, OpCode>();
            foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                OpCode opCode = (OpCode)field.GetValue(null);
                opCodes[opCode.Value] = opCode;
            }

            return opCodes;
        }
    }
}
