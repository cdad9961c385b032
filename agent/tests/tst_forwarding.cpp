// Requests for another node, sent to node 1's socket, travel the authenticated peer channel
// between namespaces: answers and settings changes come from (and land on) the node named;
// a stopped node, an unknown one and a node with another cluster key fail with the
// documented errors.
#include "lineclient.h"
#include "testcluster.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace omview::integration;

namespace {

constexpr int Nodes = 4;
constexpr int Stranger = 4;           // has a cluster key of its own
constexpr int Stopped = 3;            // stopped by the test
constexpr int ConvergenceMs = 17'000; // docs/peers.md, as in agent.integration.cluster
// A refused connection fails at once; generous for a busy machine, far below the 5 s
// forwarding timeout that an unanswered request would take.
constexpr int QuickMs = 2'000;

} // namespace

class TestForwarding : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void statusThroughMosctl();
    void statusAndSettingsGet();
    void settingsSetLandsOnTheTarget();
    void unknownNode();
    void stoppedNode();
    void strangerIsNeverAccepted();
    void cleanup();
    void cleanupTestCase();

private:
    std::expected<QJsonObject, QString> call(int via, const QString &method,
                                             const QJsonObject &params);
    std::expected<QJsonValue, QString> result(int via, const QString &method,
                                              const QJsonObject &params) {
        return resultOf(call(via, method, params));
    }
    std::expected<CommandResult, QString> mosctl(int via, const QStringList &args);

    std::optional<TestCluster> m_cluster;
    std::vector<std::unique_ptr<LineClient>> m_clients; // [0] is node 1
    int m_nextId = 100;
    bool m_failed = false;
};

std::expected<QJsonObject, QString> TestForwarding::call(int via, const QString &method,
                                                         const QJsonObject &params) {
    return m_clients.at(via - 1)->call(method, params, m_nextId++);
}

std::expected<CommandResult, QString> TestForwarding::mosctl(int via, const QStringList &args) {
    return runCommand(QStringLiteral(MOSCTL_PATH),
                      QStringList{u"--socket"_s, m_cluster->socket(via)} + args, 20s);
}

void TestForwarding::initTestCase() {
    m_cluster.emplace(QStringLiteral(INTEGRATION_RUN_DIR) + u"/forwarding"_s);
    const auto up = m_cluster->up(Nodes, {u"--stranger"_s, QString::number(Stranger)});
    QVERIFY2(up, qPrintable(why(up)));
    for (int i = 1; i <= Nodes; ++i) {
        auto client = LineClient::connectTo(m_cluster->socket(i));
        QVERIFY2(client, qPrintable(why(client)));
        const auto hello = resultOf((*client)->hello());
        QVERIFY2(hello, qPrintable(why(hello)));
        m_clients.push_back(std::move(*client));
    }
    // Forwarding needs no gossip, but the checks on the stranger below compare it with
    // members that have been heard.
    const auto took = waitUntil(ConvergenceMs, [this]() -> std::optional<QString> {
        const auto rows = result(1, u"cluster.nodes"_s, {});
        if (!rows)
            return rows.error();
        for (const QJsonValue &row : rows->toArray()) {
            const int id = row.toObject().value(u"id"_s).toInt();
            if (id != Stranger && !row.toObject().value(u"alive"_s).toBool())
                return u"node 1 does not see node %1 alive"_s.arg(id);
        }
        return std::nullopt;
    });
    QVERIFY2(took, qPrintable(why(took)));
}

void TestForwarding::statusThroughMosctl() {
    const auto load = mosctl(1, {u"--json"_s, u"getload"_s, u"2"_s});
    QVERIFY2(load, qPrintable(why(load)));
    QVERIFY2(load->exitCode == 0, qPrintable(load->describe()));
    const QJsonObject status = QJsonDocument::fromJson(load->out).object();
    QCOMPARE(status.value(u"id"_s).toInt(), 2);
    QCOMPARE(status.value(u"address"_s).toString(), u"10.77.0.2"_s);
    QVERIFY2(status.value(u"memTotal"_s).toInteger() > 0, load->out.constData());

    const auto plain = mosctl(1, {u"getload"_s, u"2"_s});
    QVERIFY2(plain, qPrintable(why(plain)));
    QVERIFY2(plain->exitCode == 0, qPrintable(plain->describe()));
    bool number = false;
    plain->out.trimmed().toInt(&number);
    QVERIFY2(number, qPrintable(plain->describe()));

    const auto text = mosctl(1, {u"status"_s, u"2"_s});
    QVERIFY2(text, qPrintable(why(text)));
    QVERIFY2(text->exitCode == 0 && !text->out.trimmed().isEmpty(), qPrintable(text->describe()));
    qInfo("mosctl status 2 via node 1: %s", text->out.trimmed().constData());
}

void TestForwarding::statusAndSettingsGet() {
    const auto forwarded = result(1, u"node.status"_s, {{u"node"_s, 2}});
    QVERIFY2(forwarded, qPrintable(why(forwarded)));
    const auto direct = result(2, u"node.status"_s, {});
    QVERIFY2(direct, qPrintable(why(direct)));
    const QJsonObject f = forwarded->toObject(), d = direct->toObject();
    QCOMPARE(f.value(u"id"_s).toInt(), 2);
    QCOMPARE(f.value(u"address"_s).toString(), u"10.77.0.2"_s);
    QCOMPARE(f.value(u"memTotal"_s), d.value(u"memTotal"_s));
    QCOMPARE(f.value(u"cpus"_s), d.value(u"cpus"_s));
    // Sampled by node 2 itself, at most a couple of intervals apart.
    QVERIFY(qAbs(f.value(u"sampledAt"_s).toInteger() - d.value(u"sampledAt"_s).toInteger()) <
            3'000);

    const auto settings = result(1, u"settings.get"_s, {{u"node"_s, 2}});
    QVERIFY2(settings, qPrintable(why(settings)));
    const auto own = result(2, u"settings.get"_s, {});
    QVERIFY2(own, qPrintable(why(own)));
    QCOMPARE(*settings, *own);
    QCOMPARE(settings->toObject().value(u"mospe"_s).toInt(), 2);

    // Node 1's own ID is served locally, not forwarded to itself.
    const auto self = result(1, u"settings.get"_s, {{u"node"_s, 1}});
    QVERIFY2(self, qPrintable(why(self)));
    QCOMPARE(self->toObject().value(u"mospe"_s).toInt(), 1);
}

void TestForwarding::settingsSetLandsOnTheTarget() {
    const auto before1 = result(1, u"settings.get"_s, {});
    QVERIFY2(before1, qPrintable(why(before1)));
    const auto before2 = result(2, u"settings.get"_s, {});
    QVERIFY2(before2, qPrintable(why(before2)));
    const int speed = before2->toObject().value(u"speed"_s).toInt() + 1234;

    const auto set =
        result(1, u"settings.set"_s, {{u"node"_s, 2}, {u"speed"_s, speed}, {u"block"_s, true}});
    QVERIFY2(set, qPrintable(why(set)));
    QCOMPARE(set->toObject().value(u"speed"_s).toInt(), speed);
    QCOMPARE(set->toObject().value(u"block"_s).toBool(), true);

    const auto after2 = result(2, u"settings.get"_s, {});
    QVERIFY2(after2, qPrintable(why(after2)));
    QCOMPARE(*after2, *set);
    const auto after1 = result(1, u"settings.get"_s, {});
    QVERIFY2(after1, qPrintable(why(after1)));
    QCOMPARE(*after1, *before1);

    // An invalid change is refused by the target's validation and changes nothing there.
    const auto refused =
        call(1, u"settings.set"_s, {{u"node"_s, 2}, {u"block"_s, false}, {u"speed"_s, 0}});
    QVERIFY2(refused, qPrintable(why(refused)));
    QCOMPARE(errorCodeOf(*refused), -32602);
    QCOMPARE(refused->value(u"error"_s).toObject().value(u"data"_s).toObject().value(u"param"_s),
             QJsonValue(u"speed"_s));
    const auto unchanged = result(2, u"settings.get"_s, {});
    QVERIFY2(unchanged, qPrintable(why(unchanged)));
    QCOMPARE(*unchanged, *set);
}

void TestForwarding::unknownNode() {
    const auto r = call(1, u"node.status"_s, {{u"node"_s, 9}});
    QVERIFY2(r, qPrintable(why(r)));
    QCOMPARE(errorCodeOf(*r), -32002);
    QCOMPARE(r->value(u"error"_s).toObject().value(u"data"_s).toObject().value(u"node"_s).toInt(),
             9);
}

void TestForwarding::stoppedNode() {
    const auto stopped = m_cluster->stop(Stopped);
    QVERIFY2(stopped, qPrintable(why(stopped)));
    m_clients.at(Stopped - 1).reset();

    for (const QString &method : {u"node.status"_s, u"settings.get"_s}) {
        QElapsedTimer clock;
        clock.start();
        const auto r = call(1, method, {{u"node"_s, Stopped}});
        const qint64 took = clock.elapsed();
        QVERIFY2(r, qPrintable(why(r)));
        qInfo("%s for the stopped node: %s in %lld ms", qPrintable(method), qPrintable(compact(*r)),
              took);
        const int code = errorCodeOf(*r);
        QVERIFY2(code == -32002 || code == -32004, qPrintable(compact(*r)));
        QCOMPARE(
            r->value(u"error"_s).toObject().value(u"data"_s).toObject().value(u"node"_s).toInt(),
            Stopped);
        QVERIFY2(took < QuickMs, qPrintable(u"took %1 ms"_s.arg(took)));
    }
    // The session goes on.
    QVERIFY(result(1, u"node.status"_s, {{u"node"_s, 2}}));
}

void TestForwarding::strangerIsNeverAccepted() {
    // Its gossip fails the MAC everywhere: it is never heard, however long it talks.
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 4'000) {
        const auto rows = result(1, u"cluster.nodes"_s, {});
        QVERIFY2(rows, qPrintable(why(rows)));
        for (const QJsonValue &row : rows->toArray()) {
            const QJsonObject r = row.toObject();
            if (r.value(u"id"_s).toInt() != Stranger)
                continue;
            QVERIFY2(!r.value(u"alive"_s).toBool(), qPrintable(compact(r)));
            QCOMPARE(r.value(u"ageMs"_s).toInteger(), -1);
            QCOMPARE(r.value(u"status"_s).toInt(), -101);
        }
        QThread::msleep(500);
    }
    // Nor does it hear anyone.
    const auto its = result(Stranger, u"cluster.nodes"_s, {});
    QVERIFY2(its, qPrintable(why(its)));
    for (const QJsonValue &row : its->toArray()) {
        const QJsonObject r = row.toObject();
        if (r.value(u"id"_s).toInt() != Stranger)
            QVERIFY2(!r.value(u"alive"_s).toBool(), qPrintable(compact(r)));
    }

    // Forwarding either way fails the key proof.
    for (const auto &[from, to] : {std::pair{1, Stranger}, std::pair{Stranger, 1}}) {
        QElapsedTimer t;
        t.start();
        const auto r = call(from, u"node.status"_s, {{u"node"_s, to}});
        QVERIFY2(r, qPrintable(why(r)));
        qInfo("node %d to node %d: %s in %lld ms", from, to, qPrintable(compact(*r)), t.elapsed());
        QCOMPARE(errorCodeOf(*r), -32004);
        QVERIFY2(r->value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"key"_s),
                 qPrintable(compact(*r)));
        QVERIFY(t.elapsed() < QuickMs);
    }
}

void TestForwarding::cleanup() {
    m_failed = m_failed || QTest::currentTestFailed();
}

void TestForwarding::cleanupTestCase() {
    m_clients.clear();
    if (!m_cluster)
        return;
    if (m_failed)
        for (int i = 1; i <= Nodes; ++i)
            qInfo("node %d's log:\n%s", i, qPrintable(m_cluster->agentLog(i)));
    const auto down = m_cluster->down();
    m_cluster.reset();
    QVERIFY2(down, qPrintable(why(down)));
}

QTEST_GUILESS_MAIN(TestForwarding)
#include "tst_forwarding.moc"
