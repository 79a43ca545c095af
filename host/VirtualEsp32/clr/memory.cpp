//
// The managed heap of the virtual ESP32 (replaces targets/posix's Memory.cpp, a fixed 10 MiB): VESP32_HEAP_KB
// kilobytes, default 110, an ESP32-DevKitC without PSRAM (docs/virtual-esp32.md says why). nanoCLR is built for
// 32 bits here (cmake/i386-linux.cmake), so its heap blocks are the ESP32's 12 bytes and a kilobyte holds what it
// holds on the device.
//

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <nanoCLR_Runtime.h>

static_assert(sizeof(CLR_RT_HeapBlock) == 12, "the virtual ESP32's heap blocks must be the ESP32's: build for 32 bits");

namespace
{
const unsigned long DefaultHeapKb = 110;
const unsigned long MinimumHeapKb = 16;

unsigned char *s_heap = nullptr;
size_t s_heapBytes = 0;

size_t ChooseHeapBytes()
{
    unsigned long kb = DefaultHeapKb;
    const char *text = getenv("VESP32_HEAP_KB");
    if (text != nullptr && *text != '\0')
    {
        char *end = nullptr;
        kb = strtoul(text, &end, 10);
        if (end == text || *end != '\0' || kb < MinimumHeapKb)
        {
            fprintf(stderr, "virtual ESP32: VESP32_HEAP_KB=%s is not a size from %lu KB; using %lu KB\n", text,
                    MinimumHeapKb, DefaultHeapKb);
            kb = DefaultHeapKb;
        }
    }

    return (size_t)kb * 1024;
}
} // namespace

// nanoCLR asks for its heap at every start of the runtime: always the same memory.
void HeapLocation(unsigned char *&baseAddress, unsigned int &sizeInBytes)
{
    if (s_heap == nullptr)
    {
        s_heapBytes = ChooseHeapBytes();
        s_heap = static_cast<unsigned char *>(malloc(s_heapBytes));
        if (s_heap == nullptr)
        {
            s_heapBytes = 0;
        }
        else
        {
            memset(s_heap, 0xEA, s_heapBytes);
        }
    }

    baseAddress = s_heap;
    sizeInBytes = (unsigned int)s_heapBytes;
}
