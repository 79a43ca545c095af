//
// Host name lookups that never block the runtime's thread. The System.Net native retries getaddrinfo while it reports
// "would block", parked on Event_Socket; the lookup runs on a thread of its own and wakes the runtime when it is done.
// (On an ESP32, lwIP's getaddrinfo blocks the calling thread, and with it every managed thread, until the DNS server
// answers or times out: a difference docs/virtual-esp32.md names.)
//
// Pure POSIX: no nanoCLR headers.
//

#ifndef VESP32_DNS_RESOLVER_H
#define VESP32_DNS_RESOLVER_H

#include <cstdint>

namespace DnsResolver
{
enum class Outcome
{
    Pending,  // asked (now or earlier); ask again after the runtime is woken
    Resolved, // address holds the first IPv4 address, in network byte order
    NotFound, // the name does not exist (EAI_NONAME and the like)
    Failed,   // the lookup itself failed (EAI_AGAIN, EAI_FAIL, ...)
};

struct Answer
{
    Outcome outcome;
    uint32_t address;
};

// The answer for name if a lookup finished (handed out once), else starts one (unless one is running) and says
// Pending. wakeRuntime runs on the lookup's thread when it finishes.
Answer Lookup(const char *name, void (*wakeRuntime)());

// Forget pending and unclaimed answers (the device restarts); running lookups finish into the void.
void Reset();
} // namespace DnsResolver

#endif // VESP32_DNS_RESOLVER_H
