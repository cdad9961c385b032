#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <omview/migration/movability.h>

using namespace Qt::StringLiterals;

namespace omview::migration {

namespace {

constexpr unsigned long PfKthread = 0x00200000; // include/linux/sched.h

// Devices every node has and criu reopens by path.
bool harmlessDevice(const QString &path) {
    static const QSet<QString> ok{u"/dev/null"_s, u"/dev/zero"_s, u"/dev/full"_s, u"/dev/random"_s,
                                  u"/dev/urandom"_s};
    return ok.contains(path);
}

// anon_inode kinds criu dumps and restores.
bool carriedAnonInode(const QString &link) {
    static const QStringList ok{u"anon_inode:[eventfd]"_s,  u"anon_inode:[eventpoll]"_s,
                                u"anon_inode:[signalfd]"_s, u"anon_inode:[timerfd]"_s,
                                u"anon_inode:inotify"_s,    u"anon_inode:[pidfd]"_s};
    return ok.contains(link);
}

void addReason(Movability &m, const QString &reason) {
    if (!m.reasons.contains(reason))
        m.reasons.append(reason);
}

// The mount IDs the process can see. A descriptor on a mount outside them (inherited from
// another mount namespace) cannot be reopened anywhere: criu refuses it.
QSet<QByteArray> visibleMounts(const QString &procDir) {
    QSet<QByteArray> ids;
    // /proc files report no size: read them whole, never loop on atEnd().
    QFile f(procDir + u"/mountinfo"_s);
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.isEmpty())
                ids.insert(line.split(' ').first());
    return ids;
}

QByteArray mountOf(const QString &procDir, const QString &fd) {
    QFile f(procDir + u"/fdinfo/"_s + fd);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("mnt_id:"))
            return line.mid(7).trimmed();
    return QByteArray();
}

void checkFiles(Movability &m, const QString &procDir) {
    const QSet<QByteArray> mounts = visibleMounts(procDir);
    const QDir fdDir(procDir + u"/fd"_s);
    const QStringList fds = fdDir.entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &fd : fds) {
        const QString link = QFile::symLinkTarget(fdDir.filePath(fd));
        // symLinkTarget makes relative names absolute against the fd directory.
        const QString raw = link.startsWith(fdDir.absolutePath() + u'/')
                                ? link.mid(fdDir.absolutePath().size() + 1)
                                : link;
        // Closed between the listing and the look (a process that opens and closes files
        // all the time): nothing to carry.
        if (raw.isEmpty() || raw.startsWith(u"pipe:"_s))
            continue;
        if (raw.startsWith(u'/') && !mounts.isEmpty() && !mounts.contains(mountOf(procDir, fd))) {
            addReason(m, u"foreign_mount"_s);
        } else if (raw.startsWith(u"socket:"_s)) {
            addReason(m, u"socket"_s);
        } else if (raw.startsWith(u"anon_inode:"_s)) {
            if (!carriedAnonInode(raw))
                addReason(m, u"anon_inode"_s);
        } else if (raw.endsWith(u" (deleted)"_s)) {
            addReason(m, u"deleted_file"_s);
        } else if (raw.startsWith(u"/dev/pts/"_s) || raw.startsWith(u"/dev/tty"_s) ||
                   raw == u"/dev/console"_s || raw == u"/dev/ptmx"_s) {
            addReason(m, u"terminal"_s);
        } else if (raw.startsWith(u"/dev/"_s) && !harmlessDevice(raw) &&
                   !raw.startsWith(u"/dev/shm/"_s)) {
            addReason(m, u"device"_s);
        } else if (raw.startsWith(u'/')) {
            if (!m.files.contains(raw))
                m.files.append(raw);
        } else {
            addReason(m, u"anon_inode"_s);
        }
    }
}

void checkMaps(Movability &m, const QString &procDir) {
    QFile maps(procDir + u"/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        return;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        if (line.contains("/SYSV"))
            addReason(m, u"sysv_shm"_s);
        else if (line.contains(" /dev/") && !line.contains("/dev/zero"))
            addReason(m, u"device"_s);
    }
}

QList<pid_t> childrenOf(const QString &procDir) {
    QList<pid_t> out;
    const QDir tasks(procDir + u"/task"_s);
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile f(tasks.filePath(tid) + u"/children"_s);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &c : f.readAll().simplified().split(' ')) {
            bool ok = false;
            const int child = c.toInt(&ok);
            if (ok)
                out.append(pid_t(child));
        }
    }
    return out;
}

} // namespace

std::optional<TaskStat> readTaskStat(pid_t pid, const QString &procRoot) {
    QFile f(procRoot + u'/' + QString::number(pid) + u"/stat"_s);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    // The command may hold spaces and parentheses: the fields start after its last ')'.
    const QByteArray text = f.readAll();
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return std::nullopt;
    // After ") ": state(0) ppid(1) pgrp(2) session(3) ... flags(6).
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    if (fields.size() <= 6 || fields[0].isEmpty())
        return std::nullopt;
    return TaskStat{fields[0].at(0), pid_t(fields[1].toInt()), pid_t(fields[3].toInt()),
                    fields[6].toULong()};
}

Movability checkMovability(pid_t pid, const QString &procRoot) {
    Movability m;
    QList<pid_t> todo{pid};
    while (!todo.isEmpty()) {
        const pid_t p = todo.takeFirst();
        const QString dir = procRoot + u'/' + QString::number(p);
        const auto stat = readTaskStat(p, procRoot);
        if (!stat) {
            if (p == pid)
                m.exists = false;
            continue;
        }
        if (stat->flags & PfKthread)
            addReason(m, u"system"_s);
        if (p == 1)
            addReason(m, u"system"_s);
        m.tree.append(p);
        checkFiles(m, dir);
        checkMaps(m, dir);
        todo.append(childrenOf(dir));
    }
    if (!m.exists)
        m.tree.clear();
    return m;
}

} // namespace omview::migration
