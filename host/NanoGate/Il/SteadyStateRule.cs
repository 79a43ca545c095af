using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection.Emit;

namespace SensorNode.NanoGate.Il
{
    /// <summary>
    /// Rule "steady-state-alloc": the methods marked [SteadyState] (the telemetry cycle and the command path), and
    /// every method of the assembly they can call, allocate nothing. The walk follows calls, and callvirt into
    /// every override or interface implementation in the assembly; it stops at methods marked [ColdPath] (errors,
    /// changes) and skips code that runs only when something throws (catch handlers, "throw new ..."). Allocations
    /// as nanoCLR makes them: newobj, newarr, box, strings made by String/ToString calls, and locals of struct type
    /// (nanoCLR puts every struct local on its heap when the method is entered).
    /// </summary>
    public sealed class SteadyStateRule
    {
        public const string Name = "steady-state-alloc";

        private static readonly ImmutableHashSet<string> StringMakers = ImmutableHashSet.Create(
            "Concat", "Format", "Substring", "Split", "Join", "Replace", "Trim", "TrimStart", "TrimEnd", "ToUpper",
            "ToLower", "Insert", "Remove", "PadLeft", "PadRight", "ToCharArray");

        private readonly IlProgram _program;
        private readonly Dictionary<IlMethod, List<IlMethod>> _implementations = new Dictionary<IlMethod, List<IlMethod>>();
        private readonly List<IlFinding> _findings = new List<IlFinding>();
        private readonly HashSet<IlMethod> _visited = new HashSet<IlMethod>();
        private readonly HashSet<IlMethod> _coldPaths = new HashSet<IlMethod>();
        private readonly HashSet<IlMethod> _natives = new HashSet<IlMethod>();

        private SteadyStateRule(IlProgram program)
        {
            _program = program;
        }

        public IReadOnlyList<IlFinding> Findings
        {
            get { return _findings; }
        }

        public IReadOnlyList<IlMethod> Roots { get; private set; }

        /// <summary>Methods checked: the roots and all they reach, cold paths excluded.</summary>
        public IReadOnlyCollection<IlMethod> Reached
        {
            get { return _visited.Where(m => !m.IsColdPath).ToList(); }
        }

        /// <summary>Methods implemented in the runtime (no IL) that the walk reached: what they allocate is not seen here.</summary>
        public IReadOnlyCollection<IlMethod> NativesReached
        {
            get { return _natives; }
        }

        public IReadOnlyCollection<IlMethod> ColdPathsCut
        {
            get { return _coldPaths; }
        }

        public static SteadyStateRule Check(IlAssembly assembly)
        {
            return Check(new IlProgram(new[] { assembly }));
        }

        /// <summary>Walks from the roots of every assembly of the set, into all of them.</summary>
        public static SteadyStateRule Check(IlProgram program)
        {
            SteadyStateRule rule = new SteadyStateRule(program);
            rule.Roots = program.Methods.Where(m => m.IsSteadyStateRoot).ToList();
            Queue<IlMethod> pending = new Queue<IlMethod>(rule.Roots);
            while (pending.Count > 0)
            {
                IlMethod method = pending.Dequeue();
                if (!rule._visited.Add(method))
                {
                    continue;
                }

                if (method.IsColdPath)
                {
                    rule._coldPaths.Add(method);
                    continue;
                }

                if (method.IsNative)
                {
                    rule._natives.Add(method);
                }

                foreach (IlMethod callee in rule.Inspect(method))
                {
                    pending.Enqueue(callee);
                }
            }

            return rule;
        }

        /// <summary>A one-line figure: what was checked and how many allocation sites it holds, by kind.</summary>
        public string Summary()
        {
            int Count(string kind) => _findings.Count(f => f.Message.StartsWith(kind));
            return Name + ": " + Reached.Count + " methods reached from " + Roots.Count + " [SteadyState] root(s), "
                + _coldPaths.Count + " [ColdPath] method(s) cut; allocation sites: " + _findings.Count
                + " (newobj " + Count("newobj") + ", newarr " + Count("newarr") + ", box " + Count("box")
                + ", string " + Count("string") + ", struct local " + Count("struct local") + ")";
        }

        private IEnumerable<IlMethod> Inspect(IlMethod method)
        {
            foreach (TypeShape local in method.Locals.Where(l => l.IsHeapStruct).Distinct(new ByName()))
            {
                Add(method, -1, "struct local " + local.FullName + ": nanoCLR allocates it on the heap each time the method is entered");
            }

            IReadOnlyList<IlInstruction> code = method.Instructions;
            for (int i = 0; i < code.Count; i++)
            {
                IlInstruction instruction = code[i];
                if (method.InExceptionHandler(instruction.Offset))
                {
                    continue;
                }

                OpCode op = instruction.OpCode;
                if (op == OpCodes.Newobj)
                {
                    MethodRef constructor = method.Assembly.MethodOfToken(instruction.Token);
                    bool throwSite = i + 1 < code.Count && code[i + 1].OpCode == OpCodes.Throw;
                    if (!throwSite)
                    {
                        Add(method, instruction.Offset, "newobj " + constructor.DeclaringType);
                    }

                    if (constructor.Definition != null)
                    {
                        yield return constructor.Definition;
                    }
                }
                else if (op == OpCodes.Newarr)
                {
                    Add(method, instruction.Offset, "newarr " + method.Assembly.TypeOfToken(instruction.Token).FullName + "[]");
                }
                else if (op == OpCodes.Box)
                {
                    Add(method, instruction.Offset, "box " + method.Assembly.TypeOfToken(instruction.Token).FullName);
                }
                else if (op == OpCodes.Call || op == OpCodes.Callvirt)
                {
                    MethodRef target = method.Assembly.MethodOfToken(instruction.Token);
                    if (MakesString(target))
                    {
                        Add(method, instruction.Offset, "string made by " + target);
                    }

                    if (target.Definition == null)
                    {
                        continue;
                    }

                    yield return target.Definition;
                    if (op == OpCodes.Callvirt && target.Definition.IsVirtual)
                    {
                        foreach (IlMethod implementation in Implementations(target.Definition))
                        {
                            yield return implementation;
                        }
                    }
                }
            }
        }

        private static bool MakesString(MethodRef target)
        {
            return target.Name == "ToString" || (target.DeclaringType == "System.String" && StringMakers.Contains(target.Name));
        }

        /// <summary>
        /// Overrides and interface implementations of <paramref name="method"/> in the set; not followed for the
        /// virtual and interface methods that mscorlib declares (a ToString call is flagged anyway).
        /// </summary>
        private IEnumerable<IlMethod> Implementations(IlMethod method)
        {
            if (method.Assembly.Name == "mscorlib")
            {
                // Object.ToString, IDisposable.Dispose, IEnumerator.MoveNext...: every library implements them, and
                // without following the types that flow there the walk would claim all of them.
                return Enumerable.Empty<IlMethod>();
            }

            if (!_implementations.TryGetValue(method, out List<IlMethod> found))
            {
                found = _program.Methods.Where(m => m != method
                    && m.ParameterCount == method.ParameterCount
                    && (m.Name == method.Name || m.Name.EndsWith("." + method.Name))
                    && m.Assembly.Inherits(m.DeclaringTypeHandle, method.DeclaringType)).ToList();
                _implementations[method] = found;
            }

            return found;
        }

        /// <summary>Allocation sites per part: per assembly, with the firmware's core and board namespaces apart.</summary>
        public IEnumerable<string> SummaryByPart()
        {
            return _findings.GroupBy(f => PartOf(f.Method)).OrderBy(g => g.Key, System.StringComparer.Ordinal)
                .Select(g => g.Key + ": " + g.Count() + " allocation site(s) in " + g.Select(f => f.Method).Distinct().Count() + " method(s)")
                .Concat(Reached.GroupBy(PartOf).Where(g => _findings.All(f => PartOf(f.Method) != g.Key))
                    .Select(g => g.Key + ": 0 allocation sites in " + g.Count() + " method(s) reached"));
        }

        private static string PartOf(IlMethod method)
        {
            string ns = method.DeclaringType;
            return ns.StartsWith("SensorNode.Core.") ? "SensorNode core"
                : ns.StartsWith("SensorNode.Board.") ? "SensorNode board adapters"
                : method.Assembly.Name;
        }

        private void Add(IlMethod method, int offset, string message)
        {
            _findings.Add(new IlFinding(Name, method, offset, message));
        }

        private sealed class ByName : IEqualityComparer<TypeShape>
        {
            public bool Equals(TypeShape x, TypeShape y) => x.FullName == y.FullName;

            public int GetHashCode(TypeShape obj) => obj.FullName.GetHashCode();
        }
    }
}
