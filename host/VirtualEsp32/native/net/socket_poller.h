//
// The runtime's side of waiting on host sockets. A native that finds a socket not ready parks its managed thread on
// Event_Socket; this poller's thread watches exactly those sockets (poll(2)) and wakes the runtime when one of them
// becomes ready, so no OS call ever blocks the runtime's thread and an idle device costs no CPU.
//
// Pure POSIX: no nanoCLR headers, so the harness can run it on its own.
//

#ifndef VESP32_SOCKET_POLLER_H
#define VESP32_SOCKET_POLLER_H

namespace SocketPoller
{
// What wakes the runtime: Events_Set(SYSTEM_EVENT_FLAG_SOCKET) in nanoCLR (thread-safe on POSIX), a counter in the
// harness. Called from the poller's or the DNS resolver's thread. Set once, before the first Watch.
void SetWakeup(void (*wakeRuntime)());

// Wake the runtime when fd has any of the poll(2) events (POLLIN, POLLOUT, POLLPRI; errors and hang-ups always
// count). The watch ends when it fires: a native that still finds the socket not ready watches again.
void Watch(int fd, short events);

// fd is being closed: stop watching it.
void Forget(int fd);

// Wake the runtime now (a DNS answer arrived, the link went down, ...).
void WakeRuntime();
} // namespace SocketPoller

#endif // VESP32_SOCKET_POLLER_H
