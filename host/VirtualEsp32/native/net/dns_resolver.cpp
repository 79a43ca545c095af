//
// See dns_resolver.h.
//

#include "dns_resolver.h"

#include <cstring>
#include <map>
#include <string>
#include <mutex>
#include <thread>

#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace
{
std::mutex s_lock;
std::map<std::string, DnsResolver::Answer> s_lookups; // name -> Pending while running, else the answer to claim
unsigned s_generation = 0;                            // a Reset makes running lookups' answers stale

DnsResolver::Answer Resolve(const std::string &name)
{
    DnsResolver::Answer answer = {DnsResolver::Outcome::Failed, 0};

    addrinfo hints;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET; // the natives are built without IPv6 (no LWIP_IPV6), as on the ESP32
    hints.ai_socktype = SOCK_STREAM;

    addrinfo *found = nullptr;
    int error = getaddrinfo(name.c_str(), nullptr, &hints, &found);
    if (error == 0 && found != nullptr)
    {
        answer.outcome = DnsResolver::Outcome::Resolved;
        answer.address = reinterpret_cast<sockaddr_in *>(found->ai_addr)->sin_addr.s_addr;
    }
    else if (error == EAI_NONAME || error == EAI_NODATA || error == EAI_ADDRFAMILY)
    {
        answer.outcome = DnsResolver::Outcome::NotFound;
    }

    if (found != nullptr)
    {
        freeaddrinfo(found);
    }
    return answer;
}
} // namespace

DnsResolver::Answer DnsResolver::Lookup(const char *name, void (*wakeRuntime)())
{
    std::string key(name);
    unsigned generation;
    {
        std::lock_guard<std::mutex> guard(s_lock);
        auto known = s_lookups.find(key);
        if (known != s_lookups.end())
        {
            Answer answer = known->second;
            if (answer.outcome != Outcome::Pending)
            {
                s_lookups.erase(known);
            }
            return answer;
        }

        s_lookups[key] = Answer{Outcome::Pending, 0};
        generation = s_generation;
    }

    std::thread([key, generation, wakeRuntime]() {
        Answer answer = Resolve(key);
        {
            std::lock_guard<std::mutex> guard(s_lock);
            if (generation != s_generation)
            {
                return;
            }
            s_lookups[key] = answer;
        }
        if (wakeRuntime != nullptr)
        {
            wakeRuntime();
        }
    }).detach();

    return Answer{Outcome::Pending, 0};
}

void DnsResolver::Reset()
{
    std::lock_guard<std::mutex> guard(s_lock);
    s_lookups.clear();
    s_generation++;
}
