#include "processreader.h"

#include "procroot.h"

#include <cerrno>
#include <string_view>
#include <unistd.h>

namespace omview::sampler {

ReadResult ProcessReader::failure(int error) {
    lastError_ = error;
    return error == ENOENT || error == ESRCH ? ReadResult::Vanished : ReadResult::Unreadable;
}

ReadResult ProcessReader::readStat(const ProcRoot &root, std::int32_t pid, int &statFd,
                                   bool keepOpen) {
    const ReadResult result = readStatFile(root, pid, statFd, keepOpen);
    if (result != ReadResult::Read)
        return result;
    char path[32];
    pidPath(path, pid, {});
    const auto owner = root.ownerOf(path);
    if (!owner) {
        closeFile(statFd);
        return failure(owner.error());
    }
    uid_ = *owner;
    return ReadResult::Read;
}

ReadResult ProcessReader::readStatFile(const ProcRoot &root, std::int32_t pid, int &statFd,
                                       bool keepOpen) {
    if (statFd >= 0) {
        // ESRCH once the process is gone, even if its pid is someone else's
        // by now: the file belongs to the process, not to the number.
        const auto text = ProcRoot::readFile(statFd, statBuffer_);
        if (text) {
            auto line = parseStatLine(*text);
            if (line && line->pid == pid) {
                stat_ = *line;
                return ReadResult::Read;
            }
        }
        closeFile(statFd);
    }

    char path[32];
    pidPath(path, pid, "stat");
    const auto fd = root.openFile(path);
    if (!fd)
        return failure(fd.error());
    statFd = *fd;
    const auto text = ProcRoot::readFile(statFd, statBuffer_);
    if (!text) {
        closeFile(statFd);
        return failure(text.error());
    }
    auto line = parseStatLine(*text);
    if (!line || line->pid != pid) {
        closeFile(statFd);
        return failure(0);
    }
    stat_ = *line;
    if (!keepOpen)
        closeFile(statFd);
    return ReadResult::Read;
}

void ProcessReader::closeFile(int &fd) {
    if (fd >= 0)
        ::close(fd);
    fd = -1;
}

ReadResult ProcessReader::readCmdline(const ProcRoot &root, std::int32_t pid) {
    cmdline_ = {};
    cmdlineTruncated_ = false;
    if (stat_.isKernelThread())
        return ReadResult::Read;
    char path[32];
    pidPath(path, pid, "cmdline");
    const auto text = root.read(path, cmdlineBuffer_, cmdlineLimit_ + 1);
    if (!text) {
        const ReadResult result = failure(text.error());
        return result == ReadResult::Vanished ? result : ReadResult::Read;
    }
    cmdlineTruncated_ = text->size() > cmdlineLimit_;
    cmdline_ =
        std::span<char>(cmdlineBuffer_.data(), cmdlineTruncated_ ? cmdlineLimit_ : text->size());
    return ReadResult::Read;
}

} // namespace omview::sampler
