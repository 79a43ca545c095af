//
// See socket_poller.h. One background thread polls the watched descriptors plus an eventfd that tells it the set has
// changed. A descriptor fires once, then leaves the set: the level-triggered readiness of a readable socket would
// otherwise wake the runtime in a loop while nobody reads.
//

#include "socket_poller.h"

#include <cerrno>
#include <cstdint>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace
{
std::mutex s_lock;
std::map<int, short> s_watched; // fd -> poll events wanted
void (*s_wakeRuntime)() = nullptr;
int s_changed = -1; // eventfd: the watched set changed
bool s_started = false;

void SignalChanged()
{
    uint64_t one = 1;
    // The counter only has to become non-zero; a full counter (never, in practice) is just as good.
    ssize_t written = write(s_changed, &one, sizeof(one));
    (void)written;
}

void DrainChanged()
{
    uint64_t count;
    ssize_t got = read(s_changed, &count, sizeof(count));
    (void)got;
}

void PollForever()
{
    std::vector<pollfd> fds;

    for (;;)
    {
        fds.clear();
        fds.push_back({s_changed, POLLIN, 0});
        {
            std::lock_guard<std::mutex> guard(s_lock);
            for (const auto &watch : s_watched)
            {
                fds.push_back({watch.first, watch.second, 0});
            }
        }

        if (poll(fds.data(), fds.size(), -1) < 0)
        {
            if (errno != EINTR)
            {
                // Nothing sensible left to do on this thread; the natives' timeouts still end every wait.
                return;
            }
            continue;
        }

        if (fds[0].revents != 0)
        {
            DrainChanged();
        }

        bool anyReady = false;
        void (*wakeRuntime)();
        {
            std::lock_guard<std::mutex> guard(s_lock);
            wakeRuntime = s_wakeRuntime;
            for (size_t i = 1; i < fds.size(); i++)
            {
                if (fds[i].revents != 0)
                {
                    // POLLNVAL: closed under us; forget it as well.
                    s_watched.erase(fds[i].fd);
                    anyReady = true;
                }
            }
        }

        if (anyReady && wakeRuntime != nullptr)
        {
            wakeRuntime();
        }
    }
}

// Called with s_lock held.
void StartOnce()
{
    if (s_started)
    {
        return;
    }

    s_changed = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    s_started = true;
    std::thread(PollForever).detach();
}
} // namespace

void SocketPoller::SetWakeup(void (*wakeRuntime)())
{
    std::lock_guard<std::mutex> guard(s_lock);
    s_wakeRuntime = wakeRuntime;
}

void SocketPoller::Watch(int fd, short events)
{
    {
        std::lock_guard<std::mutex> guard(s_lock);
        StartOnce();
        s_watched[fd] |= events;
    }
    SignalChanged();
}

void SocketPoller::Forget(int fd)
{
    bool wasWatched;
    {
        std::lock_guard<std::mutex> guard(s_lock);
        wasWatched = s_watched.erase(fd) > 0;
    }
    if (wasWatched)
    {
        SignalChanged();
    }
}

void SocketPoller::WakeRuntime()
{
    void (*wakeRuntime)();
    {
        std::lock_guard<std::mutex> guard(s_lock);
        wakeRuntime = s_wakeRuntime;
    }
    if (wakeRuntime != nullptr)
    {
        wakeRuntime();
    }
}
