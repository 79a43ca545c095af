# The virtual ESP32's nanoCLR as a 32-bit x86 program (gcc -m32, Debian's multilib and i386 packages), so that it has the
# ESP32's 32-bit pointers: nanoCLR's heap blocks are 12 bytes as on the device (24 on a 64-bit host), the same objects
# take the same heap, and heap compaction works (nf-interpreter keeps its relocation offsets in 32 bits unless _WIN64 is
# defined, which breaks compaction on 64-bit Linux: GarbageCollector_Compaction.cpp, RelocationRegion::m_offset).
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR i686)
set(CMAKE_C_FLAGS_INIT "-m32")
set(CMAKE_CXX_FLAGS_INIT "-m32")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-m32")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-m32")
set(CMAKE_LIBRARY_ARCHITECTURE i386-linux-gnu)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH /)
set(CMAKE_IGNORE_PATH /usr/lib/x86_64-linux-gnu /lib/x86_64-linux-gnu)
