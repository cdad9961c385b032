// Every error path of the API, end to end: raw lines written to a running agent's socket, the
// codes docs/protocol.md gives, and the session still serving requests after each.
#include "lineclient.h"
#include "testcluster.h"

#include <QJsonArray>
#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using namespace omview::integration;

namespace {

QByteArray request(int id, const char *method, const char *params = "{}") {
    return u"{\"id\":%1,\"jsonrpc\":\"2.0\",\"method\":\"%2\",\"params\":%3}\n"_s.arg(id)
        .arg(QLatin1StringView(method), QLatin1StringView(params))
        .toUtf8();
}

} // namespace

class TestErrors : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void beforeHello();
    void protocolMismatch();
    void errorResponses_data();
    void errorResponses();
    void notificationsAreNeverAnswered();
    void blankLinesAndCarriageReturns();
    void overlongLine();
    void cleanupTestCase();

private:
    // The session answers a plain request after whatever came before.
    void checkSessionContinues();

    std::optional<TestCluster> m_cluster;
    std::unique_ptr<LineClient> m_client;
    int m_nextId = 1000;
};

void TestErrors::initTestCase() {
    m_cluster.emplace(QStringLiteral(INTEGRATION_RUN_DIR) + u"/errors"_s);
    const auto up = m_cluster->up(1);
    QVERIFY2(up, qPrintable(why(up)));
}

void TestErrors::init() {
    auto client = LineClient::connectTo(m_cluster->socket(1));
    QVERIFY2(client, qPrintable(why(client)));
    m_client = std::move(*client);
}

void TestErrors::checkSessionContinues() {
    const int id = m_nextId++;
    const auto status = m_client->call(u"node.status"_s, {}, id);
    QVERIFY2(status, qPrintable(why(status)));
    QVERIFY2(status->value(u"result"_s).toObject().value(u"id"_s).toInt() == 1,
             qPrintable(compact(*status)));
}

void TestErrors::beforeHello() {
    QVERIFY(m_client->send(request(1, "node.status")));
    const auto early = m_client->receive();
    QVERIFY2(early, qPrintable(why(early)));
    QCOMPARE(errorCodeOf(*early), -32600);
    QCOMPARE(early->value(u"id"_s).toInt(), 1);
    QVERIFY2(
        early->value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"hello"_s),
        qPrintable(compact(*early)));

    const auto hello = resultOf(m_client->hello(2));
    QVERIFY2(hello, qPrintable(why(hello)));
    QCOMPARE(hello->toObject().value(u"protocol"_s).toInt(), 1);
    QCOMPARE(hello->toObject().value(u"node"_s).toInt(), 1);
    QVERIFY(hello->toObject().value(u"capabilities"_s).toArray().contains(u"hpc.emulated"_s));

    const auto again = m_client->hello(3);
    QVERIFY2(again, qPrintable(why(again)));
    QCOMPARE(errorCodeOf(*again), -32600);
    QCOMPARE(again->value(u"id"_s).toInt(), 3);
    checkSessionContinues();
}

void TestErrors::protocolMismatch() {
    const auto refused =
        m_client->call(u"hello"_s, {{u"protocol"_s, 2}, {u"client"_s, u"future 2.0"_s}}, 1);
    QVERIFY2(refused, qPrintable(why(refused)));
    QCOMPARE(errorCodeOf(*refused), -32005);
    QCOMPARE(
        refused->value(u"error"_s).toObject().value(u"data"_s).toObject().value(u"supported"_s),
        QJsonValue(QJsonArray{1}));
    // The mismatch is not a hello: the client may still say hello in a version the agent speaks.
    QVERIFY(resultOf(m_client->hello(2)));
    checkSessionContinues();
}

void TestErrors::errorResponses_data() {
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("code");
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<QString>("param"); // data.param, when the error names one

    const QJsonValue null(QJsonValue::Null);
    QTest::newRow("not JSON") << QByteArray("this is not json\n") << -32700 << null << QString();
    QTest::newRow("truncated JSON")
        << QByteArray("{\"id\":5,\"jsonrpc\":\"2.0\"\n") << -32700 << null << QString();
    QTest::newRow("batch") << "[" + request(5, "node.status").chopped(1) + "]\n"
                           << -32600 << null << QString();
    QTest::newRow("empty batch") << QByteArray("[]\n") << -32600 << null << QString();
    QTest::newRow("not an object") << QByteArray("42\n") << -32600 << null << QString();
    QTest::newRow("bad id") << QByteArray(
                                   "{\"id\":{},\"jsonrpc\":\"2.0\",\"method\":\"node.status\"}\n")
                            << -32600 << null << QString();
    QTest::newRow("no jsonrpc") << QByteArray("{\"id\":6,\"method\":\"node.status\"}\n") << -32600
                                << QJsonValue(6) << QString();
    QTest::newRow("jsonrpc 1.0")
        << QByteArray("{\"id\":6,\"jsonrpc\":\"1.0\",\"method\":\"node.status\"}\n") << -32600
        << QJsonValue(6) << QString();
    QTest::newRow("unknown member")
        << QByteArray("{\"id\":7,\"jsonrpc\":\"2.0\",\"method\":\"node.status\",\"param\":{}}\n")
        << -32600 << QJsonValue(7) << QString();
    QTest::newRow("method not a string")
        << QByteArray("{\"id\":8,\"jsonrpc\":\"2.0\",\"method\":7}\n") << -32600 << QJsonValue(8)
        << QString();
    QTest::newRow("params null")
        << QByteArray("{\"id\":9,\"jsonrpc\":\"2.0\",\"method\":\"node.status\",\"params\":null}\n")
        << -32600 << QJsonValue(9) << QString();
    QTest::newRow("unknown method")
        << request(10, "proc.teleport") << -32601 << QJsonValue(10) << QString();
    QTest::newRow("string id") << QByteArray(
                                      "{\"id\":\"x\",\"jsonrpc\":\"2.0\",\"method\":\"no.such\"}\n")
                               << -32601 << QJsonValue(u"x"_s) << QString();
    QTest::newRow("params array") << request(11, "node.status", "[]") << -32602 << QJsonValue(11)
                                  << QString();
    QTest::newRow("node 0") << request(12, "node.status", "{\"node\":0}") << -32602
                            << QJsonValue(12) << u"node"_s;
    QTest::newRow("node not an integer")
        << request(13, "node.status", "{\"node\":1.5}") << -32602 << QJsonValue(13) << u"node"_s;
    QTest::newRow("unknown param")
        << request(14, "settings.get", "{\"bogus\":1}") << -32602 << QJsonValue(14) << u"bogus"_s;
    QTest::newRow("missing param")
        << request(15, "proc.renice", "{\"pid\":1}") << -32602 << QJsonValue(15) << u"nice"_s;
    QTest::newRow("out of range") << request(16, "proc.renice", "{\"pid\":1,\"nice\":25}") << -32602
                                  << QJsonValue(16) << u"nice"_s;
    QTest::newRow("bad setting") << request(17, "settings.set", "{\"speed\":0,\"block\":true}")
                                 << -32602 << QJsonValue(17) << u"speed"_s;
    QTest::newRow("bad map") << request(18, "map.set",
                                        "{\"text\":\"1 10.77.0.1 1\\n70000 10.0.1.1 1\\n\"}")
                             << -32602 << QJsonValue(18) << u"text"_s;
    QTest::newRow("bad signal") << request(19, "proc.signal", "{\"pid\":1,\"signal\":\"HUP\"}")
                                << -32602 << QJsonValue(19) << u"signal"_s;
    QTest::newRow("subscribe interval")
        << request(20, "subscribe", "{\"topic\":\"node\",\"intervalMs\":10}") << -32602
        << QJsonValue(20) << u"intervalMs"_s;
    QTest::newRow("no such unsubscribe") << request(21, "unsubscribe", "{\"subscription\":77}")
                                         << -32602 << QJsonValue(21) << u"subscription"_s;
    QTest::newRow("no such process")
        << request(22, "proc.signal", "{\"pid\":4000000,\"signal\":\"TERM\"}") << -32001
        << QJsonValue(22) << QString();
    QTest::newRow("no such node") << request(23, "node.status", "{\"node\":9}") << -32002
                                  << QJsonValue(23) << QString();
}

void TestErrors::errorResponses() {
    QFETCH(QByteArray, line);
    QFETCH(int, code);
    QFETCH(QJsonValue, id);
    QFETCH(QString, param);

    QVERIFY(resultOf(m_client->hello(1)));
    QVERIFY(m_client->send(line));
    const auto answer = m_client->receive();
    QVERIFY2(answer, qPrintable(why(answer)));
    qInfo("%s", qPrintable(compact(*answer)));
    QCOMPARE(answer->value(u"jsonrpc"_s).toString(), u"2.0"_s);
    QVERIFY2(!answer->contains(u"result"_s), qPrintable(compact(*answer)));
    QCOMPARE(errorCodeOf(*answer), code);
    QCOMPARE(answer->value(u"id"_s), id);
    const QJsonObject error = answer->value(u"error"_s).toObject();
    QVERIFY(!error.value(u"message"_s).toString().isEmpty());
    if (!param.isEmpty())
        QCOMPARE(error.value(u"data"_s).toObject().value(u"param"_s).toString(), param);
    if (QByteArrayView(QTest::currentDataTag()) == "bad map")
        QCOMPARE(error.value(u"data"_s).toObject().value(u"line"_s).toInt(), 2);
    checkSessionContinues();
}

void TestErrors::notificationsAreNeverAnswered() {
    QVERIFY(resultOf(m_client->hello(1)));
    // Valid and invalid: no id, no answer, not even an error.
    QVERIFY(m_client->send("{\"jsonrpc\":\"2.0\",\"method\":\"node.status\",\"params\":{}}\n"));
    QVERIFY(m_client->send("{\"jsonrpc\":\"2.0\",\"method\":\"no.such.method\"}\n"));
    QVERIFY(m_client->send(
        "{\"jsonrpc\":\"2.0\",\"method\":\"node.status\",\"params\":{\"node\":0}}\n"));
    const auto silent = m_client->expectSilence(500);
    QVERIFY2(silent, qPrintable(why(silent)));
    checkSessionContinues();
}

void TestErrors::blankLinesAndCarriageReturns() {
    QVERIFY(m_client->send("\n\r\n\n"));
    QVERIFY(m_client->send(
        "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"hello\",\"params\":{\"client\":\"crlf\","
        "\"protocol\":1}}\r\n"));
    const auto hello = resultOf(m_client->receive());
    QVERIFY2(hello, qPrintable(why(hello)));
    QCOMPARE(hello->toObject().value(u"node"_s).toInt(), 1);
    checkSessionContinues();
}

void TestErrors::overlongLine() {
    QVERIFY(resultOf(m_client->hello(1)));
    // One byte over the 16 MiB limit, then a valid request on the next line.
    QByteArray big(16 * 1024 * 1024 + 1, 'x');
    big.append('\n');
    QVERIFY(m_client->send(big));
    const auto answer = m_client->receive(30'000);
    QVERIFY2(answer, qPrintable(why(answer)));
    QCOMPARE(errorCodeOf(*answer), -32600);
    QCOMPARE(answer->value(u"id"_s), QJsonValue(QJsonValue::Null));
    checkSessionContinues();
}

void TestErrors::cleanupTestCase() {
    m_client.reset();
    if (!m_cluster)
        return;
    const auto down = m_cluster->down();
    m_cluster.reset();
    QVERIFY2(down, qPrintable(why(down)));
}

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
