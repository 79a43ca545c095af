using System.Runtime.CompilerServices;
using System;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// The assertions of nanoFramework.TestFramework 3.x (source/TestFramework/Assert.cs) that SensorNode's
    /// tests use, with the same names, parameter order and failure type.
    /// </summary>
    public sealed partial class Assert
    {
        private Assert()
        {
        }

        public static void IsTrue(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", message);
            }
        }

        public static void IsFalse(bool condition, [CallerArgumentExpression(nameof(condition))] string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", message);
            }
        }

        public static void IsNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value != null)
            {
                Fail("Assert.IsNull", "Actual:<" + Show(value) + ">. " + message);
            }
        }

        public static void IsNotNull(object value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value == null)
            {
                Fail("Assert.IsNotNull", message);
            }
        }

        public static void AreSame(object expected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (!ReferenceEquals(expected, actual))
            {
                Fail("Assert.AreSame", message);
            }
        }

        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression(nameof(actual))] string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                Fail("Assert.AreNotSame", message);
            }
        }

        public static void Contains(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            RequireNotNull(expected, value, "Assert.Contains");
            if (value.IndexOf(expected) < 0)
            {
                Fail("Assert.Contains", "'" + value + "' does not contain '" + expected + "'. " + message);
            }
        }

        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            RequireNotNull(notExpected, value, "Assert.DoesNotContains");
            if (value.IndexOf(notExpected) >= 0)
            {
                Fail("Assert.DoesNotContains", "'" + value + "' should not contain '" + notExpected + "'. " + message);
            }
        }

        public static void StartsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            RequireNotNull(expected, value, "Assert.StartsWith");
            if (!value.StartsWith(expected))
            {
                Fail("Assert.StartsWith", "'" + value + "' does not start with '" + expected + "'. " + message);
            }
        }

        public static void EndsWith(string expected, string value, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            RequireNotNull(expected, value, "Assert.EndsWith");
            if (!value.EndsWith(expected))
            {
                Fail("Assert.EndsWith", "'" + value + "' does not end with '" + expected + "'. " + message);
            }
        }

        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression(nameof(value))] string message = "")
        {
            if (value == null || value.GetType() != expected)
            {
                Fail("Assert.IsInstanceOfType", "Expected type:<" + expected + ">. Actual type:<" + (value == null ? "(null)" : value.GetType().ToString()) + ">. " + message);
            }
        }

        /// <summary>Passes only when <paramref name="action"/> throws exactly <paramref name="exception"/> (not a subclass).</summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression(nameof(action))] string message = "")
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                if (ex.GetType() == exception)
                {
                    return;
                }

                Fail("Assert.ThrowsException", "Threw exception " + ex.GetType().Name + ", but exception " + exception.Name + " was expected. " + message + "\r\nException Message: " + ex.Message);
            }

            Fail("Assert.ThrowsException", "No exception thrown. " + exception.Name + " exception was expected. " + message);
        }

        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }

        private static void RequireNotNull(string expected, string value, string assertion)
        {
            if (expected == null || value == null)
            {
                Fail(assertion, "The value cannot be null.");
            }
        }

        private static string Show(object value)
        {
            return value == null ? "(null)" : value.ToString();
        }

        private static void Fail(string assertion, string message)
        {
            throw new AssertFailedException(assertion + " failed. " + message);
        }
    }
}
