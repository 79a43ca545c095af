//
// The virtual ESP32's board side as a whole, for the runtime around it (native/runtime).
//

#ifndef VESP32_BOARD_DEVICE_H
#define VESP32_BOARD_DEVICE_H

namespace BoardDevice
{
// The virtual device restarts in this process: every pin and PWM channel is free again, and the next native call
// connects to the board server as a new device (which releases what the old one drove, as a reset does).
// A restart that starts a new process needs nothing: the server sees the old connection close.
void Restart();
} // namespace BoardDevice

#endif // VESP32_BOARD_DEVICE_H
