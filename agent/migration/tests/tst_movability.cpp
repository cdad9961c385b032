// checkMovability on real processes: what may move, and the reasons for what may not.
#include <QProcess>
#include <QTcpServer>
#include <QTest>
#include <omview/migration/movability.h>
#include <unistd.h>

using namespace omview::migration;
using namespace Qt::StringLiterals;

class TestMovability : public QObject {
    Q_OBJECT
private slots:
    void plainProcessMoves() {
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.setStandardOutputFile(QProcess::nullDevice());
        p.setStandardErrorFile(QProcess::nullDevice());
        // Nothing inherited from the test's own parent (a harness's descriptors may point into
        // another mount namespace, which is refused, as the next case shows).
        p.setUnixProcessParameters(QProcess::UnixProcessFlag::CloseFileDescriptors);
        p.start(u"sh"_s, {u"-c"_s, u"sleep 30 & wait"_s});
        QVERIFY(p.waitForStarted());
        QTRY_COMPARE(checkMovability(pid_t(p.processId())).tree.size(), 2);
        const Movability m = checkMovability(pid_t(p.processId()));
        QVERIFY2(m.movable(), qPrintable(m.reasonText()));
        QCOMPARE(m.tree.first(), pid_t(p.processId()));
        p.kill();
        p.waitForFinished();
    }
    void socketRefused() {
        // This test holds a listening socket.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const Movability m = checkMovability(::getpid());
        QVERIFY(!m.movable());
        QVERIFY(m.reasons.contains(u"socket"_s));
    }
    void initIsSystem() {
        const Movability m = checkMovability(1);
        QVERIFY(m.reasons.contains(u"system"_s));
    }
    void goneProcess() {
        const Movability m = checkMovability(0x3ffffff);
        QVERIFY(!m.exists);
        QVERIFY(!m.movable());
        QVERIFY(m.tree.isEmpty());
    }
    void openFilesListed() {
        QProcess p;
        p.setStandardInputFile(u"/etc/hostname"_s);
        p.setStandardOutputFile(QProcess::nullDevice());
        p.start(u"sleep"_s, {u"30"_s});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY(checkMovability(pid_t(p.processId())).files.contains(u"/etc/hostname"_s));
        p.kill();
        p.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestMovability)
#include "tst_movability.moc"
