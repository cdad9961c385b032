#include "procfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <unistd.h>

ProcFixture::ProcFixture() {
    setUptime(1000.0);
    writeStat();
    write(QStringLiteral("loadavg"), "0.50 0.25 1.75 2/345 6789\n");
    write(QStringLiteral("meminfo"), "MemTotal:        8000000 kB\n"
                                     "MemFree:         1000000 kB\n"
                                     "MemAvailable:    6000000 kB\n"
                                     "Buffers:          100000 kB\n");
    write(QStringLiteral("sys/kernel/hostname"), "node-a\n");
    // Not a process: the sampler must pass over it.
    write(QStringLiteral("self/stat"), "garbage");
    write(QStringLiteral("sys/kernel/pid_max"), "32768\n");
}

void ProcFixture::write(const QString &relPath, const QByteArray &bytes) {
    const QString path = dir_.filePath(relPath);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write fixture %s", qPrintable(path));
    file.write(bytes);
}

void ProcFixture::remove(const QString &relPath) {
    QFile::remove(dir_.filePath(relPath));
}

void ProcFixture::setUptime(double seconds) {
    write(QStringLiteral("uptime"), QByteArray::number(seconds, 'f', 2) + " 1234.56\n");
}

void ProcFixture::setBootTime(std::int64_t seconds) {
    bootTime_ = seconds;
    writeStat();
}

void ProcFixture::setCpuTicks(std::uint64_t user, std::uint64_t idle, std::uint32_t cpus) {
    user_ = user;
    idle_ = idle;
    cpus_ = cpus;
    writeStat();
}

void ProcFixture::writeStat() {
    // busy: user + system + irq; not busy: idle + iowait; guest is inside user.
    QByteArray text = "cpu  " + QByteArray::number(user_) + " 0 " + QByteArray::number(user_ / 2) +
                      " " + QByteArray::number(idle_) + " " + QByteArray::number(idle_ / 10) +
                      " 5 0 0 " + QByteArray::number(user_ / 4) + " 0\n";
    for (std::uint32_t cpu = 0; cpu < cpus_; ++cpu)
        text += "cpu" + QByteArray::number(cpu) + " 1 2 3 4 5 6 7 8 0 0\n";
    text += "intr 12345 0 0\nctxt 99999\nbtime " + QByteArray::number(bootTime_) +
            "\nprocesses 4242\nprocs_running 1\nprocs_blocked 0\n";
    write(QStringLiteral("stat"), text);
}

QByteArray ProcFixture::statLine(const FakeProcess &p) {
    const auto n = [](auto value) {
        return QByteArray::number(value);
    };
    // Fields 1..52 of proc(5); the ones the sampler does not use get plausible values.
    return n(p.pid) + " (" + p.comm + ") " + QByteArray(1, p.state) + " " + n(p.ppid) + " " +
           n(p.pid) + " " + n(p.pid) + " " + n(p.ttyNr) + " -1 " + n(p.flags) + " 120 0 3 0 " + n(p.utime) + " " +
           n(p.stime) + " 0 0 " + n(20 + p.nice) + " " + n(p.nice) + " 1 0 " + n(p.startTicks) +
           " 12345678 " + n(p.rssPages) +
           " 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 " + n(p.argStart) +
           " 0 0 0 0\n";
}

void ProcFixture::writeProcess(const FakeProcess &p) {
    const QString pid = QString::number(p.pid);
    write(pid + QStringLiteral("/stat"), statLine(p));
    if (p.writeCmdline)
        write(pid + QStringLiteral("/cmdline"), p.cmdline);
    else
        remove(pid + QStringLiteral("/cmdline"));
    const QByteArray dir = QFile::encodeName(dir_.filePath(pid));
    const std::uint32_t owner = p.dirOwner.value_or(0);
    if (p.dirOwner && ::chown(dir.constData(), owner, owner) != 0)
        qFatal("cannot chown %s", dir.constData());
}

void ProcFixture::removeProcess(std::int32_t pid) {
    QDir(dir_.filePath(QString::number(pid))).removeRecursively();
}
