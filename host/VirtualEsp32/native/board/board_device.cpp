//
// See board_device.h.
//

#include "board_device.h"
#include "board_link.h"
#include "esp32_pins.h"

namespace BoardDevice
{
void Restart()
{
    Esp32Pins::ReleaseAll();
    Esp32Ledc::ReleaseAll();
    BoardLink::Close();
}
} // namespace BoardDevice
