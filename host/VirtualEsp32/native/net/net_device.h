//
// The virtual ESP32's network as a whole, for the runtime around it (native/runtime).
//

#ifndef VESP32_NET_DEVICE_H
#define VESP32_NET_DEVICE_H

namespace NetDevice
{
// The virtual device restarts in this process: every socket it had is closed (its peers see the connection end, as
// when an ESP32 resets), pending DNS answers are dropped, and the station is off until the next boot joins again
// with the stored configuration. The configuration blocks stay, as in flash.
// A restart that starts a new process needs nothing: the host closes the sockets.
void Restart();
} // namespace NetDevice

#endif // VESP32_NET_DEVICE_H
