using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using SensorNode.HostBoard;

namespace SensorNode.Simulator
{
    /// <summary>
    /// The nodes of one simulator process: started together, watched for how many are online (one console line
    /// when that number changes), and stopped together in order. A single node is a fleet of one.
    /// </summary>
    public sealed class Fleet : IDisposable
    {
        private static readonly TimeSpan SummaryPeriod = TimeSpan.FromSeconds(1);
        private readonly IReadOnlyList<SimulatedNode> _nodes;
        private readonly ConsoleLog _log;
        private Timer _summary;
        private int _lastOnline = -1;
        private bool _allOnlineSaid;
        private Stopwatch _sinceStart;

        public Fleet(IReadOnlyList<SimulatedNode> nodes, ConsoleLog log)
        {
            _nodes = nodes;
            _log = log;
        }

        public IReadOnlyList<SimulatedNode> Nodes => _nodes;

        /// <summary>Starts every node; with more than one, prints "k of N online" whenever that number changes.</summary>
        public void Start()
        {
            _sinceStart = Stopwatch.StartNew();
            foreach (SimulatedNode node in _nodes)
            {
                node.Start();
            }

            if (_nodes.Count > 1)
            {
                _summary = new Timer(_ => Summarise(), null, SummaryPeriod, SummaryPeriod);
            }
        }

        /// <summary>
        /// Asks every node to stop, then waits for each: all stop in order (outputs safe, "offline", DISCONNECT) at
        /// once, not one after another. False when one did not stop in time.
        /// </summary>
        public bool Stop()
        {
            _summary?.Dispose();
            _summary = null;
            foreach (SimulatedNode node in _nodes)
            {
                node.BeginStop();
            }

            DateTime deadline = DateTime.UtcNow + NodeLoop.StopBound + TimeSpan.FromSeconds(5); // they stop in parallel
            List<string> late = _nodes.Where(n => !n.WaitStopped(deadline - DateTime.UtcNow)).Select(n => n.NodeId).ToList();
            if (_nodes.Count > 1)
            {
                _log.Fleet(late.Count == 0
                    ? "stopped all " + _nodes.Count + " nodes in order"
                    : "stopped " + (_nodes.Count - late.Count) + " of " + _nodes.Count + " nodes in order; not in time: " + string.Join(", ", late.Take(10)) + (late.Count > 10 ? " …" : ""));
            }

            return late.Count == 0;
        }

        public void Dispose()
        {
            _summary?.Dispose();
            foreach (SimulatedNode node in _nodes)
            {
                node.Dispose();
            }
        }

        private void Summarise()
        {
            lock (_nodes) // timer callbacks may overlap on a busy machine
            {
                SummariseOnce();
            }
        }

        private void SummariseOnce()
        {
            int online = _nodes.Count(n => n.Node.IsOnline); // read across threads: a summary, not a decision
            if (online == _lastOnline)
            {
                return;
            }

            _lastOnline = online;
            _log.Fleet(online + " of " + _nodes.Count + " online");
            if (online == _nodes.Count && !_allOnlineSaid)
            {
                _allOnlineSaid = true;
                _log.Fleet("all " + _nodes.Count + " nodes online " + _sinceStart.Elapsed.TotalSeconds.ToString("0.0") + " s after start");
            }
        }
    }
}
