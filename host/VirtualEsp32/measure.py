#!/usr/bin/env python3
"""Device figures of the firmware image on the virtual ESP32, beside the simulator's (docs/performance.md,
"On the virtual ESP32").

    python3 host/VirtualEsp32/measure.py [--cycles 1000] [--heap 110] [--commands 50]

Starts a private mosquitto on a free loopback port, then the virtual ESP32 (run.sh, one BME280, interval 1 s, every
reading published: 3 readings and the snapshot each cycle, the case docs/performance.md estimates at 6.5 KB) with
nanoCLR's heap figures (--heap-stats), and later the simulator with the same settings. Every figure is read where it
happens: heap figures from nanoCLR's own bookkeeping, boot-to-online from the node's first state snapshot (its own
uptime in it: the first cycle runs as soon as it is online), command-to-pin latency from the moment the command was handed to a
long-lived mosquitto_pub to the stamp of the pin change on the board's console (one clock, this machine's). Prints the
figures, one per line, device and simulator and their ratio.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SIMULATOR_DLL = os.path.join(REPO, "host/SensorNode.Simulator/bin/Release/net10.0/SensorNode.Simulator.dll")
STAMP = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d\d\d) ")
# Heap figures count from here (nanoCLR's time): online, the announcement sent and the first diagnostics out.
SettledAfterMs = 20000
STATS = re.compile(r"t_ms=(\d+) gcs=(\d+) compactions=(\d+) allocated=(\d+) free=(\d+) largest=(\d+) heap=(\d+) free_after_gc=(\d+)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seconds_of_day(line):
    m = STAMP.match(line)
    if not m:
        return None
    h, mi, s, ms = (int(g) for g in m.groups())
    return h * 3600 + mi * 60 + s + ms / 1000.0


class Console:
    """A process's output lines, kept with nothing added: the node's own stamps are what counts."""

    def __init__(self, args, env=None):
        self.lines = []
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
                                     start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, pattern, timeout, after=0):
        regex = re.compile(pattern)
        deadline = time.time() + timeout
        while time.time() < deadline:
            for i in range(after, len(self.lines)):
                if regex.search(self.lines[i]):
                    return i, self.lines[i]
            time.sleep(0.02)
        raise TimeoutError("no line matching %r within %d s; last lines:\n%s" % (pattern, timeout, "\n".join(self.lines[-30:])))

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


def boot_to_online_ms(console, node_id):
    """The node's own uptime in its first state snapshot: the first telemetry cycle runs at once when it is online (its
    probe came back), so this is boot to online plus one sensor read. (The probe carries a random nonce since issue 19,
    no longer the uptime it was sent at.)"""
    watcher = console.watcher
    _, state = watcher.wait_for(r"/%s/state \{" % node_id, 120)
    return int(re.search(r'"uptime_ms":(\d+)', state).group(1))


def command_latencies(node, broker_port, node_id, commands, pin_pattern):
    """ms from handing "ON"/"OFF" to mosquitto_pub to the pin's change on the board's console, per command."""
    publisher = subprocess.Popen(["mosquitto_pub", "-p", str(broker_port), "-t", "sensornode/%s/actuator/relay/set" % node_id,
                                  "-q", "1", "-l"], stdin=subprocess.PIPE, text=True)
    latencies = []
    try:
        time.sleep(1)
        for i in range(commands):
            state = "ON" if i % 2 == 0 else "OFF"
            after = len(node.lines)
            sent = time.time()
            publisher.stdin.write(state + "\n")
            publisher.stdin.flush()
            _, line = node.wait_for(pin_pattern % state, 10, after)
            changed = seconds_of_day(line)
            local = time.localtime(sent)
            sent_of_day = local.tm_hour * 3600 + local.tm_min * 60 + local.tm_sec + (sent % 1)
            latencies.append((changed - sent_of_day) * 1000.0)
            time.sleep(0.3)
    finally:
        publisher.stdin.close()
        publisher.wait(5)
    return latencies


def start_watcher(port, node_id):
    watcher = Console(["mosquitto_sub", "-p", str(port), "-v", "-t", "sensornode/%s/#" % node_id])
    time.sleep(0.3)
    return watcher


def heap_figures(stats_path, online_t_ms, cycles_seconds):
    samples = []
    with open(stats_path) as f:
        for line in f:
            m = STATS.search(line)
            if m:
                samples.append(tuple(int(g) for g in m.groups()))
    heap = samples[-1][6]
    # What each collection left free is the live data's complement: one sample per collection.
    after_gc = [s for prev, s in zip(samples, samples[1:]) if s[1] > prev[1] and s[0] >= online_t_ms]
    in_use = [heap - s[7] for s in after_gc]
    first, last = in_use[:5], in_use[-5:]
    run = [s for s in samples if s[0] >= online_t_ms]
    elapsed_s = (run[-1][0] - run[0][0]) / 1000.0
    allocated = run[-1][3] - run[0][3]
    collections = run[-1][1] - run[0][1]
    return {
        "heap_bytes": heap,
        "in_use_after_boot": statistics.median(first),
        "in_use_steady": statistics.median(last),
        "growth": statistics.median(last) - statistics.median(first),
        "largest_block_min": min(s[5] for s in run),
        "largest_block_median": statistics.median(s[5] for s in after_gc),
        "bytes_per_cycle": allocated / elapsed_s * cycles_seconds,
        "gcs": collections,
        "elapsed_s": elapsed_s,
        "gcs_per_hour_at_30s": collections / (elapsed_s / cycles_seconds) * 120,
        "compactions": run[-1][2] - run[0][2],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cycles", type=int, default=1000, help="telemetry cycles (1 s each) to measure the heap over")
    parser.add_argument("--heap", type=int, default=110, help="the virtual ESP32's managed heap in KB")
    parser.add_argument("--commands", type=int, default=50, help="relay commands for the latency")
    parser.add_argument("--keep", help="keep the heap figures and consoles in this folder")
    options = parser.parse_args()

    for tool in ("mosquitto", "mosquitto_pub", "mosquitto_sub", "dotnet"):
        if shutil.which(tool) is None:
            sys.exit("measure.py needs %s" % tool)
    if subprocess.call(["dotnet", "build", "-c", "Release", "-nologo", "-v", "q", "-clp:ErrorsOnly",
                        os.path.join(REPO, "host/SensorNode.Simulator")]) != 0:
        sys.exit("the simulator did not build")
    work = options.keep or tempfile.mkdtemp(prefix="vesp32-measure-")
    os.makedirs(work, exist_ok=True)
    port = free_port()
    broker = Console(["mosquitto", "-p", str(port)])
    time.sleep(0.5)
    results = {}
    try:
        # ---- the device
        node_id = "measure%d" % os.getpid()
        stats = os.path.join(work, "heap-stats.txt")
        if os.path.exists(stats):
            os.remove(stats)
        watcher = start_watcher(port, node_id)
        device = Console(["bash", os.path.join(HERE, "run.sh"), "--broker", "127.0.0.1:%d" % port, "--node-id", node_id,
                          "--flash", os.path.join(work, "flash"), "--erase-flash", "--quiet-boot", "--interval", "1",
                          "--every-reading", "--heap", str(options.heap), "--heap-stats", stats])
        device.watcher = watcher
        started = time.time()
        results["device_boot_to_online_ms"] = boot_to_online_ms(device, node_id)
        print("device online; measuring %d cycles (%d s) ..." % (options.cycles, options.cycles), flush=True)
        results["device_latency_ms"] = command_latencies(device, port, node_id, options.commands,
                                                          r"board pin 26 -> \w+ \(relay %s\)")
        remaining = options.cycles - (time.time() - started)
        if remaining > 0:
            time.sleep(remaining)
        results["device_heap"] = heap_figures(stats, SettledAfterMs, 1)
        errors = [l for l in device.lines if "OutOfMemoryException" in l]
        results["device_oom"] = len(errors)
        device.stop()
        watcher.stop()
        with open(os.path.join(work, "device-console.txt"), "w") as f:
            f.write("\n".join(device.lines))

        # ---- the simulator, same settings
        sim_id = "measuresim%d" % os.getpid()
        watcher = start_watcher(port, sim_id)
        simulator = Console(["dotnet", SIMULATOR_DLL, "--broker", "127.0.0.1:%d" % port, "--node-id", sim_id, "--interval", "1",
                             "--every-reading", "--outputs", "relay,led"])
        simulator.watcher = watcher
        results["simulator_boot_to_online_ms"] = boot_to_online_ms(simulator, sim_id)
        results["simulator_latency_ms"] = command_latencies(simulator, port, sim_id, options.commands,
                                                             r"board output relay is %s")
        simulator.stop()
        watcher.stop()
    finally:
        broker.stop()

    h = results["device_heap"]
    d_lat, s_lat = statistics.median(results["device_latency_ms"]), statistics.median(results["simulator_latency_ms"])
    print("figures (virtual ESP32, %d KB heap = %d bytes; %.0f s measured after online, %d cycles at 1 s, 1 BME280, every reading published)"
          % (options.heap, h["heap_bytes"], h["elapsed_s"], options.cycles))
    print("  heap in use after boot (median of the first 5 collections online): %d B (%.0f%% of the heap)" % (h["in_use_after_boot"], 100.0 * h["in_use_after_boot"] / h["heap_bytes"]))
    print("  heap in use at steady state (median of the last 5 collections):   %d B (%.0f%% of the heap)" % (h["in_use_steady"], 100.0 * h["in_use_steady"] / h["heap_bytes"]))
    print("  growth over the run: %+d B" % h["growth"])
    print("  largest free block: smallest seen %d B, median in the second after a collection %d B" % (h["largest_block_min"], h["largest_block_median"]))
    print("  bytes allocated per telemetry cycle: %.0f B (estimate in docs/performance.md: 6.5 KB)" % h["bytes_per_cycle"])
    print("  garbage collections: %d in %.0f s (%d compactions); per hour at the 30 s default: %.0f" % (h["gcs"], h["elapsed_s"], h["compactions"], h["gcs_per_hour_at_30s"]))
    print("  OutOfMemoryException: %d" % results["device_oom"])
    print("  boot to online: device %d ms, simulator %d ms (ratio %.2f)" % (results["device_boot_to_online_ms"], results["simulator_boot_to_online_ms"], results["device_boot_to_online_ms"] / float(results["simulator_boot_to_online_ms"])))
    print("  command to pin, median of %d: device %.1f ms, simulator %.1f ms (ratio %.2f); p90 device %.1f ms, simulator %.1f ms"
          % (options.commands, d_lat, s_lat, d_lat / s_lat if s_lat > 0 else float("nan"),
             sorted(results["device_latency_ms"])[int(0.9 * options.commands)], sorted(results["simulator_latency_ms"])[int(0.9 * options.commands)]))
    print("  (kept in %s)" % work)


if __name__ == "__main__":
    main()
