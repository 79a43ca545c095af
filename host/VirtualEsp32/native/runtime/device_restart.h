//
// A reboot of the virtual ESP32 (nanoFramework.Runtime.Native's Power.RebootDevice). nf-interpreter's own native
// (which targets/posix compiles) asks the execution engine to reboot; the engine stops every managed thread and
// nanoCLR's start-up returns. The device's main then exits with ExitCode and run.sh starts a new device process on
// the same flash folder: a cold start, as the ESP32's reset is (RAM, sockets and pins all gone; I:\ kept).
//

#ifndef VESP32_DEVICE_RESTART_H
#define VESP32_DEVICE_RESTART_H

namespace DeviceRestart
{
// EX_TEMPFAIL, what the simulator exits with when the node reboots: "start me again".
const int ExitCode = 75;

// Whether the runtime stopped because the firmware rebooted the device.
bool Requested();
} // namespace DeviceRestart

#endif // VESP32_DEVICE_RESTART_H
