namespace nanoFramework.TestFramework.Host
{
    /// <summary>One line of the launcher's output: "Test passed,{name},{ticks}" and its siblings.</summary>
    public sealed class NanoTestResult
    {
        public NanoTestResult(string name, NanoTestOutcome outcome, string message, long ticks)
        {
            Name = name;
            Outcome = outcome;
            Message = message;
            Ticks = ticks;
        }

        /// <summary>"{Type.FullName}.{Method}.{attribute index}", exactly as the device launcher names it.</summary>
        public string Name { get; }

        public NanoTestOutcome Outcome { get; }

        public string Message { get; }

        public long Ticks { get; }

        /// <summary>The launcher's own output line, so host and emulator logs read the same.</summary>
        public override string ToString()
        {
            switch (Outcome)
            {
                case NanoTestOutcome.Passed: return "Test passed," + Name + "," + Ticks;
                case NanoTestOutcome.Skipped: return "Test skipped," + Name + "," + Message;
                default: return "Test failed," + Name + "," + Message;
            }
        }
    }
}
