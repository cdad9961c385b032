// A /proc tree opened once per sample; files below it are opened relative to
// its descriptor and read into reused, caller-owned buffers.
#pragma once

#include <QByteArray>
#include <cstddef>
#include <cstdint>
#include <expected>
#include <limits>
#include <string_view>
#include <vector>

namespace omview::sampler {

// Owns the directory descriptor of the tree and the buffer its listing is
// read into. Errors are errno values.
class ProcRoot {
public:
    ProcRoot() = default;
    ~ProcRoot();
    ProcRoot(const ProcRoot &) = delete;
    ProcRoot &operator=(const ProcRoot &) = delete;

    // (Re)opens the tree at path: 0 or errno.
    int open(const QByteArray &path);

    // The bytes of the file at relPath (relative to the root), at most limit
    // of them. The view points into buffer, which grows when the file does
    // not fit and keeps its size for the next call.
    std::expected<std::string_view, int>
    read(const char *relPath, std::vector<char> &buffer,
         std::size_t limit = std::numeric_limits<std::size_t>::max()) const;

    // A descriptor of the file at relPath, for the caller to read with
    // readFile as often as it likes and to close.
    std::expected<int, int> openFile(const char *relPath) const;
    // What read() does, from an open file, starting at its beginning.
    static std::expected<std::string_view, int>
    readFile(int fd, std::vector<char> &buffer,
             std::size_t limit = std::numeric_limits<std::size_t>::max());

    // The owner of the file or directory at relPath.
    std::expected<std::uint32_t, int> ownerOf(const char *relPath) const;

    // The numeric entries of the root (the process IDs), ascending: 0 or errno.
    int listPids(std::vector<std::int32_t> &pids);

private:
    int fd_ = -1;
    std::vector<char> entries_; // getdents64 buffer, allocated on first use
};

// "<pid>/<name>", or "<pid>" for an empty name, into out (NUL-terminated);
// out must hold 32 bytes.
void pidPath(char *out, std::int32_t pid, std::string_view name);

} // namespace omview::sampler
