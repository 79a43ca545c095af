//
// The virtual ESP32's internal flash file system, drive I: (littlefs in the ESP32's 256 KB "config" partition), as a
// folder of the host: VESP32_FLASH (run.sh keeps one per node, so files survive reboots and runs, as flash does).
// Only I: exists; device paths ("I:\dir\file.txt") map to host paths under the folder.
//

#ifndef VESP32_FLASH_FOLDER_H
#define VESP32_FLASH_FOLDER_H

#include <cstdint>
#include <string>

namespace FlashFolder
{
// The drive's name, as DriveInfo reports it.
extern const char *const DriveName;

// The host folder holding I:, or nullptr when VESP32_FLASH is unset (then the device has no I: drive).
const char *Root();

// A device path on I: as a host path. Fails with CLR_E_INVALID_DRIVER for another drive (or no I:),
// CLR_E_PATH_TOO_LONG past the ESP32's limit. `isRoot` tells whether the path is I:\ itself.
HRESULT ToHost(const char *devicePath, std::string &hostPath, bool *isRoot = nullptr);

// Whether a drive name ("I:", "I:\", "\I:", any case) names I:.
bool NamesTheDrive(const char *name);

// Whether the partition has room for `extraBytes` more file data (a full littlefs fails a write).
bool HasRoomFor(int64_t extraBytes);

// The partition's size: the ESP32's 4 MB flash layout gives littlefs 256 KB (partitions_nanoclr_4mb.csv).
const int64_t PartitionBytes = 256 * 1024;
} // namespace FlashFolder

#endif // VESP32_FLASH_FOLDER_H
