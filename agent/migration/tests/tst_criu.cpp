// Criu against the real criu: a counting process dumped (left stopped), killed, restored
// (stopped, same PID), let go, and still counting from where it was.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <omview/migration/criu.h>
#include <sys/prctl.h>
#include <sys/wait.h>

using namespace omview::migration;
using namespace Qt::StringLiterals;

namespace {

// A counter that writes its count to @file ten times a second, started detached with no
// descriptor but /dev/null (criu refuses descriptors into other mount namespaces).
pid_t startCounter(const QString &file) {
    QProcess p;
    p.setProgram(u"setsid"_s);
    p.setArguments({u"sh"_s, u"-c"_s,
                    u"i=0; while :; do i=$((i+1)); echo $i > '%1'; sleep 0.1; done"_s.arg(file)});
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    p.setUnixProcessParameters(QProcess::UnixProcessFlag::CloseFileDescriptors);
    qint64 pid = 0;
    if (!p.startDetached(&pid))
        return 0;
    return pid_t(pid);
}

int count(const QString &file) {
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed().toInt() : -1;
}

char stateOf(pid_t pid) {
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray s = f.readAll();
    return s.mid(s.lastIndexOf(')') + 2, 1).at(0);
}

QList<pid_t> treeOf(pid_t pid) {
    QList<pid_t> out{pid};
    QFile f(u"/proc/%1/task/%1/children"_s.arg(pid));
    if (f.open(QIODevice::ReadOnly))
        for (const QByteArray &c : f.readAll().simplified().split(' '))
            if (c.toInt() > 0)
                out.append(pid_t(c.toInt()));
    return out;
}

// Runs criu on @pid into @dir (made here) and waits for it.
template<class Run> CriuOutcome waitFor(Run run) {
    std::optional<CriuOutcome> outcome;
    QObject context;
    run(&context, [&](CriuOutcome o) { outcome = o; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 60000))
        return CriuOutcome{false, u"criu did not finish within a minute"_s, QString()};
    return *outcome;
}

CriuOutcome dumpInto(pid_t pid, const QString &dir) {
    QDir().mkpath(dir);
    return waitFor([&](QObject *context, Criu::Done done) { Criu::dump(pid, dir, context, done); });
}

CriuOutcome restoreFrom(const QString &dir) {
    return waitFor([&](QObject *context, Criu::Done done) { Criu::restore(dir, context, done); });
}

} // namespace

class TestCriu : public QObject {
    Q_OBJECT
private slots:
    // A failed check returns early: whatever it started goes here, not on the machine.
    void cleanup() {
        for (pid_t pid : std::as_const(m_started)) {
            for (pid_t p : treeOf(pid))
                ::kill(p, SIGKILL);
            ::waitpid(pid, nullptr, WNOHANG);
        }
        m_started.clear();
    }
    void initTestCase() {
        // Restored processes become this test's children, as they become the agent's.
        ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    }
    void firstError() {
        const QString log = u"(00.1) Error (criu/util.c:1533): rlimit: Can't setup RLIMIT_NOFILE\n"
                            u"(00.2) Error (criu/cr-restore.c:1230): Can't fork for 6: File exists\n"_s;
        QCOMPARE(Criu::firstError(log), u"Can't fork for 6: File exists"_s);
        QCOMPARE(Criu::firstError(u"nothing"_s), QString());
    }
    void dumpRestoreKeepsCounting() {
        QTemporaryDir tmp;
        const QString counter = tmp.filePath(u"count"_s);
        const pid_t pid = startCounter(counter);
        QVERIFY(pid > 0);
        m_started.append(pid);
        QTRY_VERIFY(count(counter) > 2);
        QTRY_COMPARE(treeOf(pid).size(), 2); // the shell and its sleep

        const QString dir = tmp.filePath(u"img"_s);
        const CriuOutcome dumped = dumpInto(pid, dir);
        QVERIFY2(dumped.ok, qPrintable(dumped.error));
        QCOMPARE(stateOf(pid), 'T'); // left stopped: the source keeps it until told
        const QList<pid_t> tree = treeOf(pid);
        // Gone, and reaped: a zombie still holds its PID, which the restore needs.
        for (pid_t p : tree)
            ::kill(p, SIGKILL);
        for (pid_t p : tree)
            ::waitpid(p, nullptr, 0);
        QCOMPARE(stateOf(pid), '?');
        const int before = count(counter);

        const CriuOutcome restored = restoreFrom(dir);
        QVERIFY2(restored.ok, qPrintable(restored.error));
        QCOMPARE(Criu::readPidFile(dir), pid);
        QCOMPARE(stateOf(pid), 'T');
        QTest::qWait(300);
        QCOMPARE(count(counter), before); // stopped until let go
        for (pid_t p : tree)
            ::kill(p, SIGCONT);
        QTRY_VERIFY(count(counter) > before + 2);
        for (pid_t p : treeOf(pid))
            ::kill(p, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
    void restoreOverTakenPidFails() {
        QTemporaryDir tmp;
        const QString counter = tmp.filePath(u"count"_s);
        const pid_t pid = startCounter(counter);
        QVERIFY(pid > 0);
        m_started.append(pid);
        QTRY_VERIFY(count(counter) > 1);
        const QString dir = tmp.filePath(u"img"_s);
        const CriuOutcome dumped = dumpInto(pid, dir);
        QVERIFY2(dumped.ok, qPrintable(dumped.error));
        // The original still holds its PID: the restore must fail and say why.
        const CriuOutcome restored = restoreFrom(dir);
        QVERIFY(!restored.ok);
        QVERIFY2(restored.error.contains(u"File exists"_s), qPrintable(restored.error));
        for (pid_t p : treeOf(pid))
            ::kill(p, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }

private:
    QList<pid_t> m_started;
};

QTEST_GUILESS_MAIN(TestCriu)
#include "tst_criu.moc"
