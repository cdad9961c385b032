// collector.control: the daemon's control socket with the real Collector
// in-process: status, checkpoint, save, stop, through ControlClient and
// through `ctl`; strict parameters, store errors, refused callers.
#include "storetestsupport.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <omview/collector/collector.h>
#include <omview/collector/collectorctl.h>
#include <omview/collector/controlclient.h>
#include <omview/store/collectorstore.h>
#include <sys/stat.h>

using namespace omview;
using namespace omview::collector;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t S = 1699999200;

// Runs the event loop (the collector under test shares it) until the answer.
template<class T> T wait(QFuture<T> future) {
    QDeadlineTimer deadline(30000);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    if (!future.isFinished())
        qFatal("no answer from the collector in 30 s");
    return future.result();
}

// One raw request line to the control socket, and its answer.
QJsonObject ask(QLocalSocket &socket, const QByteArray &line) {
    socket.write(line + '\n');
    socket.flush();
    QByteArray answer;
    QDeadlineTimer deadline(5000);
    while (!answer.contains('\n') && !deadline.hasExpired()) {
        QTest::qWait(5);
        answer += socket.readAll();
    }
    return QJsonDocument::fromJson(answer).object();
}

} // namespace

class ControlTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void status();
    void checkpoint();
    void checkpointRefusesBadParams();
    void saveSqliteAndCsv();
    void saveErrors();
    void unknownMethodAndMalformedLines();
    void ctlPrintsResults();
    void secondCollectorIsRefused();
    void otherUsersAreRefused();
    void stop();

private:
    QTemporaryDir m_dir;
    CollectorConfig m_config;
    std::unique_ptr<Collector> m_collector;
    std::unique_ptr<ControlClient> m_client;
};

void ControlTest::initTestCase() {
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
    m_config.database = m_dir.filePath(u"collector.db"_s);
    m_config.controlSocket = m_dir.filePath(u"ctl.sock"_s);
    m_config.agentSocket = m_dir.filePath(u"no-agent.sock"_s); // nobody there
    m_config.databaseIsDefault = false;
    m_config.controlSocketIsDefault = false;
    {
        // History from an earlier run.
        auto writer = store::StoreWriter::open(testOptions(m_config.database));
        QVERIFY(writer);
        writeTicks(**writer, S, 600, 2);
        QVERIFY(await((*writer)->catchUp()));
    }
    auto collector = Collector::start(m_config);
    QVERIFY2(collector, collector ? "" : qPrintable(collector.error()));
    m_collector = std::move(*collector);
    m_client = std::make_unique<ControlClient>(m_config.controlSocket);
}

void ControlTest::status() {
    auto s = wait(m_client->status());
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    QCOMPARE(s->state, u"writing"_s);
    QCOMPARE(s->database, m_config.database);
    QVERIFY(s->databaseBytes > 0);
    QCOMPARE(s->first, S);
    QCOMPARE(s->last, S + 599);
    QCOMPARE(s->lastTick, S + 599);
    QCOMPARE(s->processIntervalS, 10);
    QCOMPARE(s->retentionRawS, 14 * 86400);
    QCOMPARE(s->pid, QCoreApplication::applicationPid());
    QVERIFY(s->agent.contains(u"no-agent.sock"_s));
    QVERIFY(s->agentState != u"connected"_s);
    // The agent is missing: the collector says why, and keeps trying.
    QTRY_VERIFY_WITH_TIMEOUT(wait(m_client->status())->agentError.contains(u"no-agent.sock"_s),
                             10000);
}

void ControlTest::checkpoint() {
    auto r = wait(m_client->checkpoint(CheckpointParams{u"render starts"_s, S + 100}));
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->time, S + 100);
    QCOMPARE(r->label, u"render starts"_s);
    auto now = wait(m_client->checkpoint(CheckpointParams{u"now"_s, std::nullopt}));
    QVERIFY(now);
    QVERIFY(qAbs(now->time - QDateTime::currentSecsSinceEpoch()) <= 2);

    auto store = store::CollectorStore::open(m_config.database);
    QVERIFY(store);
    auto all = (*store)->checkpoints(0, S + 100000000);
    QVERIFY(all);
    QCOMPARE(all->size(), 2);
    QCOMPARE(all->first().label, u"render starts"_s);
    QCOMPARE(all->first().id, r->id);
}

void ControlTest::checkpointRefusesBadParams() {
    // Through the raw protocol: what a client that skips the codecs would send.
    QLocalSocket socket;
    socket.connectToServer(m_config.controlSocket);
    QVERIFY(socket.waitForConnected(5000));
    const auto ask = [&](const QByteArray &line) {
        return ::ask(socket, line);
    };
    QJsonObject missing =
        ask(R"({"jsonrpc":"2.0","id":1,"method":"checkpoint","params":{"time":5}})");
    QCOMPARE(missing[u"error"_s][u"code"_s].toInt(), -32602);
    QCOMPARE(missing[u"error"_s][u"data"_s][u"param"_s].toString(), u"label"_s);
    QJsonObject unknown =
        ask(R"({"jsonrpc":"2.0","id":2,"method":"checkpoint","params":{"label":"x","colour":1}})");
    QCOMPARE(unknown[u"error"_s][u"data"_s][u"param"_s].toString(), u"colour"_s);
    QJsonObject badTime =
        ask(R"({"jsonrpc":"2.0","id":3,"method":"checkpoint","params":{"label":"x","time":1.5}})");
    QCOMPARE(badTime[u"error"_s][u"data"_s][u"param"_s].toString(), u"time"_s);
    QJsonObject control = ask("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"checkpoint\",\"params\":{"
                              "\"label\":\"a\\u0007b\"}}");
    QCOMPARE(control[u"error"_s][u"data"_s][u"param"_s].toString(), u"label"_s);
    QJsonObject statusParams =
        ask(R"({"jsonrpc":"2.0","id":5,"method":"status","params":{"verbose":true}})");
    QCOMPARE(statusParams[u"error"_s][u"code"_s].toInt(), -32602);

    auto store = store::CollectorStore::open(m_config.database);
    QCOMPARE((*store)->checkpoints(0, S + 100000000)->size(), 2); // nothing written
}

void ControlTest::saveSqliteAndCsv() {
    const QString db = m_dir.filePath(u"saved.db"_s);
    auto r = wait(m_client->save(SaveParams{S + 60, S + 179, db, SaveFormat::Sqlite}));
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->files, QStringList{db});
    QCOMPARE(r->nodeRows, 120 * 2 + 2 * 2); // seconds, and two minutes of both nodes
    auto copy = store::CollectorStore::open(db);
    QVERIFY(copy);
    QCOMPARE((*copy)->range()->value().first, S + 60);

    const QString csv = m_dir.filePath(u"saved.csv"_s);
    auto c = wait(m_client->save(SaveParams{S, S + 9, csv, SaveFormat::Csv}));
    QVERIFY2(c, c ? "" : qPrintable(c.error().message));
    QCOMPARE(c->files.size(), 3);
    QCOMPARE(c->nodeRows, 20);
    QVERIFY(QFile::exists(m_dir.filePath(u"saved-processes.csv"_s)));
}

void ControlTest::saveErrors() {
    const QString existing = m_dir.filePath(u"saved.db"_s);
    auto exists = wait(m_client->save(SaveParams{S, S + 10, existing, SaveFormat::Sqlite}));
    QVERIFY(!exists);
    QCOMPARE(exists.error().code, static_cast<int>(ControlError::StoreFailed));
    QCOMPARE(exists.error().data[u"kind"_s].toString(), u"exists"_s);
    QVERIFY(exists.error().message.contains(existing));

    auto relative =
        wait(m_client->save(SaveParams{S, S + 10, u"relative.db"_s, SaveFormat::Sqlite}));
    QVERIFY(!relative);
    QCOMPARE(relative.error().code, -32602);
    QCOMPARE(relative.error().data[u"param"_s].toString(), u"file"_s);

    auto backwards =
        wait(m_client->save(SaveParams{S + 10, S, m_dir.filePath(u"b.db"_s), SaveFormat::Sqlite}));
    QVERIFY(!backwards);
    QCOMPARE(backwards.error().data[u"param"_s].toString(), u"to"_s);
    QVERIFY(!QFile::exists(m_dir.filePath(u"b.db"_s)));
}

void ControlTest::unknownMethodAndMalformedLines() {
    QLocalSocket socket;
    socket.connectToServer(m_config.controlSocket);
    QVERIFY(socket.waitForConnected(5000));
    const auto ask = [&](const QByteArray &line) {
        return ::ask(socket, line);
    };
    QCOMPARE(ask(R"({"jsonrpc":"2.0","id":1,"method":"pause"})")[u"error"_s][u"code"_s].toInt(),
             -32601);
    QCOMPARE(ask("{not json")[u"error"_s][u"code"_s].toInt(), -32700);
    QCOMPARE(ask(R"([{"jsonrpc":"2.0","id":1,"method":"status"}])")[u"error"_s][u"code"_s].toInt(),
             -32600);
    // The connection still works afterwards.
    QCOMPARE(
        ask(R"({"jsonrpc":"2.0","id":9,"method":"status"})")[u"result"_s][u"state"_s].toString(),
        u"writing"_s);
}

void ControlTest::ctlPrintsResults() {
    QString out;
    QString err;
    QTextStream o(&out);
    QTextStream e(&err);
    CtlCommand status;
    status.kind = CtlCommand::Kind::Status;
    status.controlSocket = m_config.controlSocket;
    QCOMPARE(runCtl(status, o, e), 0);
    QVERIFY2(out.contains(u"state:      writing"_s), qPrintable(out));
    QVERIFY(out.contains(m_config.database));
    QVERIFY(out.contains(u"raw 14d, minute 90d, hour 2y, processes 14d"_s));

    out.clear();
    CtlCommand checkpoint;
    checkpoint.kind = CtlCommand::Kind::Checkpoint;
    checkpoint.controlSocket = m_config.controlSocket;
    checkpoint.checkpoint = CheckpointParams{u"from ctl"_s, S + 200};
    QCOMPARE(runCtl(checkpoint, o, e), 0);
    QVERIFY2(out.contains(u"from ctl"_s), qPrintable(out));

    out.clear();
    CtlCommand nobody = status;
    nobody.controlSocket = m_dir.filePath(u"nobody.sock"_s);
    QCOMPARE(runCtl(nobody, o, e), 1);
    QVERIFY2(err.contains(u"nobody.sock"_s), qPrintable(err));
    QVERIFY(out.isEmpty());
}

void ControlTest::secondCollectorIsRefused() {
    auto again = Collector::start(m_config);
    QVERIFY(!again);
    QVERIFY2(again.error().contains(u"another collector"_s), qPrintable(again.error()));

    CollectorConfig otherDb = m_config;
    otherDb.database = m_dir.filePath(u"other.db"_s);
    auto socketTaken = Collector::start(otherDb);
    QVERIFY(!socketTaken);
    QVERIFY2(socketTaken.error().contains(u"another omcollectord"_s),
             qPrintable(socketTaken.error()));
    // The running one is unharmed.
    QVERIFY(wait(m_client->status()));
}

void ControlTest::otherUsersAreRefused() {
    if (::geteuid() != 0)
        QSKIP("needs root to run ctl as another user");
    QProcess ctl;
    ctl.start(u"setpriv"_s, {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s,
                             QStringLiteral(OMCOLLECTORD_PATH), u"ctl"_s, u"--control-socket"_s,
                             m_config.controlSocket, u"stop"_s});
    if (!ctl.waitForStarted(5000))
        QSKIP("setpriv is not available");
    // The event loop must run: the daemon is in this process.
    QTRY_VERIFY_WITH_TIMEOUT(ctl.state() == QProcess::NotRunning, 20000);
    QCOMPARE(ctl.exitCode(), 1);
    const QString err = QString::fromLocal8Bit(ctl.readAllStandardError());
    QVERIFY2(err.contains(u"ermission denied"_s), qPrintable(err));
    QVERIFY(wait(m_client->status())); // still running
}

void ControlTest::stop() {
    QSignalSpy stopped(m_collector.get(), &Collector::stopRequested);
    auto r = wait(m_client->stop());
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QTRY_COMPARE(stopped.count(), 1);
    m_collector.reset();
    QVERIFY(!QFile::exists(m_config.controlSocket));
    auto gone = wait(m_client->status());
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, static_cast<int>(ErrorCode::ConnectionLost));
}

QTEST_GUILESS_MAIN(ControlTest)
#include "tst_control.moc"
