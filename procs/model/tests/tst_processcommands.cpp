// ProcessCommands against real agents (omagentd with an emulated /proc/hpc on loopback):
// signals, renice and lock reach the process and say so; bad input and refusals come back
// as sentences naming the process and change nothing; a process away from home is signalled
// through the node it runs on.
#include "agentcluster.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processcommands.h>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/agentclient.h>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;

namespace {

constexpr int Slow = 20'000;

// The state letter of /proc/PID/stat.
char stateOf(qint64 pid) {
    QFile f(u"/proc/%1/stat"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray line = f.readAll();
    const qsizetype paren = line.lastIndexOf(')');
    return paren < 0 || paren + 2 >= line.size() ? '?' : line.at(paren + 2);
}

ProcessCommands::Outcome wait(QFuture<ProcessCommands::Outcome> future) {
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, Slow))
        return {{}, std::unexpected(u"no outcome in time"_s)};
    return future.result();
}

} // namespace

class ProcessCommandsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_agents = std::make_unique<test::AgentCluster>(2);
        const auto started = m_agents->start();
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        auto client = m_agents->connectClient(1, u"tst_processcommands"_s, Slow);
        QVERIFY2(client, qPrintable(client ? QString() : client.error()));
        m_client = std::move(*client);
    }

    void init() {
        m_sleeper = std::make_unique<QProcess>();
        m_sleeper->start(u"sleep"_s, {u"300"_s});
        QVERIFY(m_sleeper->waitForStarted());
        m_ref = ProcessRef{1, std::int32_t(m_sleeper->processId()), u"sleep"_s};
    }

    void cleanup() {
        m_sleeper->kill();
        m_sleeper->waitForFinished();
        m_sleeper.reset();
    }

    void stopAndContinue() {
        ProcessCommands commands(nullptr);
        commands.setClient(m_client.get());
        QSignalSpy finished(&commands, &ProcessCommands::finished);
        auto stopped = wait(commands.sendSignal(m_ref, ProcessSignal::Stop));
        QVERIFY2(stopped.result, qPrintable(stopped.result.error()));
        QVERIFY2(stopped.result->contains(u"process %1 (sleep)"_s.arg(m_ref.pid)),
                 qPrintable(*stopped.result));
        QTRY_COMPARE(stateOf(m_ref.pid), 'T');
        auto resumed = wait(commands.sendSignal(m_ref, ProcessSignal::Cont));
        QVERIFY(resumed.result);
        QTRY_VERIFY(stateOf(m_ref.pid) != 'T');
        QCOMPARE(finished.size(), 2);
    }

    void killThroughAnotherNode() {
        // Node 2's agent shares this machine's processes: addressed to node 2, the request
        // travels through node 1's agent and is carried out there.
        ProcessCommands commands(nullptr);
        commands.setClient(m_client.get());
        ProcessRef there = m_ref;
        there.node = 2;
        const auto done = wait(commands.sendSignal(there, ProcessSignal::Kill));
        QVERIFY2(done.result, qPrintable(done.result.error()));
        // Waiting for the answer ran the event loop, which may have seen the end already.
        QTRY_COMPARE_WITH_TIMEOUT(m_sleeper->state(), QProcess::NotRunning, Slow);
        QCOMPARE(m_sleeper->exitStatus(), QProcess::CrashExit);
    }

    void renice() {
        ProcessCommands commands(nullptr);
        commands.setClient(m_client.get());
        const auto done = wait(commands.renice(m_ref, 7));
        QVERIFY2(done.result, qPrintable(done.result.error()));
        QCOMPARE(getpriority(PRIO_PROCESS, id_t(m_ref.pid)), 7);
        QVERIFY(done.result->contains(u"7"_s));
    }

    void reniceOutOfRangeAsksNoOne() {
        ProcessCommands commands(nullptr); // no client either: the range is checked first
        for (const int nice : {-21, 20, 100}) {
            const auto refused = wait(commands.renice(m_ref, nice));
            QVERIFY(!refused.result);
            QVERIFY2(refused.result.error().contains(u"−20 … 19"_s),
                     qPrintable(refused.result.error()));
        }
        QCOMPARE(getpriority(PRIO_PROCESS, id_t(m_ref.pid)), 0);
    }

    void lockAndUnlock() {
        ProcessCommands commands(nullptr);
        commands.setClient(m_client.get());
        // The emulation adopts the process at its next scan; the agent answers for it then.
        QTRY_VERIFY_WITH_TIMEOUT(wait(commands.setLocked(m_ref, true)).result.has_value(), Slow);
        const auto listed = [&] {
            auto list = m_client->processes(std::nullopt, 1);
            // The answer comes through this thread's event loop.
            if (!QTest::qWaitFor([&] { return list.isFinished(); }, Slow))
                return false;
            const auto processes = list.result();
            if (!processes)
                return false;
            for (const ProcessInfo &p : *processes)
                if (p.pid == m_ref.pid)
                    return p.locked;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(listed(), Slow);
        const auto unlocked = wait(commands.setLocked(m_ref, false));
        QVERIFY2(unlocked.result, qPrintable(unlocked.result.error()));
        QVERIFY(unlocked.result->contains(u"may migrate"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!listed(), Slow);
    }

    void refusedMoveSaysWhereItRuns() {
        ProcessCommands commands(nullptr);
        commands.setClient(m_client.get());
        const auto refused =
            wait(commands.migrate(m_ref, MigrateTarget{MigrateTarget::Kind::Node, 9}));
        QVERIFY(!refused.result);
        QVERIFY2(refused.result.error().contains(u"node 9"_s), qPrintable(refused.result.error()));
        QVERIFY2(refused.result.error().endsWith(u"It still runs on node 1."_s),
                 qPrintable(refused.result.error()));
        QCOMPARE(refused.nowOn, 1u);
        QVERIFY(stateOf(m_ref.pid) != 'T' && stateOf(m_ref.pid) != '?');
    }

    void noSuchProcess() {
        ProcessCommands commands(nullptr);
        commands.setClient(m_client.get());
        ProcessRef gone = m_ref;
        m_sleeper->kill();
        m_sleeper->waitForFinished();
        const auto refused = wait(commands.sendSignal(gone, ProcessSignal::Kill));
        QVERIFY(!refused.result);
        QVERIFY2(refused.result.error().startsWith(u"Kill process %1 (sleep) failed"_s.arg(gone.pid)),
                 qPrintable(refused.result.error()));
    }

    void notConnected() {
        ProcessCommands commands(nullptr);
        const auto refused = wait(commands.sendSignal(m_ref, ProcessSignal::Kill));
        QVERIFY(!refused.result);
        QVERIFY(refused.result.error().contains(u"not connected"_s));
        QVERIFY(stateOf(m_ref.pid) != 'T' && stateOf(m_ref.pid) != '?');
    }

    void awayProcessIsSignalledWhereItRuns() {
        // The home (node 1) reports the process away on node 2; node 2 lists it as its
        // guest. The request goes to node 2 with the PID there.
        ProcessInfo atHome;
        atHome.pid = m_ref.pid;
        atHome.command = u"sleep"_s;
        atHome.where = 2;
        atHome.home = 1;
        ProcessInfo guest = atHome;
        guest.where = 0;
        guest.guest = true;
        ClusterProcessModel tree;
        ProcessListModel home, host;
        home.setNode(1);
        host.setNode(2);
        home.reset({atHome});
        QVERIFY(tree.addNode(1, &home));
        QVERIFY(tree.addNode(2, &host));
        ProcessCommands commands(&tree);
        commands.setClient(m_client.get());
        const auto away = ProcessRef::fromIndex(tree.indexOfProcess(1, m_ref.pid));
        QVERIFY(away && away->away);
        QCOMPARE(away->runsOn(), 2u);

        // Not listed by its host yet: refused, nothing sent.
        const auto early = wait(commands.sendSignal(*away, ProcessSignal::Stop));
        QVERIFY(!early.result);
        QVERIFY2(early.result.error().contains(u"node 2"_s), qPrintable(early.result.error()));
        QVERIFY(stateOf(m_ref.pid) != 'T' && stateOf(m_ref.pid) != '?');

        host.reset({guest});
        const auto stopped = wait(commands.sendSignal(*away, ProcessSignal::Stop));
        QVERIFY2(stopped.result, qPrintable(stopped.result.error()));
        QTRY_COMPARE(stateOf(m_ref.pid), 'T');
        QVERIFY(wait(commands.sendSignal(*away, ProcessSignal::Cont)).result);
        tree.removeNode(2);
        tree.removeNode(1);
    }

    void cleanupTestCase() {
        m_client.reset();
        m_agents.reset();
    }

private:
    std::unique_ptr<test::AgentCluster> m_agents;
    std::unique_ptr<AgentClient> m_client;
    std::unique_ptr<QProcess> m_sleeper;
    ProcessRef m_ref;
};

QTEST_GUILESS_MAIN(ProcessCommandsTest)
#include "tst_processcommands.moc"
