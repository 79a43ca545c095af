namespace SensorNode.NanoGate.Il
{
    /// <summary>One broken rule: where (source line and method), which rule, and why it matters on the device.</summary>
    public sealed class IlFinding
    {
        public IlFinding(string rule, IlMethod method, int ilOffset, string message)
        {
            Rule = rule;
            Method = method;
            Location = ilOffset < 0 ? method.LineOf(0) : method.LineOf(ilOffset);
            Message = message;
        }

        public string Rule { get; }

        public IlMethod Method { get; }

        public SourceLine Location { get; }

        public string Message { get; }

        public override string ToString()
        {
            return (Location == null ? "(no source)" : Location.ToString()) + ": [" + Rule + "] " + Method.FullName + ": " + Message;
        }
    }
}
