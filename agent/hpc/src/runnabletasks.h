// RunnableTasks: how many tasks of the PID namespace a /proc root shows are runnable now.
#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <expected>
#include <optional>

namespace omview::hpc {

class ProcFs;

// A /proc mount shows the tasks of one PID namespace. For the initial namespace that is every
// task of the host, and /proc/stat's procs_running is already their count at the cost of one
// small read; any other namespace (a container, a node of lab/cluster/omcluster) needs a walk:
// <pid>/stat of every process, whose state is exact for a single-threaded one, and
// <pid>/task/<tid>/stat of every thread of a multi-threaded one. The calling thread, busy
// reading, is never counted, as the module's timer never counts itself.
class RunnableTasks {
public:
    explicit RunnableTasks(const ProcFs &fs);

    // Runnable tasks other than the calling thread, or the errno of reading the root.
    std::expected<std::uint32_t, int> count() const;

    // Whether the root shows the initial PID namespace, so procs_running answers.
    bool wholeHost() const { return m_wholeHost; }

    // A task's state and thread count from the text of its stat file ("PID (COMM) S ...",
    // field 20 num_threads); nothing when the text is not one.
    struct StatHead {
        char state = '?';
        std::uint32_t threads = 0;
    };
    static std::optional<StatHead> parseStatHead(const char *text, std::size_t len);

private:
    std::expected<std::uint32_t, int> walk() const;
    std::optional<std::uint32_t> selfTid() const;

    const ProcFs &m_fs;
    QByteArray m_root; // encoded for the system calls
    bool m_wholeHost = false;
};

} // namespace omview::hpc
