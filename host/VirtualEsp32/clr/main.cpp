//
// The virtual ESP32's start-up: loads the image (the .pe files on the command line: mscorlib, the libraries, the
// application) into nanoCLR and runs it, as the ESP32's nanoCLR runs what was deployed to its flash.
//
//   vesp32-nanoclr FILE.pe...
//
// Exit status: 0 when the application ended, DeviceRestart::ExitCode (75) when it rebooted the device
// (Power.RebootDevice: run.sh starts the device again, its flash folder kept), 1 when the image did not load.
//

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <csignal>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif
#include <fstream>
#include <string>
#include <vector>

#include <nanoCLR_Runtime.h>
#include "nanoCLR_native.h"
#include "device_restart.h"

namespace
{
bool ReadWhole(const char *path, std::vector<uint8_t> &content)
{
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file.is_open())
    {
        return false;
    }

    std::streamsize size = file.tellg();
    if (size <= 0)
    {
        return false;
    }

    content.resize((size_t)size);
    file.seekg(0);
    return (bool)file.read(reinterpret_cast<char *>(content.data()), size);
}

// With VESP32_PARENT_PID (run.sh's), the device dies with the script that runs it, even when that is killed with -9,
// as an ESP32 loses power with its supply: no device is left running behind a killed run.sh.
void DieWithParent()
{
#if defined(__linux__)
    const char *parent = getenv("VESP32_PARENT_PID");
    if (parent != nullptr && *parent != '\0')
    {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != (pid_t)atol(parent))
        {
            _exit(1); // the parent is gone already
        }
    }
#endif
}

bool IsSet(const char *name)
{
    const char *value = getenv(name);
    return value != nullptr && *value != '\0' && strcmp(value, "0") != 0;
}

// nanoCLR's traces: its statistics of every assembly it loads (on unless VESP32_BOOT_DUMP=0; without them the names
// run together on one line), and with VESP32_TRACE_EXCEPTIONS the frames an exception unwinds.
void ChooseTraces()
{
    const char *dump = getenv("VESP32_BOOT_DUMP");
    bool quiet = dump != nullptr && strcmp(dump, "0") == 0;
    s_CLR_RT_fTrace_AssemblyOverhead = quiet ? c_CLR_RT_Trace_None : c_CLR_RT_Trace_Info;
    if (IsSet("VESP32_TRACE_EXCEPTIONS"))
    {
        s_CLR_RT_fTrace_Exceptions = c_CLR_RT_Trace_Annoying;
    }
}

bool EndsWith(const char *text, const char *suffix)
{
    size_t length = strlen(text);
    size_t suffixLength = strlen(suffix);
    return length >= suffixLength && strcmp(text + length - suffixLength, suffix) == 0;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc < 2)
    {
        fprintf(stderr, "usage: %s FILE.pe... (mscorlib, the libraries and the application)\n", argv[0]);
        return 1;
    }

    DieWithParent();
    ChooseTraces();

    for (int i = 1; i < argc; i++)
    {
        std::vector<uint8_t> image;
        if (!EndsWith(argv[i], ".pe") || !ReadWhole(argv[i], image))
        {
            fprintf(stderr, "virtual ESP32: cannot read the assembly '%s' (a .pe file)\n", argv[i]);
            return 1;
        }

        // nanoCLR keys its assemblies by this name; it takes UTF-16 (the .NET host's marshalling)
        std::u16string name(argv[i], argv[i] + strlen(argv[i]));
        int result = nanoCLR_LoadAssembly(name.c_str(), image.data(), image.size());
        if (result != 0)
        {
            fprintf(stderr, "virtual ESP32: nanoCLR refused '%s' (0x%08X)\n", argv[i], (unsigned)result);
            return 1;
        }
    }

    NANO_CLR_SETTINGS settings{};
    settings.MaxContextSwitches = 50;
    settings.WaitForDebugger = false;
    settings.EnterDebuggerLoopAfterExit = false;
    nanoCLR_Run(settings);

    fflush(stdout);
    if (DeviceRestart::Requested())
    {
        fprintf(stderr, "virtual ESP32: the firmware rebooted the device\n");
        return DeviceRestart::ExitCode;
    }

    fprintf(stderr, "virtual ESP32: the application ended (Main returned, or an exception nobody caught ended it)\n");
    return 0;
}
