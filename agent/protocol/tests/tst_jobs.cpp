// The job API's codecs: what proc.spawn, job.read and job.signal accept and refuse, and that
// every value survives encoding.
#include <QJsonArray>
#include <QTest>
#include <omview/protocol/jobs.h>

using namespace Qt::StringLiterals;

class TestJobs : public QObject {
    Q_OBJECT

private slots:
    void spawnRoundTrips_data();
    void spawnRoundTrips();
    void spawnRefuses_data();
    void spawnRefuses();
    void readAndSignal();
    void outputIgnoresUnknownMembers();
};

namespace {

QJsonObject minimalSpawn() {
    return QJsonObject{{u"program"_s, u"./render"_s}, {u"cwd"_s, u"/home/ann"_s}};
}

} // namespace

void TestJobs::spawnRoundTrips_data() {
    QTest::addColumn<omview::JobPlacement>("where");
    using K = omview::JobPlacement::Kind;
    QTest::newRow("home") << omview::JobPlacement{K::Home, {}};
    QTest::newRow("balance") << omview::JobPlacement{K::Balance, {}};
    QTest::newRow("node") << omview::JobPlacement{K::Node, {7}};
    QTest::newRow("nodes") << omview::JobPlacement{K::Nodes, {2, 3, 4}};
}

void TestJobs::spawnRoundTrips() {
    QFETCH(omview::JobPlacement, where);
    omview::ProcSpawnParams p;
    p.program = u"./render"_s;
    p.args = {u"frame1"_s, u"--fast"_s};
    p.argv0 = u"render"_s;
    p.cwd = u"/home/ann"_s;
    p.env = {u"PATH=/usr/bin"_s, u"EMPTY="_s};
    p.where = where;
    p.anywhere = true;
    p.lock = u"keep"_s;
    p.profile = u"cpujob"_s;
    p.caller = 4242;
    const auto back = omview::fromJson<omview::ProcSpawnParams>(omview::toJson(p));
    QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(*back, p);
}

void TestJobs::spawnRefuses_data() {
    QTest::addColumn<QString>("member");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("empty program") << u"program"_s << QJsonValue(u""_s);
    QTest::newRow("relative cwd") << u"cwd"_s << QJsonValue(u"home/ann"_s);
    QTest::newRow("env without =") << u"env"_s << QJsonValue(QJsonArray{u"PATH"_s});
    QTest::newRow("env with empty name") << u"env"_s << QJsonValue(QJsonArray{u"=x"_s});
    QTest::newRow("where word") << u"where"_s << QJsonValue(u"anywhere"_s);
    QTest::newRow("where node 0") << u"where"_s << QJsonValue(0);
    QTest::newRow("where empty list") << u"where"_s << QJsonValue(QJsonArray{});
    QTest::newRow("where bad member") << u"where"_s << QJsonValue(QJsonArray{2, u"x"_s});
    QTest::newRow("lock") << u"lock"_s << QJsonValue(u"sometimes"_s);
    QTest::newRow("profile") << u"profile"_s << QJsonValue(u"gpujob"_s);
    QTest::newRow("caller") << u"caller"_s << QJsonValue(0);
    QTest::newRow("unknown member") << u"tty"_s << QJsonValue(true);
}

void TestJobs::spawnRefuses() {
    QFETCH(QString, member);
    QFETCH(QJsonValue, value);
    QJsonObject o = minimalSpawn();
    o.insert(member, value);
    const auto p = omview::fromJson<omview::ProcSpawnParams>(o);
    QVERIFY2(!p, qPrintable(member));
    QVERIFY2(p.error().toString().contains(member), qPrintable(p.error().toString()));
    // The minimal one is fine, with its defaults.
    const auto ok = omview::fromJson<omview::ProcSpawnParams>(minimalSpawn());
    QVERIFY(ok);
    QCOMPARE(ok->where.kind, omview::JobPlacement::Kind::Balance);
    QCOMPARE(ok->lock, u"lock"_s);
    QCOMPARE(ok->profile, u"none"_s);
}

void TestJobs::readAndSignal() {
    omview::JobReadParams r;
    r.job = u"j1-7-3f09a2c1"_s;
    r.stdoutOffset = 1 << 20;
    r.stderrOffset = 12;
    r.waitMs = 30000;
    const auto back = omview::fromJson<omview::JobReadParams>(omview::toJson(r));
    QVERIFY(back);
    QCOMPARE(*back, r);
    QVERIFY(!omview::fromJson<omview::JobReadParams>(
        QJsonObject{{u"job"_s, r.job}, {u"waitMs"_s, 30001}}));
    QVERIFY(!omview::fromJson<omview::JobReadParams>(
        QJsonObject{{u"job"_s, r.job}, {u"stdout"_s, -1}}));
    QVERIFY(!omview::fromJson<omview::JobReadParams>(QJsonObject{{u"job"_s, u"../x"_s}}));
    QVERIFY(!omview::fromJson<omview::JobSignalParams>(
        QJsonObject{{u"job"_s, r.job}, {u"signal"_s, 0}}));
    QVERIFY(!omview::fromJson<omview::JobSignalParams>(
        QJsonObject{{u"job"_s, r.job}, {u"signal"_s, 65}}));
    QVERIFY(omview::fromJson<omview::JobSignalParams>(
        QJsonObject{{u"job"_s, r.job}, {u"signal"_s, 2}}));
}

void TestJobs::outputIgnoresUnknownMembers() {
    omview::JobOutput o;
    o.out = u"aGkK"_s;
    o.runsOn = 3;
    o.pid = 4311;
    o.moves = 2;
    o.ended = true;
    o.signal = 2;
    QJsonObject wire = omview::toJson(o);
    wire.insert(u"newer"_s, 1);
    const auto back = omview::fromJson<omview::JobOutput>(wire);
    QVERIFY(back);
    QCOMPARE(*back, o);
}

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
