// What keeps a process from moving, found before anything stops it: the move is refused
// with these reasons (the protocol's `cantmove` words) rather than failing half-way.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <sys/types.h>

namespace omview::migration {

struct Movability {
    QStringList reasons; // empty when it can move
    QStringList files;   // regular files it holds open: the target must have them
    QList<pid_t> tree;   // the process and its descendants, which move with it
    bool exists = true;

    bool movable() const { return exists && reasons.isEmpty(); }
    QString reasonText() const { return reasons.join(u','); }
};

// Reads @procRoot/@pid (and its descendants): kernel threads ("system"), sockets
// ("socket"), terminals ("terminal"), devices other than the harmless ones ("device"),
// deleted files ("deleted_file"), kernel objects criu cannot carry ("anon_inode"),
// shared memory segments ("sysv_shm"), descriptors on mounts the process cannot see
// (inherited from another mount namespace: "foreign_mount").
Movability checkMovability(pid_t pid, const QString &procRoot = QStringLiteral("/proc"));

// The fields of @procRoot/@pid/stat the agent decides by; nothing when there is no such
// process.
struct TaskStat {
    char state = '?'; // R, S, T, Z, ...
    pid_t ppid = 0;
    pid_t session = 0;
    unsigned long flags = 0; // PF_* bits
};
std::optional<TaskStat> readTaskStat(pid_t pid, const QString &procRoot = QStringLiteral("/proc"));

} // namespace omview::migration
