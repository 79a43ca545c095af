//
// System.IO.FileSystem 1.1.93 on the virtual ESP32: the ESP32's internal drive I: over a folder (flash_folder.h).
// They answer as nanoFramework's portable natives (src/System.IO.FileSystem) do over the ESP32 target's littlefs
// driver (targets/ESP32/_littlefs): the same HRESULTs, hence the same exceptions, the same attributes (0 for a file
// from GetAttributes, Normal from GetFileInfo, nothing for I:\ itself from GetFileInfo), an unknown total size, a
// stream that can read, write and seek, an existing file opened for reading and writing and a missing one created.
// There is no SD card: the SDCard natives throw NotSupportedException.
//

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>
#include <algorithm>

#include "nf_sys_io_filesystem.h"
#include "flash_folder.h"

typedef Library_nf_sys_io_filesystem_System_IO_NativeIO NativeIO;
typedef Library_nf_sys_io_filesystem_System_IO_NativeFileStream NativeFileStream;
typedef Library_nf_sys_io_filesystem_System_IO_NativeFindFile NativeFindFile;
typedef Library_nf_sys_io_filesystem_System_IO_NativeFileInfo NativeFileInfo;
typedef Library_nf_sys_io_filesystem_System_IO_Directory Directory;
typedef Library_nf_sys_io_filesystem_System_IO_DriveInfo DriveInfo;
typedef Library_nf_sys_io_filesystem_nanoFramework_System_IO_FileSystem_SDCard SDCard;

namespace
{
// managed System.IO.NativeIO.EmptyAttribute: "no such file"
const uint32_t EmptyAttribute = 0xFFFFFFFF;
const uint32_t SeekOriginEnd = 2;

// what NativeFileStream._fs holds
struct OpenFile
{
    int fd;
};

HRESULT HostPathOf(CLR_RT_HeapBlock &argument, std::string &hostPath, bool *isRoot = nullptr)
{
    CLR_RT_HeapBlock_String *path = argument.DereferenceString();
    if (path == nullptr)
    {
        return CLR_E_NULL_REFERENCE;
    }

    return FlashFolder::ToHost(path->StringText(), hostPath, isRoot);
}

HRESULT RemoveTree(const std::string &folder)
{
    DIR *dir = opendir(folder.c_str());
    if (dir == nullptr)
    {
        return CLR_E_FILE_IO;
    }

    HRESULT result = S_OK;
    while (dirent *entry = readdir(dir))
    {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
        {
            continue;
        }

        std::string path = folder + "/" + entry->d_name;
        struct stat info;
        if (stat(path.c_str(), &info) != 0 ||
            (S_ISDIR(info.st_mode) ? RemoveTree(path) != S_OK : unlink(path.c_str()) != 0))
        {
            result = CLR_E_FILE_IO;
        }
    }

    closedir(dir);
    return result == S_OK && rmdir(folder.c_str()) != 0 ? CLR_E_FILE_IO : result;
}

HRESULT FileOf(CLR_RT_StackFrame &stack, OpenFile *&file)
{
    CLR_RT_HeapBlock_BinaryBlob *blob = stack.This()[NativeFileStream::FIELD___fs].DereferenceBinaryBlob();
    if (blob == nullptr)
    {
        return CLR_E_OBJECT_DISPOSED;
    }

    file = (OpenFile *)blob->GetData();
    return file->fd < 0 ? CLR_E_OBJECT_DISPOSED : S_OK;
}

// Read/Write(byte[] buffer, int offset, int count, int timeout): the bytes moved
HRESULT Transfer(CLR_RT_StackFrame &stack, bool isRead)
{
    NANOCLR_HEADER();

    OpenFile *file;
    CLR_RT_HeapBlock_Array *buffer = stack.Arg1().DereferenceArray();
    int32_t offset = stack.Arg2().NumericByRef().s4;
    int32_t count = stack.Arg3().NumericByRef().s4;
    int32_t moved = 0;
    FAULT_ON_NULL_ARG(buffer);
    NANOCLR_CHECK_HRESULT(FileOf(stack, file));

    if (offset < 0 || count < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    if ((int32_t)buffer->m_numOfElements - offset < count)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    if (!isRead)
    {
        struct stat info;
        off_t position = lseek(file->fd, 0, SEEK_CUR);
        if (fstat(file->fd, &info) != 0 || position < 0)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
        }

        int64_t growth = (int64_t)position + count - (int64_t)info.st_size;
        if (growth > 0 && !FlashFolder::HasRoomFor(growth))
        {
            // littlefs is full: the write fails
            NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
        }
    }

    while (moved < count)
    {
        uint8_t *at = buffer->GetElement(offset + moved);
        ssize_t done = isRead ? read(file->fd, at, count - moved) : write(file->fd, at, count - moved);
        if (done < 0)
        {
            if (errno == EINTR)
            {
                continue;
            }

            NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
        }

        if (done == 0)
        {
            break; // end of file
        }

        moved += (int32_t)done;
    }

    stack.SetResult_I4(moved);

    NANOCLR_NOCLEANUP();
}

HRESULT NewDriveInfo(CLR_RT_HeapBlock *drive)
{
    NANOCLR_HEADER();

    NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_String::CreateInstance(drive[DriveInfo::FIELD___name], FlashFolder::DriveName));
    drive[DriveInfo::FIELD___driveType].SetInteger((CLR_UINT32)DriveType_Fixed);
    // the ESP32's littlefs driver does not tell its size
    drive[DriveInfo::FIELD___totalSize].SetInteger((CLR_INT64)-1);
    drive[DriveInfo::FIELD___volumeIndex].SetInteger((CLR_UINT32)0);

    NANOCLR_NOCLEANUP();
}

bool IsListed(const std::string &name, bool isDirectory, bool wantDirectories)
{
    if (wantDirectories)
    {
        return isDirectory;
    }

    // files, but not the ".sys" ones
    size_t dot = name.rfind('.');
    return !isDirectory && (dot == std::string::npos || name.compare(dot, std::string::npos, ".sys") != 0);
}
} // namespace

// ---------------------------------------------------------------- NativeIO

HRESULT NativeIO::Delete___STATIC__VOID__STRING__BOOLEAN(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    std::string path;
    bool recursive = stack.Arg1().NumericByRef().u1 != 0;
    struct stat info;
    NANOCLR_CHECK_HRESULT(HostPathOf(stack.Arg0(), path));

    if (stat(path.c_str(), &info) != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FILE_NOT_FOUND);
    }

    if (!S_ISDIR(info.st_mode))
    {
        if (unlink(path.c_str()) != 0)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
        }
    }
    else if (rmdir(path.c_str()) != 0)
    {
        if (errno != ENOTEMPTY && errno != EEXIST)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
        }

        if (!recursive)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_DIRECTORY_NOT_EMPTY);
        }

        NANOCLR_CHECK_HRESULT(RemoveTree(path));
    }

    NANOCLR_NOCLEANUP();
}

HRESULT NativeIO::Move___STATIC__BOOLEAN__STRING__STRING(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    std::string from;
    std::string to;
    NANOCLR_CHECK_HRESULT(HostPathOf(stack.Arg0(), from));
    NANOCLR_CHECK_HRESULT(HostPathOf(stack.Arg1(), to));

    // managed code has checked that the source exists and the destination does not
    if (rename(from.c_str(), to.c_str()) != 0)
    {
        if (errno == ENOTEMPTY || errno == EEXIST)
        {
            stack.SetResult_Boolean(false);
            NANOCLR_SET_AND_LEAVE(S_OK);
        }

        NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
    }

    stack.SetResult_Boolean(true);

    NANOCLR_NOCLEANUP();
}

HRESULT NativeIO::CreateDirectory___STATIC__VOID__STRING(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    std::string path;
    struct stat info;
    NANOCLR_CHECK_HRESULT(HostPathOf(stack.Arg0(), path));

    // every missing folder on the way, as the littlefs driver creates them
    for (size_t slash = strlen(FlashFolder::Root()) + 1; slash != std::string::npos;)
    {
        slash = path.find('/', slash + 1);
        std::string prefix = path.substr(0, slash);
        if (mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
        }
    }

    if (stat(path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
    }

    NANOCLR_NOCLEANUP();
}

HRESULT NativeIO::GetAttributes___STATIC__U4__STRING(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    std::string path;
    bool isRoot;
    struct stat info;
    NANOCLR_CHECK_HRESULT(HostPathOf(stack.Arg0(), path, &isRoot));

    if (stat(path.c_str(), &info) != 0)
    {
        stack.SetResult_U4(EmptyAttribute);
    }
    else
    {
        stack.SetResult_U4(isRoot || S_ISDIR(info.st_mode) ? (uint32_t)FileAttributes_Directory : 0u);
    }

    NANOCLR_NOCLEANUP();
}

HRESULT NativeIO::SetAttributes___STATIC__VOID__STRING__U4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    std::string path;
    struct stat info;
    NANOCLR_CHECK_HRESULT(HostPathOf(stack.Arg0(), path));

    // the ESP32's littlefs driver checks that the entry exists and keeps no attributes
    if (stat(path.c_str(), &info) != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
    }

    NANOCLR_NOCLEANUP();
}

HRESULT NativeIO::Format___STATIC__VOID__STRING__STRING__U4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    std::string path;
    NANOCLR_CHECK_HRESULT(HostPathOf(stack.Arg0(), path));

    // as on the ESP32: its littlefs driver does not format
    NANOCLR_SET_AND_LEAVE(CLR_E_NOT_SUPPORTED);

    NANOCLR_NOCLEANUP();
}

// ---------------------------------------------------------------- NativeFindFile

HRESULT NativeFindFile::GetFileInfo___STATIC__SystemIONativeFileInfo__STRING(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    std::string path;
    bool isRoot;
    struct stat info;
    CLR_RT_TypeDef_Index fileInfoType;
    CLR_RT_HeapBlock *fileInfo;
    CLR_RT_HeapBlock &result = stack.PushValueAndClear();
    NANOCLR_CHECK_HRESULT(HostPathOf(stack.Arg0(), path, &isRoot));

    // none for I:\ itself, as the littlefs driver answers
    if (isRoot || stat(path.c_str(), &info) != 0)
    {
        result.SetObjectReference(nullptr);
        NANOCLR_SET_AND_LEAVE(S_OK);
    }

    g_CLR_RT_TypeSystem.FindTypeDef("NativeFileInfo", "System.IO", fileInfoType);
    NANOCLR_CHECK_HRESULT(g_CLR_RT_ExecutionEngine.NewObjectFromIndex(result, fileInfoType));
    fileInfo = result.Dereference();
    fileInfo[NativeFileInfo::FIELD__Attributes].SetInteger(
        (CLR_UINT32)(S_ISDIR(info.st_mode) ? FileAttributes_Directory : FileAttributes_Normal));
    fileInfo[NativeFileInfo::FIELD__Size].SetInteger((CLR_INT64)(S_ISDIR(info.st_mode) ? 0 : info.st_size));
    fileInfo[NativeFileInfo::FIELD__FileName].SetObjectReference(nullptr);

    NANOCLR_NOCLEANUP();
}

// ---------------------------------------------------------------- Directory

HRESULT Directory::NativeGetChildren___STATIC__SZARRAY_STRING__STRING__BOOLEAN(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    std::string path;
    std::string prefix;
    std::vector<std::string> names;
    bool wantDirectories = stack.Arg1().NumericByRef().u1 != 0;
    CLR_RT_HeapBlock_String *devicePath = stack.Arg0().DereferenceString();
    CLR_RT_HeapBlock *entry;
    DIR *dir;
    CLR_RT_HeapBlock &result = stack.PushValue();
    FAULT_ON_NULL(devicePath);
    NANOCLR_CHECK_HRESULT(HostPathOf(stack.Arg0(), path));

    // a missing folder lists nothing
    dir = opendir(path.c_str());
    if (dir != nullptr)
    {
        while (dirent *child = readdir(dir))
        {
            struct stat info;
            std::string name = child->d_name;
            if (name != "." && name != ".." && stat((path + "/" + name).c_str(), &info) == 0 &&
                IsListed(name, S_ISDIR(info.st_mode), wantDirectories))
            {
                names.push_back(name);
            }
        }

        closedir(dir);
    }

    // littlefs lists a folder in name order
    std::sort(names.begin(), names.end());
    NANOCLR_CHECK_HRESULT(
        CLR_RT_HeapBlock_Array::CreateInstance(result, (CLR_UINT32)names.size(), g_CLR_RT_WellKnownTypes.m_String));

    prefix = devicePath->StringText();
    if (prefix.empty() || prefix.back() != '\\')
    {
        prefix += '\\';
    }

    entry = (CLR_RT_HeapBlock *)result.DereferenceArray()->GetFirstElement();
    for (const std::string &name : names)
    {
        NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_String::CreateInstance(*entry++, (prefix + name).c_str()));
    }

    NANOCLR_NOCLEANUP();
}

// ---------------------------------------------------------------- NativeFileStream

HRESULT NativeFileStream::_ctor___VOID__STRING__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    std::string path;
    CLR_RT_HeapBlock *self = stack.This();
    OpenFile *file;
    int fd;
    NANOCLR_CHECK_HRESULT(HostPathOf(stack.Arg1(), path));

    if (stack.Arg2().NumericByRef().s4 < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    // an existing file opens for reading and writing, a missing one is created
    fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
    }

    hr = CLR_RT_HeapBlock_BinaryBlob::CreateInstance(self[FIELD___fs], sizeof(OpenFile), nullptr, nullptr, 0);
    if (FAILED(hr))
    {
        close(fd);
        NANOCLR_LEAVE();
    }

    file = (OpenFile *)self[FIELD___fs].DereferenceBinaryBlob()->GetData();
    file->fd = fd;

    NANOCLR_NOCLEANUP();
}

HRESULT NativeFileStream::Read___I4__SZARRAY_U1__I4__I4__I4(CLR_RT_StackFrame &stack)
{
    return Transfer(stack, true);
}

HRESULT NativeFileStream::Write___I4__SZARRAY_U1__I4__I4__I4(CLR_RT_StackFrame &stack)
{
    return Transfer(stack, false);
}

HRESULT NativeFileStream::Seek___I8__I8__U4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    OpenFile *file;
    int64_t offset = stack.Arg1().NumericByRef().s8;
    uint32_t origin = stack.Arg2().NumericByRef().u4;
    off_t position;
    NANOCLR_CHECK_HRESULT(FileOf(stack, file));

    if (origin > SeekOriginEnd)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    // SeekOrigin's Begin, Current and End are SEEK_SET, SEEK_CUR and SEEK_END
    position = lseek(file->fd, (off_t)offset, origin == 0 ? SEEK_SET : origin == 1 ? SEEK_CUR : SEEK_END);
    if (position < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
    }

    stack.SetResult_I8((CLR_INT64)position);

    NANOCLR_NOCLEANUP();
}

HRESULT NativeFileStream::Flush___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    // every write has reached the file already (the ESP32's driver flushes after each write too)
    OpenFile *file;
    NANOCLR_CHECK_HRESULT(FileOf(stack, file));

    NANOCLR_NOCLEANUP();
}

HRESULT NativeFileStream::GetLength___I8(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    OpenFile *file;
    struct stat info;
    NANOCLR_CHECK_HRESULT(FileOf(stack, file));

    if (fstat(file->fd, &info) != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
    }

    stack.SetResult_I8((CLR_INT64)info.st_size);

    NANOCLR_NOCLEANUP();
}

HRESULT NativeFileStream::SetLength___VOID__I8(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    OpenFile *file;
    int64_t length = stack.Arg1().NumericByRef().s8;
    struct stat info;
    NANOCLR_CHECK_HRESULT(FileOf(stack, file));

    if (length < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    if (fstat(file->fd, &info) != 0 ||
        (length > (int64_t)info.st_size && !FlashFolder::HasRoomFor(length - (int64_t)info.st_size)) ||
        ftruncate(file->fd, (off_t)length) != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
    }

    NANOCLR_NOCLEANUP();
}

HRESULT NativeFileStream::GetStreamProperties___VOID__BYREF_BOOLEAN__BYREF_BOOLEAN__BYREF_BOOLEAN(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    OpenFile *file;
    CLR_RT_HeapBlock *canRead = stack.Arg1().Dereference();
    CLR_RT_HeapBlock *canWrite = stack.Arg2().Dereference();
    CLR_RT_HeapBlock *canSeek = stack.Arg3().Dereference();
    NANOCLR_CHECK_HRESULT(FileOf(stack, file));
    FAULT_ON_NULL(canRead);
    FAULT_ON_NULL(canWrite);
    FAULT_ON_NULL(canSeek);

    canRead->SetBoolean(true);
    canWrite->SetBoolean(true);
    canSeek->SetBoolean(true);

    NANOCLR_NOCLEANUP();
}

HRESULT NativeFileStream::Close___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    OpenFile *file;
    CLR_RT_HeapBlock *self = stack.This();
    FAULT_ON_NULL(self);

    // closing a closed stream is fine
    if (SUCCEEDED(FileOf(stack, file)))
    {
        int fd = file->fd;
        file->fd = -1;
        if (close(fd) != 0)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
        }
    }

    NANOCLR_CLEANUP();

    self[FIELD___fs].SetObjectReference(nullptr);

    NANOCLR_CLEANUP_END();
}

// ---------------------------------------------------------------- DriveInfo: one fixed drive, I:

HRESULT DriveInfo::Refresh___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *self = stack.This();
    CLR_RT_HeapBlock_String *name = self[FIELD___name].DereferenceString();
    if (name == nullptr || !FlashFolder::NamesTheDrive(name->StringText()))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_VOLUME_NOT_FOUND);
    }

    NANOCLR_CHECK_HRESULT(NewDriveInfo(self));

    NANOCLR_NOCLEANUP();
}

HRESULT DriveInfo::DriveInfoNative___VOID__STRING(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock_String *name = stack.Arg1().DereferenceString();
    FAULT_ON_NULL(name);
    if (!FlashFolder::NamesTheDrive(name->StringText()))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_VOLUME_NOT_FOUND);
    }

    NANOCLR_CHECK_HRESULT(NewDriveInfo(stack.This()));

    NANOCLR_NOCLEANUP();
}

HRESULT DriveInfo::_ctor___VOID__U4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    if (stack.Arg1().NumericByRef().u4 != 0 || FlashFolder::Root() == nullptr)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FILE_IO);
    }

    NANOCLR_CHECK_HRESULT(NewDriveInfo(stack.This()));

    NANOCLR_NOCLEANUP();
}

HRESULT DriveInfo::GetFileSystems___STATIC__SZARRAY_STRING(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock &result = stack.PushValueAndClear();
    NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_Array::CreateInstance(result, 1, g_CLR_RT_WellKnownTypes.m_String));
    // the name the ESP32 target's littlefs driver gives itself
    NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_String::CreateInstance(
        *(CLR_RT_HeapBlock *)result.DereferenceArray()->GetFirstElement(),
        "FATFS"));

    NANOCLR_NOCLEANUP();
}

HRESULT DriveInfo::MountRemovableVolumes___STATIC__VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    // nothing removable on a DevKitC
    (void)stack;

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT DriveInfo::GetDrivesNative___STATIC__SZARRAY_SystemIODriveInfo(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_TypeDef_Index driveInfoType;
    CLR_RT_HeapBlock *drives;
    CLR_UINT32 count = FlashFolder::Root() == nullptr ? 0 : 1;
    CLR_RT_HeapBlock &result = stack.PushValueAndClear();

    g_CLR_RT_TypeSystem.FindTypeDef("DriveInfo", "System.IO", driveInfoType);
    NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_Array::CreateInstance(result, count, driveInfoType));
    drives = (CLR_RT_HeapBlock *)result.DereferenceArray()->GetFirstElement();
    for (CLR_UINT32 i = 0; i < count; i++)
    {
        NANOCLR_CHECK_HRESULT(g_CLR_RT_ExecutionEngine.NewObjectFromIndex(drives[i], driveInfoType));
        NANOCLR_CHECK_HRESULT(NewDriveInfo(drives[i].Dereference()));
    }

    NANOCLR_NOCLEANUP();
}

// ---------------------------------------------------------------- SDCard: none on the virtual DevKitC

#define NO_SD_CARD(method)                                                                                             \
    HRESULT SDCard::method(CLR_RT_StackFrame &stack)                                                                   \
    {                                                                                                                  \
        (void)stack;                                                                                                   \
        return CLR_E_NOT_SUPPORTED;                                                                                    \
    }

NO_SD_CARD(InitNative___VOID)
NO_SD_CARD(NativeDispose___VOID)
NO_SD_CARD(MountNative___VOID)
NO_SD_CARD(UnmountNative___VOID)
NO_SD_CARD(PollCardDetectNative___BOOLEAN)
