//
// Heap figures of the virtual ESP32 for docs/performance.md, read from nanoCLR's own bookkeeping rather than from the
// firmware (which can only ask for the free bytes): with VESP32_HEAP_STATS=FILE, nanoCLR appends one line per second
// while it is idle (all managed threads waiting, so the heap is consistent):
//
//   t_ms=<since start> gcs=<collections> compactions=<n> allocated=<bytes since start> free=<bytes> largest=<bytes> heap=<bytes> free_after_gc=<bytes>
//
// "allocated" counts every block nanoCLR hands out (objects, arrays, strings, boxes), as the ESP32's heap would; "free"
// and "largest" walk the free lists now; "free_after_gc" is what the last collection left free (the live data's
// complement). Both hooks are the linker's --wrap (CMakeLists.txt),
// so nf-interpreter's sources stay as they are.
//

#include <cstdio>
#include <cstdlib>
#include <ctime>

#include <nanoCLR_Runtime.h>

namespace
{
const long long SampleEveryMs = 1000;

FILE *s_out = nullptr;
bool s_checked = false;
unsigned long long s_allocatedBytes = 0;
unsigned long s_freeAfterGc = 0;
long long s_startMs = -1;
long long s_nextSampleMs = 0;

long long MonotonicMs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

bool Enabled()
{
    if (!s_checked)
    {
        s_checked = true;
        const char *path = getenv("VESP32_HEAP_STATS");
        if (path != nullptr && *path != '\0')
        {
            s_out = fopen(path, "a");
            if (s_out == nullptr)
            {
                fprintf(stderr, "virtual ESP32: cannot write the heap figures to '%s'\n", path);
            }
        }
    }

    return s_out != nullptr;
}

void Sample(long long nowMs)
{
    unsigned long freeBytes = 0;
    unsigned long largestBytes = 0;
    unsigned long heapBytes = 0;
    NANOCLR_FOREACH_NODE(CLR_RT_HeapCluster, cluster, g_CLR_RT_ExecutionEngine.m_heap)
    {
        heapBytes += (unsigned long)((unsigned char *)cluster->m_payloadEnd - (unsigned char *)cluster->m_payloadStart);
        NANOCLR_FOREACH_NODE(CLR_RT_HeapBlock_Node, block, cluster->m_freeList)
        {
            unsigned long bytes = (unsigned long)block->DataSize() * sizeof(CLR_RT_HeapBlock);
            freeBytes += bytes;
            if (bytes > largestBytes)
            {
                largestBytes = bytes;
            }
        }
        NANOCLR_FOREACH_NODE_END();
    }
    NANOCLR_FOREACH_NODE_END();

    fprintf(s_out, "t_ms=%lld gcs=%u compactions=%u allocated=%llu free=%lu largest=%lu heap=%lu free_after_gc=%lu\n",
            nowMs - s_startMs, (unsigned)g_CLR_RT_GarbageCollector.m_numberOfGarbageCollections,
            (unsigned)g_CLR_RT_GarbageCollector.m_numberOfCompactions, s_allocatedBytes, freeBytes, largestBytes,
            heapBytes, s_freeAfterGc);
    fflush(s_out);
}
} // namespace

extern "C" CLR_RT_HeapBlock *__real__ZN18CLR_RT_HeapCluster13ExtractBlocksEjjj(
    CLR_RT_HeapCluster *cluster,
    CLR_UINT32 dataType,
    CLR_UINT32 flags,
    CLR_UINT32 length);

// CLR_RT_HeapCluster::ExtractBlocks: every allocation from the managed heap (called from Execution.cpp).
extern "C" CLR_RT_HeapBlock *__wrap__ZN18CLR_RT_HeapCluster13ExtractBlocksEjjj(
    CLR_RT_HeapCluster *cluster,
    CLR_UINT32 dataType,
    CLR_UINT32 flags,
    CLR_UINT32 length)
{
    CLR_RT_HeapBlock *block = __real__ZN18CLR_RT_HeapCluster13ExtractBlocksEjjj(cluster, dataType, flags, length);
    if (block != nullptr)
    {
        s_allocatedBytes += (unsigned long long)block->DataSize() * sizeof(CLR_RT_HeapBlock);
    }

    return block;
}

extern "C" CLR_UINT32 __real__ZN23CLR_RT_GarbageCollector24ExecuteGarbageCollectionEv(CLR_RT_GarbageCollector *gc);

// CLR_RT_GarbageCollector::ExecuteGarbageCollection (called from Execution.cpp): returns the bytes it left free.
extern "C" CLR_UINT32 __wrap__ZN23CLR_RT_GarbageCollector24ExecuteGarbageCollectionEv(CLR_RT_GarbageCollector *gc)
{
    CLR_UINT32 freeBytes = __real__ZN23CLR_RT_GarbageCollector24ExecuteGarbageCollectionEv(gc);
    s_freeAfterGc = freeBytes;
    return freeBytes;
}

extern "C" uint32_t __real_Events_WaitForEvents(uint32_t powerLevel, uint32_t wakeupSystemEvents, uint32_t timeoutMs);

// nanoCLR waits here whenever no managed thread can run: the moment to read the heap.
extern "C" uint32_t __wrap_Events_WaitForEvents(uint32_t powerLevel, uint32_t wakeupSystemEvents, uint32_t timeoutMs)
{
    if (Enabled())
    {
        long long nowMs = MonotonicMs();
        if (s_startMs < 0)
        {
            s_startMs = nowMs;
        }

        if (nowMs >= s_nextSampleMs)
        {
            s_nextSampleMs = nowMs + SampleEveryMs;
            Sample(nowMs);
        }
    }

    return __real_Events_WaitForEvents(powerLevel, wakeupSystemEvents, timeoutMs);
}
