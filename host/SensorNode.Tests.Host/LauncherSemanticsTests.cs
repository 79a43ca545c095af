using System;
using System.Collections.Generic;
using System.Linq;
using nanoFramework.TestFramework;
using nanoFramework.TestFramework.Host;
using Xunit;
using Assert = Xunit.Assert;

namespace SensorNode.Tests.Host
{
    /// <summary>The host launcher must behave like nanoFramework's UnitTestLauncher, or a green host run means nothing.</summary>
    public sealed class LauncherSemanticsTests
    {
        private static readonly List<string> Trace = new List<string>();

        [Fact]
        public void Setup_then_test_methods_then_data_rows_then_cleanup()
        {
            Trace.Clear();
            IReadOnlyList<NanoTestResult> results = NanoTestLauncher.Run(new[] { typeof(OrderedClass) });

            Assert.Equal(new[] { "setup", "method", "row:1", "row:2", "cleanup" }, Trace);
            Assert.All(results, r => Assert.Equal(NanoTestOutcome.Passed, r.Outcome));
            Assert.Contains(results, r => r.Name == typeof(OrderedClass).FullName + ".Row.1");
        }

        [Fact]
        public void A_skipped_setup_skips_the_class_but_a_failed_setup_does_not()
        {
            Trace.Clear();
            IReadOnlyList<NanoTestResult> results = NanoTestLauncher.Run(new[] { typeof(SkippedSetupClass), typeof(FailedSetupClass) });

            Assert.Equal(new[] { "failed-class-test" }, Trace);
            Assert.Equal(NanoTestOutcome.Skipped, results[0].Outcome);
            Assert.Equal(NanoTestOutcome.Failed, results[1].Outcome);
            Assert.Equal(NanoTestOutcome.Passed, results[2].Outcome);
        }

        [Fact]
        public void Instance_methods_and_instance_state_are_rejected()
        {
            IReadOnlyList<NanoTestResult> results = NanoTestLauncher.Run(new[] { typeof(InstanceMethodClass), typeof(InstanceStateClass) });

            Assert.Equal(2, results.Count);
            Assert.Contains("must be static", results[0].Message);
            Assert.Contains("instance state", results[1].Message);
            Assert.All(results, r => Assert.Equal(NanoTestOutcome.Failed, r.Outcome));
        }

        [Fact]
        public void Failures_carry_the_assertion_message_and_the_launcher_line_format()
        {
            NanoTestResult result = NanoTestLauncher.Run(new[] { typeof(FailingClass) }).Single();

            Assert.Equal(NanoTestOutcome.Failed, result.Outcome);
            Assert.StartsWith("Test failed," + typeof(FailingClass).FullName + ".Fails.0,Assert.AreEqual failed. Expected:<1>. Actual:<2>.", result.ToString());
        }

        [TestClass]
        public class OrderedClass
        {
            [Cleanup]
            public static void Cleanup() => Trace.Add("cleanup");

            [DataRow(1)]
            [DataRow(2)]
            public static void Row(int n) => Trace.Add("row:" + n);

            [TestMethod]
            public static void Method() => Trace.Add("method");

            [Setup]
            public static void Setup() => Trace.Add("setup");
        }

        [TestClass]
        public class SkippedSetupClass
        {
            [Setup]
            public static void Setup() => nanoFramework.TestFramework.Assert.SkipTest("no hardware");

            [TestMethod]
            public static void NeverRuns() => Trace.Add("skipped-class-test");
        }

        [TestClass]
        public class FailedSetupClass
        {
            [Setup]
            public static void Setup() => throw new InvalidOperationException("setup broke");

            [TestMethod]
            public static void StillRuns() => Trace.Add("failed-class-test");
        }

        [TestClass]
        public class InstanceMethodClass
        {
            [TestMethod]
            public void NotStatic()
            {
            }
        }

        [TestClass]
        public class InstanceStateClass
        {
            private int _counter;

            [TestMethod]
            public static void Test()
            {
            }

            public int Counter => _counter;

            public void Count() => _counter++;
        }

        [TestClass]
        public class FailingClass
        {
            [TestMethod]
            public static void Fails() => nanoFramework.TestFramework.Assert.AreEqual(1, 2);
        }
    }
}
