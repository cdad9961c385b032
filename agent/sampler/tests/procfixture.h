// A /proc tree written into a temporary directory, for the samplers to read.
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <optional>

// One process as the fixture writes it: <pid>/stat and <pid>/cmdline.
struct FakeProcess {
    std::int32_t pid = 100;
    QByteArray comm = "worker";
    char state = 'S';
    std::int32_t ppid = 1;
    std::uint32_t flags = 0x00400100; // what a user process shows
    std::int32_t ttyNr = 0;            // controlling terminal, 0 = none
    std::uint64_t utime = 0;
    std::uint64_t stime = 0;
    std::int32_t nice = 0;
    std::uint64_t startTicks = 1000;
    std::int64_t rssPages = 10;
    std::uint64_t argStart = 0x7ffc12340000; // moves on exec
    QByteArray cmdline = QByteArray("worker\0--run\0", 13);
    std::optional<std::uint32_t> dirOwner; // chown of <pid>/, root only
    bool writeCmdline = true;
};

constexpr std::uint32_t kernelThreadFlags = 0x00208040;

// The tree: node-wide files with defaults a test may overwrite, and processes.
class ProcFixture {
public:
    ProcFixture();

    bool isValid() const { return dir_.isValid(); }
    QString root() const { return dir_.path(); }

    // Writes bytes to root/relPath, making directories on the way.
    void write(const QString &relPath, const QByteArray &bytes);
    void remove(const QString &relPath);

    void setUptime(double seconds);
    void setBootTime(std::int64_t seconds);
    // The all-CPU line of stat: busy and idle ticks spread over its fields.
    void setCpuTicks(std::uint64_t user, std::uint64_t idle, std::uint32_t cpus = 2);

    void writeProcess(const FakeProcess &process);
    void removeProcess(std::int32_t pid);

    static QByteArray statLine(const FakeProcess &process);

private:
    void writeStat();

    QTemporaryDir dir_;
    std::int64_t bootTime_ = 1700000000;
    std::uint64_t user_ = 1000;
    std::uint64_t idle_ = 9000;
    std::uint32_t cpus_ = 2;
};
