// docs/protocol.md is the reference the daemon is written against: every
// example line in it must be a valid message that the codecs of this library
// decode as the method it shows, so the document cannot drift from the code.
#include <QFile>
#include <QJsonDocument>
#include <QTest>
#include <functional>
#include <map>
#include <omview/protocol/delta.h>
#include <omview/protocol/json.h>
#include <omview/protocol/jsonrpc.h>
#include <omview/protocol/jobs.h>
#include <omview/protocol/methods.h>

using namespace omview;
using namespace Qt::Literals::StringLiterals;

namespace {

using Check = std::function<std::optional<ProtocolError>(const QJsonValue &)>;

template<class T> Check decodes() {
    return [](const QJsonValue &v) -> std::optional<ProtocolError> {
        auto r = fromJson<T>(v);
        if (!r)
            return r.error();
        return std::nullopt;
    };
}

Check anyObject() {
    return [](const QJsonValue &v) -> std::optional<ProtocolError> {
        if (!v.isObject())
            return ProtocolError{{}, u"must be an object"_s};
        return std::nullopt;
    };
}

struct MethodCodecs {
    Check params;
    Check result;
};

const std::map<QString, MethodCodecs> &methodCodecs() {
    static const std::map<QString, MethodCodecs> codecs{
        {methods::hello, {decodes<HelloParams>(), decodes<HelloResult>()}},
        {methods::nodeStatus, {decodes<NodeParams>(), decodes<NodeStatus>()}},
        {methods::clusterNodes, {decodes<NodeParams>(), decodes<QList<NodeRecord>>()}},
        {methods::settingsGet, {decodes<NodeParams>(), decodes<Settings>()}},
        {methods::settingsSet, {decodes<SettingsSetParams>(), decodes<Settings>()}},
        {methods::nodeExpel, {decodes<NodeParams>(), anyObject()}},
        {methods::nodeBring, {decodes<NodeParams>(), anyObject()}},
        {methods::mapGet, {decodes<NodeParams>(), decodes<MapText>()}},
        {methods::mapSet, {decodes<MapSetParams>(), anyObject()}},
        {methods::procList, {decodes<ProcListParams>(), decodes<QList<ProcessInfo>>()}},
        {methods::procSignal, {decodes<ProcSignalParams>(), anyObject()}},
        {methods::procRenice, {decodes<ProcReniceParams>(), anyObject()}},
        {methods::procLock, {decodes<ProcLockParams>(), anyObject()}},
        {methods::procMigrate, {decodes<ProcMigrateParams>(), decodes<MigrateResult>()}},
        {methods::subscribe, {decodes<SubscribeParams>(), decodes<SubscribeResult>()}},
        {methods::unsubscribe, {decodes<UnsubscribeParams>(), anyObject()}},
        {methods::procSpawn, {decodes<ProcSpawnParams>(), decodes<SpawnResult>()}},
        {methods::jobRead, {decodes<JobReadParams>(), decodes<JobOutput>()}},
        {methods::jobSignal, {decodes<JobSignalParams>(), anyObject()}},
    };
    return codecs;
}

// QVERIFY2 evaluates its message even when the check passes.
QString whatFailed(const std::optional<ProtocolError> &error) {
    return error ? whatFailed(error) : QString();
}

template<class T> QString whatFailed(const std::expected<T, ProtocolError> &result) {
    return result ? QString() : result.error().toString();
}

struct Example {
    int lineNumber;
    bool fromClient;
    QByteArray text;
};

QList<QByteArray> docLines() {
    QFile file(QStringLiteral(OMVIEW_PROTOCOL_DOC));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", OMVIEW_PROTOCOL_DOC);
    return file.readAll().split('\n');
}

} // namespace

class TestDocs : public QObject {
    Q_OBJECT

private slots:
    void exampleMessagesAreValid() {
        const QList<QByteArray> lines = docLines();
        const QByteArray toAgent = "→ ";
        const QByteArray toClient = "← ";
        QList<Example> examples;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray &line = lines[i];
            if (line.startsWith(toAgent))
                examples.append({int(i + 1), true, line.mid(toAgent.size())});
            else if (line.startsWith(toClient))
                examples.append({int(i + 1), false, line.mid(toClient.size())});
        }
        QVERIFY(examples.size() > 30);

        std::map<qint64, QString> methodOfId; // the latest request with each id
        int checked = 0;
        for (qsizetype n = 0; n < examples.size(); ++n) {
            const Example &e = examples[n];
            if (e.text.contains("..."))
                continue; // an abbreviated illustration
            const QString where = u"docs/protocol.md:%1"_s.arg(e.lineNumber);
            auto message = rpc::parseMessage(e.text);
            QVERIFY2(message, qPrintable(where + u": "_s +
                                         (message ? QString() : message.error().error.message)));
            ++checked;
            if (const auto *request = std::get_if<rpc::Request>(&*message)) {
                QVERIFY2(e.fromClient, qPrintable(where));
                const auto codecs = methodCodecs().find(request->method);
                QVERIFY2(codecs != methodCodecs().end(), qPrintable(where + u": unknown method"_s));
                methodOfId[*request->id.toInteger()] = request->method;
                // A request the next example refuses with -32602 is meant to be invalid.
                const bool refused =
                    n + 1 < examples.size() && examples[n + 1].text.contains("\"code\":-32602");
                const auto error = codecs->second.params(request->params);
                if (refused)
                    QVERIFY2(error, qPrintable(where + u": expected invalid params"_s));
                else
                    QVERIFY2(!error, qPrintable(where + u": "_s + whatFailed(error)));
            } else if (const auto *response = std::get_if<rpc::Response>(&*message)) {
                QVERIFY2(!e.fromClient, qPrintable(where));
                const auto method = methodOfId.find(*response->id.toInteger());
                QVERIFY2(method != methodOfId.end(), qPrintable(where + u": no request"_s));
                const auto error = methodCodecs().at(method->second).result(response->result);
                QVERIFY2(!error, qPrintable(where + u": "_s + whatFailed(error)));
            } else if (const auto *notification = std::get_if<rpc::Notification>(&*message)) {
                QVERIFY2(!e.fromClient, qPrintable(where));
                if (notification->method == notifications::update) {
                    auto update = fromJson<UpdateParams>(notification->params);
                    QVERIFY2(update, qPrintable(where + u": "_s + whatFailed(update)));
                    if (update->delta.contains("events"_L1)) {
                        auto delta = fromJson<MigrationsDelta>(update->delta);
                        QVERIFY2(delta, qPrintable(where + u": "_s + whatFailed(delta)));
                    } else if (update->delta.contains("added"_L1)) {
                        auto delta = fromJson<ProcessListDelta>(update->delta);
                        QVERIFY2(delta, qPrintable(where + u": "_s + whatFailed(delta)));
                    } else {
                        QVERIFY(applyDelta(NodeStatus{}, update->delta));
                    }
                } else {
                    QCOMPARE(notification->method, QString(notifications::ended));
                    auto ended = fromJson<EndedParams>(notification->params);
                    QVERIFY2(ended, qPrintable(where + u": "_s + whatFailed(ended)));
                }
            } else {
                const auto &error = std::get<rpc::ErrorResponse>(*message);
                QVERIFY2(!e.fromClient, qPrintable(where));
                const int code = error.error.code;
                QVERIFY2((code >= -32099 && code <= -32000) || (code >= -32700 && code <= -32600),
                         qPrintable(where));
            }
        }
        QVERIFY(checked > 30);
    }

    void exampleValuesDecode() {
        // ```json blocks under a "### <Type>" heading show one value of that type.
        const std::map<QByteArray, Check> types{
            {"NodeStatus", decodes<NodeStatus>()},
            {"Settings", decodes<Settings>()},
            {"ProcessInfo", decodes<ProcessInfo>()},
            {"MigrationEvent", decodes<MigrationEvent>()},
        };
        const QList<QByteArray> lines = docLines();
        QByteArray heading;
        int blocks = 0;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].startsWith("### "))
                heading = lines[i].mid(4).trimmed();
            if (lines[i] != "```json")
                continue;
            const QByteArray value = lines.value(i + 1);
            const auto type = types.find(heading);
            QVERIFY2(type != types.end(), heading.constData());
            const auto error = type->second(QJsonDocument::fromJson(value).object());
            QVERIFY2(!error, qPrintable(u"docs/protocol.md:%1: "_s.arg(i + 2) + whatFailed(error)));
            ++blocks;
        }
        QCOMPARE(blocks, 4);
    }
};

QTEST_GUILESS_MAIN(TestDocs)
#include "tst_docs.moc"
