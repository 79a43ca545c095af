//
// See net_device.h.
//

#include "net_device.h"
#include "sockets_posix.h"
#include "virtual_access_point.h"
#include "virtual_wifi.h"

void NetDevice::Restart()
{
    HostSockets::CloseAll();
    VirtualWifi::Restart();
    VirtualAccessPoint::Restart();
}
