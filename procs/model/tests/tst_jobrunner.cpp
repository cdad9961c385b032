// JobRunner against real agents (omagentd with an emulated /proc/hpc on loopback): a job
// started at home writes to both streams and exits, and the runner passes on where it
// started, what it wrote and its status; a missing directory is refused with the agent's
// reason; a list of nodes starts one job on each, each on its own. A job placed on another
// node moves there before it starts, which fails on the loopback cluster ("no such move"):
// the tests that check output and status run at home.
#include "agentcluster.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <omview/procs/jobrunner.h>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/jobs.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;

namespace {

constexpr int Slow = 30'000;

RunRequest shellJob(const QString &script) {
    RunRequest r;
    r.program = u"/bin/sh"_s;
    r.args = {u"-c"_s, script};
    r.cwd = QDir::tempPath();
    r.env = defaultEnvironment();
    r.where = RunPlacement::Home;
    r.policy = MigrationPolicy::NeverMigrate;
    return r;
}

} // namespace

class JobRunnerTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_agents = std::make_unique<test::AgentCluster>(2);
        const auto started = m_agents->start();
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        auto client = m_agents->connectClient(1, u"tst_jobrunner"_s, Slow);
        QVERIFY2(client, qPrintable(client ? QString() : client.error()));
        m_client = std::move(*client);
    }

    void runsAtHomeToItsEnd() {
        JobRunner runner(m_client.get());
        QVERIFY(runner.isFinished());
        QSignalSpy started(&runner, &JobRunner::started);
        QSignalSpy ended(&runner, &JobRunner::ended);
        QSignalSpy failed(&runner, &JobRunner::failed);
        QSignalSpy finished(&runner, &JobRunner::finished);
        QByteArray out, err;
        connect(&runner, &JobRunner::output, this,
                [&](int instance, const QByteArray &o, const QByteArray &e) {
                    QCOMPARE(instance, 0);
                    out += o;
                    err += e;
                });
        runner.start(shellJob(u"echo out; echo err >&2; exit 3"_s));
        QCOMPARE(runner.instanceCount(), qsizetype(1));
        QVERIFY(!runner.isFinished());

        QVERIFY(finished.wait(Slow));
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).toString()));
        QCOMPARE(started.size(), 1);
        const auto job = started.first().at(1).value<SpawnResult>();
        QCOMPARE(job.node, NodeId(1));
        QVERIFY(job.pid > 0);
        QVERIFY(!job.job.isEmpty());
        QCOMPARE(out, "out\n"_ba);
        QCOMPARE(err, "err\n"_ba);
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().at(1).toInt(), 3);
        QCOMPARE(ended.first().at(2).toInt(), 0);

        const JobRunner::Instance &in = runner.instance(0);
        QCOMPARE(in.state, JobRunner::State::Ended);
        QCOMPARE(in.job, job.job);
        QCOMPARE(in.node, NodeId(1));
        QCOMPARE(in.exitCode, 3);
        QCOMPARE(in.outRead, qint64(4));
        QVERIFY(runner.isFinished());
    }

    void followsALongerJobAndItsSignal() {
        JobRunner runner(m_client.get());
        QSignalSpy started(&runner, &JobRunner::started);
        QSignalSpy ended(&runner, &JobRunner::ended);
        QSignalSpy finished(&runner, &JobRunner::finished);
        QByteArray out;
        connect(&runner, &JobRunner::output, this,
                [&](int, const QByteArray &o, const QByteArray &) { out += o; });
        // Output that comes over several reads, then a wait that only a signal ends.
        runner.start(
            shellJob(u"for i in 1 2 3; do echo line $i; sleep 0.3; done; exec sleep 60"_s));
        QVERIFY(started.wait(Slow));
        QTRY_COMPARE_WITH_TIMEOUT(out, "line 1\nline 2\nline 3\n"_ba, Slow);
        runner.signalAll(15);
        QVERIFY(finished.wait(Slow));
        QCOMPARE(ended.size(), 1);
        QCOMPARE(ended.first().at(2).toInt(), 15);
    }

    // One job per node listed, each on its own: node 1's runs here; node 2's must move there
    // before it starts, which the loopback cluster cannot do, so it runs or fails on its
    // own, and the run is over once both are.
    void oneInstancePerNode() {
        RunRequest r = shellJob(u"echo hi; exit 4"_s);
        r.where = RunPlacement::Nodes;
        r.nodes = {2, 1};
        r.policy = MigrationPolicy::StayOnNode;
        JobRunner runner(m_client.get());
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start(r);
        QCOMPARE(runner.instanceCount(), qsizetype(2));
        QCOMPARE(runner.instance(0).target, NodeId(2));
        QCOMPARE(runner.instance(1).target, NodeId(1));
        QVERIFY(finished.wait(Slow * 4));
        QCOMPARE(finished.size(), 1);

        const JobRunner::Instance &away = runner.instance(0);
        if (away.state == JobRunner::State::Failed) {
            QVERIFY2(away.error.startsWith(u"Could not start: "_s), qPrintable(away.error));
            QVERIFY2(away.error.contains(u"node 2"_s), qPrintable(away.error));
        } else {
            QCOMPARE(away.state, JobRunner::State::Ended);
            QCOMPARE(away.node, NodeId(2));
            QCOMPARE(away.exitCode, 4);
        }
        const JobRunner::Instance &here = runner.instance(1);
        QCOMPARE(here.state, JobRunner::State::Ended);
        QCOMPARE(here.node, NodeId(1));
        QCOMPARE(here.exitCode, 4);
        QCOMPARE(here.outRead, qint64(3));
    }

    void aMissingDirectoryIsRefused() {
        QTemporaryDir gone;
        const QString missing = gone.path() + u"/not-there"_s;
        RunRequest r = shellJob(u"echo never"_s);
        r.cwd = missing;
        JobRunner runner(m_client.get());
        QSignalSpy started(&runner, &JobRunner::started);
        QSignalSpy failed(&runner, &JobRunner::failed);
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start(r);
        QVERIFY(finished.wait(Slow));
        QVERIFY(started.isEmpty());
        QCOMPARE(failed.size(), 1);
        const QString message = failed.first().at(1).toString();
        QVERIFY2(message.startsWith(u"Could not start"_s), qPrintable(message));
        QVERIFY2(message.contains(u"no directory "_s + missing), qPrintable(message));
        QCOMPARE(runner.instance(0).state, JobRunner::State::Failed);
        QCOMPARE(runner.instance(0).error, message);
    }

    void withoutAConnectionNothingStarts() {
        JobRunner runner(nullptr);
        QSignalSpy failed(&runner, &JobRunner::failed);
        QSignalSpy finished(&runner, &JobRunner::finished);
        runner.start(shellJob(u"true"_s));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(finished.size(), 1);
    }

private:
    std::unique_ptr<test::AgentCluster> m_agents;
    std::unique_ptr<AgentClient> m_client;
};

QTEST_GUILESS_MAIN(JobRunnerTest)
#include "tst_jobrunner.moc"
