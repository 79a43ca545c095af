//
// The virtual ESP32's wire to its board: one persistent TCP connection to the board server
// (host/SensorNode.VirtualBoard) named by the environment variable VESP32_BOARD ("HOST:PORT", set by run.sh).
// One request line out, one reply line back (protocol: README.md beside this file). Calls block the caller for a
// loopback round trip: the natives run on the runtime's one OS thread and the board answers at once, as a bus
// transfer on the ESP32 blocks its task. No nanoCLR headers here, so the harness (harness/) tests it on its own.
//

#ifndef VESP32_BOARD_LINK_H
#define VESP32_BOARD_LINK_H

#include <stddef.h>

namespace BoardLink
{
// The variable that names the board server.
extern const char *const AddressVariable;

// Sends `request` (one line, without '\n') and reads the reply line into `reply` (without '\n', NUL-terminated).
// Connects at the first call (and says "hello device", so the server knows the device's pins). False when the
// server cannot be reached, does not answer, or the reply does not fit: Error() then says why, naming the server.
bool Exchange(const char *request, char *reply, size_t replySize);

// Records a failure found above the link (a refused or malformed reply), for Error() and ReportError().
void Fail(const char *message);

// Why the last Exchange (or request) failed.
const char *Error();

// Prints Error() on stderr, once for a run of the same failure (a bus scan would print it a hundred times).
void ReportError();

// Drops the connection; the next Exchange connects again as a new device (the virtual device restarted).
void Close();
} // namespace BoardLink

#endif // VESP32_BOARD_LINK_H
