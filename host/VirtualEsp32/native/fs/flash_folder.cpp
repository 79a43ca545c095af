//
// See flash_folder.h.
//

#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>
#include <vector>

#include <nanoCLR_Runtime.h>
#include "flash_folder.h"

namespace
{
// nanoFramework's FS_MAX_PATH_LENGTH: 260 - 2
const size_t MaxDevicePathLength = 258;

// littlefs allocates whole blocks of 4 KB; its own metadata takes a few
const int64_t BlockBytes = 4096;
const int64_t MetadataBlocks = 2;

int64_t BlocksOf(int64_t bytes)
{
    return (bytes + BlockBytes - 1) / BlockBytes;
}

// blocks the files and folders under `folder` take
int64_t UsedBlocks(const std::string &folder)
{
    int64_t blocks = 0;
    DIR *dir = opendir(folder.c_str());
    if (dir == nullptr)
    {
        return 0;
    }

    while (dirent *entry = readdir(dir))
    {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
        {
            continue;
        }

        std::string path = folder + "/" + entry->d_name;
        struct stat info;
        if (stat(path.c_str(), &info) != 0)
        {
            continue;
        }

        blocks += S_ISDIR(info.st_mode) ? 1 + UsedBlocks(path) : BlocksOf(info.st_size);
    }

    closedir(dir);
    return blocks;
}

bool IsDriveLetter(char c)
{
    return c == 'I' || c == 'i';
}
} // namespace

namespace FlashFolder
{
const char *const DriveName = "I:";

const char *Root()
{
    const char *root = getenv("VESP32_FLASH");
    return root != nullptr && *root != '\0' ? root : nullptr;
}

bool NamesTheDrive(const char *name)
{
    if (name == nullptr || Root() == nullptr)
    {
        return false;
    }

    if (*name == '\\')
    {
        name++;
    }

    return IsDriveLetter(name[0]) && (name[1] == '\0' || (name[1] == ':' && (name[2] == '\0' || (name[2] == '\\' && name[3] == '\0'))));
}

HRESULT ToHost(const char *devicePath, std::string &hostPath, bool *isRoot)
{
    const char *root = Root();
    if (devicePath == nullptr || root == nullptr || !IsDriveLetter(devicePath[0]) || devicePath[1] != ':')
    {
        return CLR_E_INVALID_DRIVER;
    }

    if (strlen(devicePath) > MaxDevicePathLength)
    {
        return CLR_E_PATH_TOO_LONG;
    }

    // the parts after "I:", '.' and '..' resolved (managed code hands over full paths already)
    std::vector<std::string> parts;
    std::string part;
    for (const char *c = devicePath + 2;; c++)
    {
        if (*c == '\\' || *c == '/' || *c == '\0')
        {
            if (part == "..")
            {
                if (!parts.empty())
                {
                    parts.pop_back();
                }
            }
            else if (!part.empty() && part != ".")
            {
                parts.push_back(part);
            }

            part.clear();
            if (*c == '\0')
            {
                break;
            }
        }
        else
        {
            part += *c;
        }
    }

    hostPath = root;
    for (const std::string &p : parts)
    {
        hostPath += "/" + p;
    }

    if (isRoot != nullptr)
    {
        *isRoot = parts.empty();
    }

    return S_OK;
}

bool HasRoomFor(int64_t extraBytes)
{
    const char *root = Root();
    if (root == nullptr)
    {
        return false;
    }

    int64_t used = MetadataBlocks + UsedBlocks(root);
    return (used + BlocksOf(extraBytes)) * BlockBytes <= PartitionBytes;
}
} // namespace FlashFolder
