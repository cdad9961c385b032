// JSON-RPC 2.0 lines: every validity rule, the answer each violation gets,
// and serialisation to one compact line.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <omview/protocol/jsonrpc.h>

using namespace omview;
using namespace omview::rpc;
using namespace Qt::Literals::StringLiterals;

class TestJsonRpc : public QObject {
    Q_OBJECT

private slots:
    void invalidLines_data() {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("id");   // the error's id, as JSON
        QTest::addColumn<QString>("message"); // a part of the message

        QTest::newRow("not JSON") << QByteArray("hello agent") << -32700 << QByteArray("null")
                                  << u"parse error: "_s;
        QTest::newRow("unterminated")
            << QByteArray(R"({"jsonrpc":"2.0")") << -32700 << QByteArray("null") << u"at offset"_s;
        QTest::newRow("two values")
            << QByteArray(R"({} {})") << -32700 << QByteArray("null") << u"parse error"_s;
        QTest::newRow("number") << QByteArray("42") << -32600 << QByteArray("null")
                                << u"a message must be a JSON object"_s;
        QTest::newRow("string") << QByteArray(R"("call")") << -32600 << QByteArray("null")
                                << u"a message must be a JSON object"_s;
        QTest::newRow("null") << QByteArray("null") << -32600 << QByteArray("null")
                              << u"a message must be a JSON object"_s;
        QTest::newRow("empty batch") << QByteArray("[]") << -32600 << QByteArray("null")
                                     << u"batch requests are not supported"_s;
        QTest::newRow("batch")
            << QByteArray(
                   R"([{"jsonrpc":"2.0","id":1,"method":"hello"},{"jsonrpc":"2.0","id":2,"method":"x"}])")
            << -32600 << QByteArray("null") << u"send one message per line"_s;
        QTest::newRow("no jsonrpc") << QByteArray(R"({"id":1,"method":"hello"})") << -32600
                                    << QByteArray("1") << u"jsonrpc must be \"2.0\""_s;
        QTest::newRow("version 1.0") << QByteArray(R"({"jsonrpc":"1.0","id":"a","method":"x"})")
                                     << -32600 << QByteArray(R"("a")") << u"jsonrpc must be"_s;
        QTest::newRow("version number") << QByteArray(R"({"jsonrpc":2.0,"id":1,"method":"x"})")
                                        << -32600 << QByteArray("1") << u"jsonrpc must be"_s;
        QTest::newRow("missing method") << QByteArray(R"({"jsonrpc":"2.0","id":7})") << -32600
                                        << QByteArray("7") << u"missing method"_s;
        QTest::newRow("misspelt method")
            << QByteArray(R"({"jsonrpc":"2.0","id":7,"metod":"hello"})") << -32600
            << QByteArray("7") << u"missing method (unknown member \"metod\")"_s;
        QTest::newRow("method number") << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":5})")
                                       << -32600 << QByteArray("7") << u"method must be a string"_s;
        QTest::newRow("method null") << QByteArray(R"({"jsonrpc":"2.0","id":7,"method":null})")
                                     << -32600 << QByteArray("7") << u"method must be a string"_s;
        QTest::newRow("id bool") << QByteArray(R"({"jsonrpc":"2.0","id":true,"method":"x"})")
                                 << -32600 << QByteArray("null")
                                 << u"id must be a string, a number or null"_s;
        QTest::newRow("id object") << QByteArray(R"({"jsonrpc":"2.0","id":{},"method":"x"})")
                                   << -32600 << QByteArray("null") << u"id must be"_s;
        QTest::newRow("id array") << QByteArray(R"({"jsonrpc":"2.0","id":[1],"method":"x"})")
                                  << -32600 << QByteArray("null") << u"id must be"_s;
        QTest::newRow("params number")
            << QByteArray(R"({"jsonrpc":"2.0","id":3,"method":"x","params":5})") << -32600
            << QByteArray("3") << u"params must be an object or an array"_s;
        QTest::newRow("params string")
            << QByteArray(R"({"jsonrpc":"2.0","id":3,"method":"x","params":"a"})") << -32600
            << QByteArray("3") << u"params must be"_s;
        QTest::newRow("params null")
            << QByteArray(R"({"jsonrpc":"2.0","id":3,"method":"x","params":null})") << -32600
            << QByteArray("3") << u"params must be"_s;
        QTest::newRow("misspelt params")
            << QByteArray(R"({"jsonrpc":"2.0","id":3,"method":"x","param":{}})") << -32600
            << QByteArray("3") << u"unknown member \"param\" in a request"_s;
        QTest::newRow("result and error")
            << QByteArray(R"({"jsonrpc":"2.0","id":3,"result":1,"error":{"code":1,"message":"m"}})")
            << -32600 << QByteArray("3") << u"must not have both result and error"_s;
        QTest::newRow("response without id")
            << QByteArray(R"({"jsonrpc":"2.0","result":1})") << -32600 << QByteArray("null")
            << u"a response must have an id"_s;
        QTest::newRow("error without code")
            << QByteArray(R"({"jsonrpc":"2.0","id":3,"error":{"message":"m"}})") << -32600
            << QByteArray("3") << u"malformed error object: error.code: must be an integer"_s;
        QTest::newRow("error not object")
            << QByteArray(R"({"jsonrpc":"2.0","id":3,"error":"m"})") << -32600 << QByteArray("3")
            << u"malformed error object: error: must be an object"_s;
        QTest::newRow("response extra member")
            << QByteArray(R"({"jsonrpc":"2.0","id":3,"result":1,"method2":1})") << -32600
            << QByteArray("3") << u"unknown member \"method2\" in a response"_s;
        QTest::newRow("method and result")
            << QByteArray(R"({"jsonrpc":"2.0","id":3,"method":"x","result":1})") << -32600
            << QByteArray("3") << u"unknown member \"result\" in a request"_s;
    }

    void invalidLines() {
        QFETCH(QByteArray, line);
        QFETCH(int, code);
        QFETCH(QByteArray, id);
        QFETCH(QString, message);
        auto parsed = parseMessage(line);
        QVERIFY(!parsed);
        const ErrorResponse &answer = parsed.error();
        QCOMPARE(answer.error.code, code);
        QVERIFY2(answer.error.message.contains(message), qPrintable(answer.error.message));
        const QJsonValue expectedId = QJsonDocument::fromJson("[" + id + "]").array().at(0);
        QCOMPARE(answer.id.toJson(), expectedId);
        // The answer itself is a valid line.
        const QByteArray reply = serialize(answer);
        QVERIFY(reply.endsWith('\n'));
        auto reparsed = parseMessage(reply.chopped(1));
        QVERIFY(reparsed);
        QVERIFY(std::holds_alternative<ErrorResponse>(*reparsed));
    }

    void validMessages() {
        auto request =
            parseMessage(R"({"jsonrpc":"2.0","id":1,"method":"node.status","params":{"node":5}})");
        QVERIFY(request);
        const auto &r = std::get<Request>(*request);
        QCOMPARE(r.id.toInteger(), 1);
        QCOMPARE(r.method, u"node.status"_s);
        QCOMPARE(r.params.toObject().value("node"_L1).toInteger(), 5);

        auto noParams = parseMessage(R"({"jsonrpc":"2.0","id":"abc","method":"cluster.nodes"})");
        QVERIFY(noParams);
        QVERIFY(std::get<Request>(*noParams).params.isUndefined());
        QCOMPARE(std::get<Request>(*noParams).id.toString(), u"\"abc\""_s);
        QVERIFY(!std::get<Request>(*noParams).id.toInteger());

        auto nullId = parseMessage(R"({"jsonrpc":"2.0","id":null,"method":"x","params":[1,2]})");
        QVERIFY(nullId);
        QVERIFY(std::get<Request>(*nullId).id.isNull());
        QVERIFY(std::get<Request>(*nullId).params.isArray());

        auto fractionalId = parseMessage(R"({"jsonrpc":"2.0","id":1.5,"method":"x"})");
        QVERIFY(fractionalId);
        QCOMPARE(std::get<Request>(*fractionalId).id.toString(), u"1.5"_s);
        QVERIFY(!std::get<Request>(*fractionalId).id.toInteger());

        auto notification =
            parseMessage(R"({"jsonrpc":"2.0","method":"update","params":{"seq":1}})");
        QVERIFY(notification);
        QCOMPARE(std::get<Notification>(*notification).method, u"update"_s);

        auto response = parseMessage(R"({"jsonrpc":"2.0","id":9,"result":{}})");
        QVERIFY(response);
        QCOMPARE(std::get<Response>(*response).id, Id(9));
        QVERIFY(std::get<Response>(*response).result.isObject());

        auto nullResult = parseMessage(R"({"jsonrpc":"2.0","id":9,"result":null})");
        QVERIFY(nullResult);
        QVERIFY(std::get<Response>(*nullResult).result.isNull());

        auto error = parseMessage(
            R"({"jsonrpc":"2.0","id":null,"error":{"code":-32001,"message":"no process 5","data":{"pid":5}}})");
        QVERIFY(error);
        const auto &e = std::get<ErrorResponse>(*error);
        QVERIFY(e.id.isNull());
        QCOMPARE(e.error,
                 RpcError(ErrorCode::NoSuchProcess, u"no process 5"_s, QJsonObject{{u"pid"_s, 5}}));
    }

    void serialisesToOneCompactLine() {
        const Request r{Id(12), u"map.set"_s,
                        QJsonObject{{u"text"_s, u"1 10.0.0.1 4\n# two\r\nlines"_s}}};
        const QByteArray line = serialize(r);
        QCOMPARE(line.count('\n'), 1);
        QVERIFY(line.endsWith('\n'));
        QVERIFY(!line.contains(' ' + QByteArray("\"")));
        QCOMPARE(
            line,
            QByteArray(
                R"({"id":12,"jsonrpc":"2.0","method":"map.set","params":{"text":"1 10.0.0.1 4\n# two\r\nlines"}})"
                "\n"));
        auto back = parseMessage(line.chopped(1));
        QVERIFY(back);
        const auto &b = std::get<Request>(*back);
        QCOMPARE(b.id, r.id);
        QCOMPARE(b.method, r.method);
        QCOMPARE(b.params, r.params);

        QCOMPARE(serialize(Notification{u"update"_s, QJsonObject{{u"seq"_s, 1}}}),
                 QByteArray(R"({"jsonrpc":"2.0","method":"update","params":{"seq":1}})"
                            "\n"));
        QCOMPARE(serialize(Request{Id(u"x"_s), u"cluster.nodes"_s, QJsonValue::Undefined}),
                 QByteArray(R"({"id":"x","jsonrpc":"2.0","method":"cluster.nodes"})"
                            "\n"));
        QCOMPARE(serialize(Response{Id(3), QJsonObject{}}),
                 QByteArray(R"({"id":3,"jsonrpc":"2.0","result":{}})"
                            "\n"));
        QCOMPARE(serialize(Response{Id(3), QJsonValue::Undefined}),
                 QByteArray(R"({"id":3,"jsonrpc":"2.0","result":null})"
                            "\n"));
        QCOMPARE(
            serialize(
                ErrorResponse{Id(), RpcError(ErrorCode::MethodNotFound, u"method not found: x"_s)}),
            QByteArray(
                R"({"error":{"code":-32601,"message":"method not found: x"},"id":null,"jsonrpc":"2.0"})"
                "\n"));
    }

    void largeIdsAreEchoedExactly() {
        auto r = parseMessage(R"({"jsonrpc":"2.0","id":9007199254740993,"method":"x"})");
        QVERIFY(r);
        QCOMPARE(std::get<Request>(*r).id.toInteger(), 9007199254740993LL);
        QVERIFY(serialize(Response{std::get<Request>(*r).id, QJsonObject{}})
                    .contains("\"id\":9007199254740993"));
    }

    void lineTooLongAnswer() {
        const ErrorResponse e = lineTooLongError(16 * 1024 * 1024);
        QVERIFY(e.id.isNull());
        QCOMPARE(e.error.code, -32600);
        QCOMPARE(e.error.message, u"message too long: lines are limited to 16777216 bytes"_s);
    }
};

QTEST_GUILESS_MAIN(TestJsonRpc)
#include "tst_jsonrpc.moc"
