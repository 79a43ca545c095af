//
// See device_restart.h.
//

#include <nanoCLR_Runtime.h>
#include "device_restart.h"

namespace DeviceRestart
{
bool Requested()
{
    return CLR_EE_DBG_IS(RebootPending);
}
} // namespace DeviceRestart
