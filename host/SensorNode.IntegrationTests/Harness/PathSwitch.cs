using System.Threading.Tasks;

namespace SensorNode.IntegrationTests.Harness
{
    /// <summary>Whether a <see cref="FaultProxy"/>'s path forwards, and a way to wait until it does again.</summary>
    public sealed class PathSwitch
    {
        private readonly object _gate = new object();
        private TaskCompletionSource _on = NewOn(true);

        public bool IsOn
        {
            get
            {
                lock (_gate)
                {
                    return _on.Task.IsCompleted;
                }
            }
        }

        /// <summary>Completes when the path forwards (at once if it does now).</summary>
        public Task WhenOn
        {
            get
            {
                lock (_gate)
                {
                    return _on.Task;
                }
            }
        }

        public void TurnOn()
        {
            lock (_gate)
            {
                _on.TrySetResult();
            }
        }

        public void TurnOff()
        {
            lock (_gate)
            {
                if (_on.Task.IsCompleted)
                {
                    _on = NewOn(false);
                }
            }
        }

        private static TaskCompletionSource NewOn(bool on)
        {
            TaskCompletionSource source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (on)
            {
                source.SetResult();
            }

            return source;
        }
    }
}
