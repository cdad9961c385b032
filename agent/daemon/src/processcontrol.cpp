#include "omview/agent/processcontrol.h"

#include <QDir>
#include <QJsonObject>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace omview::agent {

namespace {

RpcError syscallError(int errnum, std::int32_t pid, const QString &action) {
    const QString reason = QString::fromLocal8Bit(std::strerror(errnum));
    if (errnum == ESRCH)
        return RpcError(ErrorCode::NoSuchProcess, u"no process %1"_s.arg(pid),
                        QJsonObject{{u"pid"_s, pid}});
    if (errnum == EPERM || errnum == EACCES)
        return RpcError(ErrorCode::PermissionDenied,
                        u"%1 process %2: %3"_s.arg(action).arg(pid).arg(reason),
                        QJsonObject{{u"pid"_s, pid}, {u"errno"_s, errnum}});
    return RpcError(ErrorCode::InternalError,
                    u"%1 process %2: %3"_s.arg(action).arg(pid).arg(reason),
                    QJsonObject{{u"pid"_s, pid}, {u"errno"_s, errnum}});
}

} // namespace

int signalNumber(ProcessSignal signal) {
    switch (signal) {
    case ProcessSignal::Term:
        return SIGTERM;
    case ProcessSignal::Kill:
        return SIGKILL;
    case ProcessSignal::Stop:
        return SIGSTOP;
    case ProcessSignal::Cont:
        return SIGCONT;
    }
    return SIGTERM;
}

std::optional<RpcError> sendSignal(std::int32_t pid, ProcessSignal signal) {
    // pid <= 0 would address process groups or everything: never from this API.
    if (pid <= 0)
        return RpcError(ErrorCode::InvalidParams, u"pid: must be 1 or more"_s,
                        QJsonObject{{u"param"_s, u"pid"_s}});
    if (::kill(pid, signalNumber(signal)) < 0)
        return syscallError(errno, pid, u"signalling"_s);
    return std::nullopt;
}

std::optional<RpcError> renice(std::int32_t pid, int nice) {
    if (pid <= 0)
        return RpcError(ErrorCode::InvalidParams, u"pid: must be 1 or more"_s,
                        QJsonObject{{u"param"_s, u"pid"_s}});
    if (::setpriority(PRIO_PROCESS, static_cast<id_t>(pid), nice) < 0)
        return syscallError(errno, pid, u"renicing"_s);
    // Linux keeps a nice value per thread and setpriority sets the one thread named; the
    // process's other threads follow, as a user renicing "the process" means.
    const QStringList tasks =
        QDir(u"/proc/%1/task"_s.arg(pid)).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        bool ok = false;
        const int tid = task.toInt(&ok);
        if (!ok || tid == pid)
            continue;
        // A thread that ended meanwhile is no failure.
        if (::setpriority(PRIO_PROCESS, static_cast<id_t>(tid), nice) < 0 && errno != ESRCH)
            return syscallError(errno, pid, u"renicing"_s);
    }
    return std::nullopt;
}

} // namespace omview::agent
