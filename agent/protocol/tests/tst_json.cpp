// Codecs of the value types and of the API's parameters: round trips through
// JSON text, 64-bit values, and every kind of refusal naming its field.
#include "samples.h"

#include <QJsonDocument>
#include <QTest>
#include <cmath>
#include <omview/protocol/delta.h>
#include <omview/protocol/json.h>
#include <omview/protocol/methods.h>
#include <omview/protocol/rpcerror.h>
#include <omview/protocol/settingschange.h>

using namespace omview;
using namespace omview::test;
using namespace Qt::Literals::StringLiterals;

namespace {

// Through the wire form: compact text and back.
QJsonValue throughText(const QJsonValue &value) {
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QJsonDocument::fromJson(text).array().at(0);
}

QJsonObject parse(const char *json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", json);
    return doc.object();
}

template<class T> ProtocolError errorOf(const QJsonValue &value) {
    auto decoded = fromJson<T>(value);
    if (decoded)
        return {u"<none>"_s, u"decoded although it should not"_s};
    return decoded.error();
}

template<class T> void checkRoundTrip(const T &value) {
    QJsonValue json;
    if constexpr (requires { toJsonArray(value); })
        json = toJsonArray(value);
    else
        json = toJson(value);
    auto back = fromJson<T>(throughText(json));
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(*back, value);
}

} // namespace

class TestJson : public QObject {
    Q_OBJECT

private slots:
    void valueTypesRoundTrip() {
        checkRoundTrip(sampleStatus());
        checkRoundTrip(NodeStatus{});
        checkRoundTrip(sampleRecord());
        checkRoundTrip(NodeRecord{});
        checkRoundTrip(sampleSettings());
        checkRoundTrip(Settings{});
        checkRoundTrip(sampleProcess());
        checkRoundTrip(ProcessInfo{});
        checkRoundTrip(QList<ProcessInfo>{sampleProcess(1), sampleProcess(2)});
        checkRoundTrip(QList<NodeRecord>{sampleRecord(1), sampleRecord(2)});
        checkRoundTrip(QList<ProcessInfo>{});
    }

    void settingsChangeRoundTrip() {
        SettingsChange all;
        all.mospe = 0;
        all.block = true;
        all.stay = false;
        all.lstay = true;
        all.quiet = false;
        all.speed = 1000000;
        all.sspeed = 1;
        all.decayInterval = 65535;
        all.slowDecay = 1000;
        all.fastDecay = 1;
        all.overheads = QList<std::uint32_t>{10000, 0, 1000, 0};
        checkRoundTrip(all);
        checkRoundTrip(SettingsChange{});
        QCOMPARE(toJson(SettingsChange{}), QJsonObject());
        SettingsChange one;
        one.speed = 15000;
        QCOMPARE(toJson(one), parse(R"({"speed":15000})"));
    }

    void encodingMatchesTheDocumentation() {
        const QJsonObject o = toJson(sampleProcess());
        QCOMPARE(o.value("state"_L1).toString(), u"R"_s);
        QCOMPARE(o.value("nice"_L1).toInteger(), -5);
        QCOMPARE(o.value("locked"_L1).toBool(), true);
        QCOMPARE(o.size(), 19);
        const QJsonObject record = toJson(sampleRecord());
        QVERIFY(!record.contains("node"_L1)); // flat
        QCOMPARE(record.value("ageMs"_L1).toInteger(), 412);
        QCOMPARE(record.value("hostname"_L1).toString(), u"n3"_s);
        QCOMPARE(record.size(), 17);
        QCOMPARE(toJson(sampleSettings()).value("overheads"_L1).toArray(),
                 (QJsonArray{1500, 20, 60, 110}));
    }

    void sixtyFourBitValuesSurvive() {
        NodeStatus s = sampleStatus();
        s.memTotal = (std::uint64_t{1} << 53) + 1;
        s.memUsed = std::uint64_t{std::numeric_limits<std::int64_t>::max()};
        s.sampledAt = std::numeric_limits<std::int64_t>::min();
        const QByteArray text = QJsonDocument(toJson(s)).toJson(QJsonDocument::Compact);
        QVERIFY(text.contains("\"memTotal\":9007199254740993"));
        QVERIFY(text.contains("\"memUsed\":9223372036854775807"));
        auto back = fromJson<NodeStatus>(QJsonDocument::fromJson(text).object());
        QVERIFY(back);
        QCOMPARE(back->memTotal, (std::uint64_t{1} << 53) + 1);
        QCOMPARE(back->memUsed, std::uint64_t{std::numeric_limits<std::int64_t>::max()});
        QCOMPARE(back->sampledAt, std::numeric_limits<std::int64_t>::min());

        // Beyond INT64_MAX an unsigned value is sent as INT64_MAX (documented).
        s.memFree = std::numeric_limits<std::uint64_t>::max();
        QCOMPARE(toJson(s).value("memFree"_L1).toInteger(),
                 std::numeric_limits<std::int64_t>::max());
        // And a received value beyond it is refused, not wrapped.
        QJsonObject o = toJson(sampleStatus());
        o.insert("memFree"_L1, 1.8446744073709552e19);
        const ProtocolError e = errorOf<NodeStatus>(o);
        QCOMPARE(e.field, u"memFree"_s);
        QVERIFY2(e.message.contains(u"0..9223372036854775807"_s), qPrintable(e.message));
    }

    void nonFiniteNumbersAreSentAsZero() {
        ProcessInfo p = sampleProcess();
        p.cpuPercent = std::nan("");
        QCOMPARE(toJson(p).value("cpuPercent"_L1).toDouble(-1), 0.0);
        p.cpuPercent = INFINITY;
        auto back = fromJson<ProcessInfo>(throughText(toJson(p)));
        QVERIFY(back);
        QCOMPARE(back->cpuPercent, 0.0);
    }

    void decodingErrorsNameTheField_data() {
        QTest::addColumn<QByteArray>("replace"); // one member, as JSON
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("string for integer")
            << QByteArray(R"({"pid":"12"})") << u"pid"_s << u"must be an integer, got a string"_s;
        QTest::newRow("fraction") << QByteArray(R"({"ppid":1.5})") << u"ppid"_s
                                  << u"must be an integer, got 1.5"_s;
        QTest::newRow("negative unsigned")
            << QByteArray(R"({"uid":-1})") << u"uid"_s << u"must be 0..4294967295, got -1"_s;
        QTest::newRow("int32 overflow") << QByteArray(R"({"nice":2147483648})") << u"nice"_s
                                        << u"must be -2147483648..2147483647, got 2147483648"_s;
        QTest::newRow("null") << QByteArray(R"({"rss":null})") << u"rss"_s
                              << u"must be an integer, got null"_s;
        QTest::newRow("bool as number")
            << QByteArray(R"({"locked":1})") << u"locked"_s << u"must be true or false, got 1"_s;
        QTest::newRow("long state") << QByteArray(R"({"state":"RS"})") << u"state"_s
                                    << u"must be a one-character ASCII string, got \"RS\""_s;
        QTest::newRow("empty state") << QByteArray(R"({"state":""})") << u"state"_s
                                     << u"must be a one-character ASCII string, got \"\""_s;
        QTest::newRow("number for string")
            << QByteArray(R"({"user":5})") << u"user"_s << u"must be a string, got 5"_s;
        QTest::newRow("string for double") << QByteArray(R"({"cpuPercent":"5"})") << u"cpuPercent"_s
                                           << u"must be a number, got a string"_s;
    }

    void decodingErrorsNameTheField() {
        QFETCH(QByteArray, replace);
        QFETCH(QString, field);
        QFETCH(QString, message);
        QJsonObject o = toJson(sampleProcess());
        const QJsonObject patch = QJsonDocument::fromJson(replace).object();
        for (auto it = patch.begin(); it != patch.end(); ++it)
            o.insert(it.key(), it.value());
        const ProtocolError e = errorOf<ProcessInfo>(o);
        QCOMPARE(e.field, field);
        QCOMPARE(e.message, message);
    }

    void integralDoublesAreIntegers() {
        QJsonObject o = toJson(sampleProcess());
        o.insert("pid"_L1, 12.0);
        auto back = fromJson<ProcessInfo>(o);
        QVERIFY(back);
        QCOMPARE(back->pid, 12);
    }

    void missingFieldsAndWrongShapes() {
        QJsonObject o = toJson(sampleStatus());
        o.remove("util"_L1);
        QCOMPARE(errorOf<NodeStatus>(o), (ProtocolError{u"util"_s, u"missing"_s}));
        o = toJson(sampleStatus());
        o.insert("loadAvg"_L1, QJsonArray{1, 2});
        QCOMPARE(errorOf<NodeStatus>(o).field, u"loadAvg"_s);
        QCOMPARE(errorOf<NodeStatus>(o).message, u"must be an array of 3 elements, got 2"_s);
        o.insert("loadAvg"_L1, QJsonArray{1, u"x"_s, 3});
        QCOMPARE(errorOf<NodeStatus>(o).message, u"element 1 must be a number, got a string"_s);
        QCOMPARE(errorOf<NodeStatus>(QJsonArray{}).message, u"must be an object, got an array"_s);
        QCOMPARE(errorOf<Settings>(QJsonValue(5)).message, u"must be an object, got 5"_s);

        QJsonObject r = toJson(sampleRecord());
        r.remove("alive"_L1);
        QCOMPARE(errorOf<NodeRecord>(r).field, u"alive"_s);
        r = toJson(sampleRecord());
        r.remove("hostname"_L1);
        QCOMPARE(errorOf<NodeRecord>(r).field, u"hostname"_s);

        QJsonObject p = toJson(sampleProcess());
        p.remove("guest"_L1);
        const QJsonArray list{toJson(sampleProcess(1)), p};
        QCOMPARE(errorOf<QList<ProcessInfo>>(list), (ProtocolError{u"[1].guest"_s, u"missing"_s}));
        QCOMPARE(errorOf<QList<ProcessInfo>>(QJsonObject()).message,
                 u"must be an array, got an object"_s);
    }

    void resultsIgnoreUnknownMembers() {
        QJsonObject o = toJson(sampleProcess());
        o.insert("newerField"_L1, u"from a newer agent"_s);
        auto back = fromJson<ProcessInfo>(o);
        QVERIFY(back);
        QCOMPARE(*back, sampleProcess());
    }

    void settingsChangeIsValidated_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error"); // empty = accepted
        QTest::newRow("empty") << QByteArray("{}") << QString();
        QTest::newRow("typo") << QByteArray(R"({"sped":100})") << u"sped: unknown field"_s;
        QTest::newRow("speed 0") << QByteArray(R"({"speed":0})")
                                 << u"speed: must be 1..1000000, got 0"_s;
        QTest::newRow("speed max") << QByteArray(R"({"speed":1000000})") << QString();
        QTest::newRow("speed over")
            << QByteArray(R"({"speed":1000001})") << u"speed: must be 1..1000000, got 1000001"_s;
        QTest::newRow("speed negative")
            << QByteArray(R"({"speed":-5})") << u"speed: must be 0..4294967295, got -5"_s;
        QTest::newRow("sspeed 0") << QByteArray(R"({"sspeed":0})")
                                  << u"sspeed: must be 1..1000000, got 0"_s;
        QTest::newRow("mospe off") << QByteArray(R"({"mospe":0})") << QString();
        QTest::newRow("mospe max") << QByteArray(R"({"mospe":65535})") << QString();
        QTest::newRow("mospe over") << QByteArray(R"({"mospe":65536})")
                                    << u"mospe: must be 0 (off) or 1..65535, got 65536"_s;
        QTest::newRow("bool as int")
            << QByteArray(R"({"block":1})") << u"block: must be true or false, got 1"_s;
        QTest::newRow("interval 0")
            << QByteArray(R"({"decayInterval":0})") << u"decayInterval: must be 1..65535, got 0"_s;
        QTest::newRow("slow over")
            << QByteArray(R"({"slowDecay":1001})") << u"slowDecay: must be 1..1000, got 1001"_s;
        QTest::newRow("fast 0") << QByteArray(R"({"fastDecay":0})")
                                << u"fastDecay: must be 1..1000, got 0"_s;
        QTest::newRow("slow below fast")
            << QByteArray(R"({"slowDecay":500,"fastDecay":600})")
            << u"slowDecay: must be at least fastDecay (600), got 500"_s;
        QTest::newRow("slow equals fast")
            << QByteArray(R"({"slowDecay":600,"fastDecay":600})") << QString();
        QTest::newRow("overheads ok")
            << QByteArray(R"({"overheads":[1000,0,0,1000]})") << QString();
        QTest::newRow("overheads short")
            << QByteArray(R"({"overheads":[1300,10,50]})")
            << u"overheads: must have 4 elements (STAB MIGCOST MEMLOW MINUSE), got 3"_s;
        QTest::newRow("stab low") << QByteArray(R"({"overheads":[999,10,50,100]})")
                                  << u"overheads[0]: STAB must be 1000..10000, got 999"_s;
        QTest::newRow("migcost high") << QByteArray(R"({"overheads":[1300,10001,50,100]})")
                                      << u"overheads[1]: MIGCOST must be 0..10000, got 10001"_s;
        QTest::newRow("memlow high") << QByteArray(R"({"overheads":[1300,10,1001,100]})")
                                     << u"overheads[2]: MEMLOW must be 0..1000, got 1001"_s;
        QTest::newRow("minuse high") << QByteArray(R"({"overheads":[1300,10,50,5000]})")
                                     << u"overheads[3]: MINUSE must be 0..1000, got 5000"_s;
        QTest::newRow("overheads element type")
            << QByteArray(R"({"overheads":[1300,"10",50,100]})")
            << u"overheads: element 1 must be an integer, got a string"_s;
        QTest::newRow("not an object") << QByteArray("[]") << u"must be an object, got an array"_s;
    }

    void settingsChangeIsValidated() {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const QJsonDocument doc = QJsonDocument::fromJson(json);
        const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        auto change = fromJson<SettingsChange>(value);
        if (error.isEmpty()) {
            QVERIFY2(change.has_value(),
                     qPrintable(change ? QString() : change.error().toString()));
            QVERIFY(!validate(*change));
        } else {
            QVERIFY(!change.has_value());
            QCOMPARE(change.error().toString(), error);
        }
    }

    void typedChangesAreValidatedToo() {
        SettingsChange c;
        c.overheads = QList<std::uint32_t>{1300, 10, 50, 100, 5};
        QCOMPARE(validate(c)->field, u"overheads"_s);
        c.overheads.reset();
        c.speed = 0;
        QCOMPARE(validate(c)->field, u"speed"_s);
    }

    void applyChangeChecksAgainstCurrentValues() {
        const Settings current = sampleSettings(); // slow 990, fast 900
        SettingsChange c;
        c.slowDecay = 850;
        auto r = applyChange(current, c);
        QVERIFY(!r);
        QCOMPARE(r.error().toString(), u"slowDecay: must be at least fastDecay (900), got 850"_s);
        c = {};
        c.fastDecay = 995;
        r = applyChange(current, c);
        QVERIFY(!r);
        QCOMPARE(r.error().toString(), u"fastDecay: must be at most slowDecay (990), got 995"_s);

        c = {};
        c.speed = 20000;
        c.block = false;
        c.overheads = QList<std::uint32_t>{2000, 1, 2, 3};
        r = applyChange(current, c);
        QVERIFY(r);
        Settings expected = current;
        expected.speed = 20000;
        expected.block = false;
        expected.overheads[0] = 2000;
        expected.overheads[1] = 1;
        expected.overheads[2] = 2;
        expected.overheads[3] = 3;
        QCOMPARE(*r, expected);
        QCOMPARE(changeBetween(current, expected), c);
        QCOMPARE(changeBetween(current, current), SettingsChange{});

        c = {};
        c.speed = 0;
        QCOMPARE(applyChange(current, c).error().field, u"speed"_s);
    }

    void paramsRoundTrip() {
        checkRoundTrip(HelloParams{1, u"omview-console 0.1.0"_s});
        checkRoundTrip(HelloResult{1, u"omagentd 0.1.0"_s, 3, {u"forward"_s, u"subscribe"_s}});
        checkRoundTrip(NodeParams{});
        checkRoundTrip(NodeParams{65535});
        SettingsChange change;
        change.speed = 15000;
        change.overheads = QList<std::uint32_t>{1300, 10, 50, 100};
        checkRoundTrip(SettingsSetParams{5, change});
        checkRoundTrip(SettingsSetParams{std::nullopt, change});
        checkRoundTrip(MapText{u"1 10.0.0.1 4\n"_s});
        checkRoundTrip(MapSetParams{2, u"1 10.0.0.1 4\n"_s});
        checkRoundTrip(ProcListParams{1, u"ada"_s});
        checkRoundTrip(ProcListParams{});
        for (ProcessSignal s :
             {ProcessSignal::Term, ProcessSignal::Kill, ProcessSignal::Stop, ProcessSignal::Cont})
            checkRoundTrip(ProcSignalParams{std::nullopt, 12, s});
        checkRoundTrip(ProcReniceParams{7, 12, -20});
        checkRoundTrip(ProcReniceParams{7, 12, 19});
        checkRoundTrip(ProcLockParams{std::nullopt, 12, true});
        checkRoundTrip(SubscribeParams{Topic::Procs, 4, 250, u"ada"_s});
        checkRoundTrip(SubscribeParams{Topic::Cluster, std::nullopt, 60000, std::nullopt});
        checkRoundTrip(SubscribeParams{Topic::Node, 2, 1000, std::nullopt});
        checkRoundTrip(SubscribeParams{Topic::Migrations, 3, 1000, std::nullopt});
        checkRoundTrip(SubscribeResult{7});
        checkRoundTrip(UnsubscribeParams{7});
        checkRoundTrip(UpdateParams{7, (std::uint64_t{1} << 60) + 3, parse(R"({"load":5})")});
        checkRoundTrip(EndedParams{7, RpcError(ErrorCode::NoSuchNode, u"node 5 is unreachable"_s,
                                               QJsonObject{{u"node"_s, 5}})});

        QCOMPARE(toJson(SettingsSetParams{5, change}),
                 parse(R"({"node":5,"speed":15000,"overheads":[1300,10,50,100]})"));
        QCOMPARE(toJson(ProcSignalParams{std::nullopt, 12, ProcessSignal::Kill}),
                 parse(R"({"pid":12,"signal":"KILL"})"));
    }

    void paramsAreStrict_data() {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QByteArray>("params"); // "" = absent
        QTest::addColumn<QString>("error");     // empty = accepted
        QTest::newRow("absent params") << u"node"_s << QByteArray() << QString();
        QTest::newRow("array params")
            << u"node"_s << QByteArray("[1]") << u"params must be an object, got an array"_s;
        QTest::newRow("node 0") << u"node"_s << QByteArray(R"({"node":0})")
                                << u"node: must be a node ID 1..65535, got 0"_s;
        QTest::newRow("node string") << u"node"_s << QByteArray(R"({"node":"5"})")
                                     << u"node: must be an integer, got a string"_s;
        QTest::newRow("unknown param")
            << u"node"_s << QByteArray(R"({"nodes":5})") << u"nodes: unknown field"_s;
        QTest::newRow("set: unknown")
            << u"set"_s << QByteArray(R"({"node":2,"sped":5})") << u"sped: unknown field"_s;
        QTest::newRow("set: bad node") << u"set"_s << QByteArray(R"({"node":70000})")
                                       << u"node: must be a node ID 1..65535, got 70000"_s;
        QTest::newRow("set: bad speed") << u"set"_s << QByteArray(R"({"node":2,"speed":0})")
                                        << u"speed: must be 1..1000000, got 0"_s;
        QTest::newRow("set: array")
            << u"set"_s << QByteArray("[]") << u"params must be an object, got an array"_s;
        QTest::newRow("signal: HUP") << u"signal"_s << QByteArray(R"({"pid":5,"signal":"HUP"})")
                                     << u"signal: must be one of \"TERM\", \"KILL\", \"STOP\", "
                                        u"\"CONT\", got \"HUP\""_s;
        QTest::newRow("signal: missing pid")
            << u"signal"_s << QByteArray(R"({"signal":"TERM"})") << u"pid: missing"_s;
        QTest::newRow("signal: pid 0") << u"signal"_s << QByteArray(R"({"pid":0,"signal":"TERM"})")
                                       << u"pid: must be a process ID (1 or more), got 0"_s;
        QTest::newRow("renice: 25") << u"renice"_s << QByteArray(R"({"pid":5,"nice":25})")
                                    << u"nice: must be -20..19, got 25"_s;
        QTest::newRow("renice: -21") << u"renice"_s << QByteArray(R"({"pid":5,"nice":-21})")
                                     << u"nice: must be -20..19, got -21"_s;
        QTest::newRow("lock: int") << u"lock"_s << QByteArray(R"({"pid":5,"locked":1})")
                                   << u"locked: must be true or false, got 1"_s;
        QTest::newRow("subscribe: default interval")
            << u"subscribe"_s << QByteArray(R"({"topic":"node"})") << QString();
        QTest::newRow("subscribe: topic")
            << u"subscribe"_s << QByteArray(R"({"topic":"proc"})")
            << u"topic: must be one of \"node\", \"cluster\", \"procs\", \"migrations\", got \"proc\""_s;
        QTest::newRow("subscribe: fast")
            << u"subscribe"_s << QByteArray(R"({"topic":"node","intervalMs":249})")
            << u"intervalMs: must be 250..60000 ms, got 249"_s;
        QTest::newRow("subscribe: user with node")
            << u"subscribe"_s << QByteArray(R"({"topic":"node","user":"ada"})")
            << u"user: only allowed with topic \"procs\""_s;
        QTest::newRow("hello: missing client")
            << u"hello"_s << QByteArray(R"({"protocol":1})") << u"client: missing"_s;
        QTest::newRow("hello: version 0")
            << u"hello"_s << QByteArray(R"({"protocol":0,"client":"x"})")
            << u"protocol: must be a protocol version (1 or more), got 0"_s;
        QTest::newRow("unsubscribe: 0") << u"unsubscribe"_s << QByteArray(R"({"subscription":0})")
                                        << u"subscription: must be a subscription ID (1 or more), "
                                           u"got 0"_s;
        QTest::newRow("map: missing") << u"map"_s << QByteArray("{}") << u"text: missing"_s;
    }

    void paramsAreStrict() {
        QFETCH(QString, method);
        QFETCH(QByteArray, params);
        QFETCH(QString, error);
        QJsonValue value = QJsonValue::Undefined;
        if (!params.isEmpty()) {
            const QJsonDocument doc = QJsonDocument::fromJson(params);
            value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        }
        std::optional<RpcError> got;
        auto check = [&](auto decoded) {
            if (!decoded)
                got = decoded.error();
        };
        if (method == u"node")
            check(decodeParams<NodeParams>(value));
        else if (method == u"set")
            check(decodeParams<SettingsSetParams>(value));
        else if (method == u"signal")
            check(decodeParams<ProcSignalParams>(value));
        else if (method == u"renice")
            check(decodeParams<ProcReniceParams>(value));
        else if (method == u"lock")
            check(decodeParams<ProcLockParams>(value));
        else if (method == u"subscribe")
            check(decodeParams<SubscribeParams>(value));
        else if (method == u"hello")
            check(decodeParams<HelloParams>(value));
        else if (method == u"unsubscribe")
            check(decodeParams<UnsubscribeParams>(value));
        else if (method == u"map")
            check(decodeParams<MapSetParams>(value));
        if (error.isEmpty()) {
            QVERIFY2(!got, qPrintable(got ? got->message : QString()));
            return;
        }
        QVERIFY(got);
        QCOMPARE(got->code, int(ErrorCode::InvalidParams));
        QCOMPARE(got->message, error);
        const QString field = error.section(u':', 0, 0);
        if (!error.startsWith(u"params"))
            QCOMPARE(got->data.toObject().value("param"_L1).toString(), field);
    }

    void nodeMapsAreCheckedByKernelCore() {
        // At the size limit, in lines the parser accepts (comments).
        QString text;
        while (text.size() + 20 <= MaxMapTextBytes)
            text += u"#234567890123456789\n"_s;
        text += QString(MaxMapTextBytes - text.size() - 1, u'#') + u"\n"_s;
        QCOMPARE(text.toUtf8().size(), MaxMapTextBytes);
        QVERIFY(decodeParams<MapSetParams>(toJson(MapSetParams{std::nullopt, text})));
        auto r = decodeParams<MapSetParams>(toJson(MapSetParams{std::nullopt, text + u"#"_s}));
        QVERIFY(!r);
        QCOMPARE(r.error().message, u"text: the map may be at most 65536 bytes, got 65537"_s);

        const QString valid = u"# two ranges\n1 10.0.0.1 4\n4 10.0.1.4 ALIAS\n10 fd00::a 1\n"_s;
        QVERIFY(!checkNodeMap(valid));
        QVERIFY(!checkNodeMap(QString())); // empty = clear the map
        r = decodeParams<MapSetParams>(
            toJson(MapSetParams{std::nullopt, u"1 10.0.0.1 4\n70000 10.0.1.1 1\n"_s}));
        QVERIFY(!r);
        QCOMPARE(r.error().message, u"text: line 2: ID not a number in 1..65535"_s);
        QCOMPARE(r.error().data, QJsonValue(QJsonObject{{u"param"_s, u"text"_s}, {u"line"_s, 2}}));
        const auto overlap = checkNodeMap(u"1 10.0.0.1 4\n3 10.0.0.9 1\n"_s);
        QVERIFY(overlap);
        QCOMPARE(overlap->line, 2u);
        QCOMPARE(overlap->reason, u"an ID or address mapped twice"_s);
        QCOMPARE(checkNodeMap(u"1 10.0.0.1\n"_s)->reason, u"not three fields"_s);
    }

    void subscribeIntervalDefaults() {
        auto p = decodeParams<SubscribeParams>(parse(R"({"topic":"cluster"})"));
        QVERIFY(p);
        QCOMPARE(p->intervalMs, DefaultIntervalMs);
        QCOMPARE(p->topic, Topic::Cluster);
    }

    void resultsOfMethodsAreTolerant() {
        auto hello = fromJson<HelloResult>(
            parse(R"({"protocol":1,"agent":"a","node":2,"capabilities":["x"],"extra":true})"));
        QVERIFY(hello);
        QCOMPARE(hello->capabilities, QStringList{u"x"_s});
        QCOMPARE(errorOf<HelloResult>(parse(R"({"protocol":1,"agent":"a","node":2})")).field,
                 u"capabilities"_s);
    }

    void rpcErrorCodec() {
        const RpcError e(ErrorCode::HpcRefused, u"refused"_s,
                         QJsonObject{{u"errno"_s, 22}, {u"file"_s, u"admin/mospe"_s}});
        QCOMPARE(
            toJson(e),
            parse(
                R"({"code":-32000,"message":"refused","data":{"errno":22,"file":"admin/mospe"}})"));
        QCOMPARE(*rpcErrorFromJson(toJson(e)), e);
        const RpcError noData(ErrorCode::PermissionDenied, u"needs root"_s);
        QVERIFY(!toJson(noData).contains("data"_L1));
        QCOMPARE(*rpcErrorFromJson(toJson(noData)), noData);
        QCOMPARE(rpcErrorFromJson(parse(R"({"code":"x","message":"m"})")).error().field, u"code"_s);
        QCOMPARE(rpcErrorFromJson(parse(R"({"code":1.5,"message":"m"})")).error().field, u"code"_s);
        QCOMPARE(rpcErrorFromJson(parse(R"({"code":1})")).error().field, u"message"_s);
        const RpcError invalid =
            RpcError::invalidParams({u"speed"_s, u"must be 1..1000000, got 0"_s});
        QCOMPARE(invalid.code, -32602);
        QCOMPARE(invalid.message, u"speed: must be 1..1000000, got 0"_s);
        QCOMPARE(invalid.data, QJsonValue(QJsonObject{{u"param"_s, u"speed"_s}}));
    }

    void protocolErrorPaths() {
        const ProtocolError e{u"pid"_s, u"missing"_s};
        QCOMPARE(e.within(u"[3]"_s).within(u"changed"_s).field, u"changed[3].pid"_s);
        QCOMPARE((ProtocolError{{}, u"x"_s}).within(u"[2]"_s).field, u"[2]"_s);
        QCOMPARE((ProtocolError{{}, u"bad"_s}).toString(), u"bad"_s);
    }

    void enumNames() {
        QCOMPARE(signalName(ProcessSignal::Stop), "STOP"_L1);
        QCOMPARE(signalFromName(u"CONT"), ProcessSignal::Cont);
        QVERIFY(!signalFromName(u"term"));
        QCOMPARE(topicName(Topic::Procs), "procs"_L1);
        QCOMPARE(topicFromName(u"cluster"), Topic::Cluster);
        QCOMPARE(topicName(Topic::Migrations), "migrations"_L1);
        QCOMPARE(topicFromName(u"migrations"), Topic::Migrations);
        QVERIFY(!topicFromName(u""));
        // user filters processes only.
        QVERIFY(!fromJson<SubscribeParams>(parse(R"({"topic":"migrations","user":"ada"})")));
    }

    void migrationsDelta() {
        MigrationEvent done;
        done.id = u"m1-4242-00000000000000aa"_s;
        done.pid = 4242;
        done.home = 1;
        done.from = 1;
        done.to = 3;
        done.phase = u"done"_s;
        done.reason = u"user"_s;
        done.command = u"povray"_s;
        done.bytes = 73924608;
        done.freezeMs = 790;
        done.totalMs = 812;
        done.at = 1718000007000;
        MigrationEvent failed = done;
        failed.phase = u"failed"_s;
        failed.failure = u"pid-taken"_s;
        failed.message = u"node 3 runs another process with PID 4242"_s;
        const MigrationsDelta delta{{done, failed}};
        const QJsonObject json = toJson(delta);
        QCOMPARE(json.keys(), QStringList{u"events"_s});
        QCOMPARE(fromJson<MigrationsDelta>(json).value(), delta);
        QCOMPARE(toJson(MigrationsDelta{}), parse(R"({"events":[]})"));
        QVERIFY(fromJson<MigrationsDelta>(parse(R"({"events":[]})")).value().isEmpty());

        // Members a newer agent adds are ignored; a wrong one is named.
        QVERIFY(fromJson<MigrationsDelta>(parse(R"({"events":[],"more":1})")));
        const auto missing = fromJson<MigrationsDelta>(parse(R"({})"));
        QCOMPARE(missing.error().field, u"events"_s);
        QJsonObject bad = json;
        QJsonArray events = bad.value("events"_L1).toArray();
        QJsonObject second = events.at(1).toObject();
        second.insert(u"pid"_s, u"x"_s);
        events.replace(1, second);
        bad.insert(u"events"_s, events);
        QCOMPARE(fromJson<MigrationsDelta>(bad).error().field, u"events[1].pid"_s);
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
