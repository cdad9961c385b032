// collector.diskfull: on a 1 MiB tmpfs (in a private mount namespace, so
// nothing outside sees it) the writer meets SQLITE_FULL: it stops with an
// error naming the file, drops ticks, retries, and writes again once space is
// freed. Needs root (CAP_SYS_ADMIN) for the namespace; skipped otherwise.
#include "storetestsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sched.h>
#include <string>
#include <sys/mount.h>

using namespace omview::store;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

QString namespaceProblem; // why the test cannot run, when it cannot

// Enters a mount namespace of its own whose mounts do not propagate back.
// Must run before any thread exists (unshare(CLONE_NEWNS) refuses threads
// sharing the file system context).
void enterPrivateMountNamespace() {
    if (::unshare(CLONE_NEWNS) != 0) {
        namespaceProblem =
            u"unshare(CLONE_NEWNS): %1"_s.arg(QString::fromLocal8Bit(strerror(errno)));
        return;
    }
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) == 0)
        return;
    // In a chroot "/" is no mount point: make each visible mount private.
    std::ifstream mountinfo("/proc/self/mountinfo");
    std::string line;
    while (std::getline(mountinfo, line)) {
        // ID PARENT MAJ:MIN ROOT MOUNTPOINT ...
        std::size_t pos = 0;
        for (int field = 0; field < 4 && pos != std::string::npos; ++field)
            pos = line.find(' ', pos + 1);
        if (pos == std::string::npos)
            continue;
        const std::size_t end = line.find(' ', pos + 1);
        const std::string mountPoint = line.substr(pos + 1, end - pos - 1);
        ::mount(nullptr, mountPoint.c_str(), nullptr, MS_PRIVATE, nullptr);
    }
}

} // namespace

class DiskFullTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void stopsWithAnErrorAndResumes();

private:
    QTemporaryDir m_base;
    QString m_mount;
};

void DiskFullTest::initTestCase() {
    if (!namespaceProblem.isEmpty())
        QSKIP(qPrintable(u"no private mount namespace (%1); run as root"_s.arg(namespaceProblem)));
    m_mount = m_base.filePath(u"small"_s);
    QVERIFY(QDir().mkpath(m_mount));
    if (::mount("tmpfs", QFile::encodeName(m_mount).constData(), "tmpfs", 0, "size=1M,mode=0700") !=
        0) {
        const QString why = QString::fromLocal8Bit(strerror(errno));
        m_mount.clear();
        QSKIP(qPrintable(u"cannot mount a tmpfs: %1"_s.arg(why)));
    }
}

void DiskFullTest::cleanupTestCase() {
    if (!m_mount.isEmpty())
        ::umount2(QFile::encodeName(m_mount).constData(), MNT_DETACH);
}

void DiskFullTest::stopsWithAnErrorAndResumes() {
    const QString path = m_mount + u"/collector.db"_s;
    WriterOptions options;
    options.path = path;
    options.durability = Durability::Full;
    options.retryInterval = std::chrono::milliseconds(200);
    auto writer = StoreWriter::open(options);
    QVERIFY2(writer, writer ? "" : qPrintable(writer.error().message));

    constexpr NodeId Nodes = 100;
    std::int64_t t = 1699999200;
    const auto writeOne = [&] {
        Tick tick;
        tick.t = t++;
        for (NodeId n = 1; n <= Nodes; ++n)
            tick.nodes.append(sampleAt(tick.t, n));
        submit(**writer, std::move(tick));
    };
    for (int i = 0; i < 20; ++i)
        writeOne();
    QVERIFY(await((*writer)->flush()));
    QCOMPARE((*writer)->status().state, WriterStatus::State::Writing);

    // Fill the file system up completely.
    const QString fillerPath = m_mount + u"/filler"_s;
    {
        QFile filler(fillerPath);
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }

    // Ticks go on until one needs space: then the writer pauses with an
    // error that says what happened and where.
    const std::int64_t lastBeforeFull = t - 1;
    for (int i = 0; i < 400 && (*writer)->status().state == WriterStatus::State::Writing; ++i) {
        writeOne();
        (void)await((*writer)->flush());
    }
    WriterStatus status = (*writer)->status();
    QCOMPARE(status.state, WriterStatus::State::Paused);
    QVERIFY(status.error.has_value());
    QCOMPARE(status.error->kind, StoreError::Kind::DiskFull);
    QVERIFY2(status.error->message.contains(path), qPrintable(status.error->message));
    QVERIFY2(status.error->message.contains(u"disk full"_s), qPrintable(status.error->message));
    const std::int64_t written = status.ticksWritten;
    QVERIFY(written >= 20);
    auto flushed = await((*writer)->flush());
    QVERIFY(!flushed);
    QCOMPARE(flushed.error().kind, StoreError::Kind::DiskFull);

    // While full: ticks are dropped, nothing breaks, the retries keep failing.
    for (int i = 0; i < 10; ++i) {
        writeOne();
        QTest::qWait(50);
    }
    (void)await((*writer)->flush());
    status = (*writer)->status();
    QCOMPARE(status.state, WriterStatus::State::Paused);
    QVERIFY(status.ticksDropped >= 10);
    QCOMPARE(status.ticksWritten, written);

    // Space returns: within a retry interval the writer writes again.
    QVERIFY(QFile::remove(fillerPath));
    const std::int64_t resumedFrom = t;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            writeOne();
            (void)await((*writer)->flush());
            return (*writer)->status().state == WriterStatus::State::Writing;
        }(),
        10000);
    for (int i = 0; i < 5; ++i)
        writeOne();
    QVERIFY(await((*writer)->flush()));
    status = (*writer)->status();
    QVERIFY(!status.error);
    QCOMPARE(status.lastTick, t - 1);
    QVERIFY(await((*writer)->addCheckpoint(t - 1, u"space is back"_s)));
    (*writer)->close();

    RawDb db(path);
    QCOMPARE(db.integrity(), u"ok"_s);
    // The seconds while the disk was full are a gap, not invented rows.
    QVERIFY(db.integer("SELECT max(t) FROM cluster_raw WHERE t < " + std::to_string(resumedFrom)) <
            resumedFrom - 10);
    QVERIFY(db.integer("SELECT max(t) FROM cluster_raw WHERE t < " + std::to_string(resumedFrom)) >=
            lastBeforeFull);
    QCOMPARE(db.integer("SELECT max(t) FROM cluster_raw"), t - 1);
    QCOMPARE(db.integer("SELECT count(*) FROM node_raw"),
             *db.integer("SELECT count(*) FROM cluster_raw") * Nodes);
}

int main(int argc, char *argv[]) {
    enterPrivateMountNamespace();
    QCoreApplication app(argc, argv);
    DiskFullTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_diskfull.moc"
