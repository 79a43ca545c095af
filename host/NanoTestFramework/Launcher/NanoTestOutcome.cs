namespace nanoFramework.TestFramework.Host
{
    public enum NanoTestOutcome
    {
        Passed,
        Failed,
        Skipped
    }
}
