using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by Assert.SkipTest; in a [Setup] method it skips the whole class.</summary>
    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null)
            : base(message, innerException)
        {
        }
    }
}

namespace TestFrameworkShared
{
    /// <summary>The real package throws this type from a failed assertion (namespace included).</summary>
    public class AssertFailedException : Exception
    {
        public AssertFailedException(string message)
            : base(message)
        {
        }
    }
}
