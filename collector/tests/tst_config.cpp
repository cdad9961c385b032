// collector.config: the daemon's options and configuration file, the `ctl`
// command line, durations and times as people write them, the tick phase.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <omview/collector/collectorconfig.h>
#include <omview/collector/tickclock.h>
#include <omview/collector/timespec.h>

using namespace omview::collector;
using namespace Qt::StringLiterals;
using namespace std::chrono;

Q_DECLARE_METATYPE(std::chrono::seconds)

namespace {

const QDateTime Now =
    QDateTime::fromSecsSinceEpoch(1718020800, QTimeZone::UTC); // 2024-06-10T12:00Z

std::expected<Invocation, ConfigError> parse(const QStringList &args) {
    return parseInvocation(QStringList{u"omcollectord"_s} + args, u"/home/ada"_s, Now);
}

} // namespace

class ConfigTest : public QObject {
    Q_OBJECT

private slots:
    void durations_data();
    void durations();
    void badDurations_data();
    void badDurations();
    void times_data();
    void times();
    void badTimes();
    void daemonOptions();
    void daemonOptionErrors_data();
    void daemonOptionErrors();
    void configFile();
    void ctlCommands();
    void ctlErrors_data();
    void ctlErrors();
    void tickPhase();

private:
    QTemporaryDir m_dir;
};

void ConfigTest::durations_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<seconds>("expected");
    QTest::newRow("bare") << u"90"_s << seconds(90);
    QTest::newRow("s") << u"45s"_s << seconds(45);
    QTest::newRow("m") << u"15m"_s << seconds(900);
    QTest::newRow("min") << u"15min"_s << seconds(900);
    QTest::newRow("h") << u"2h"_s << seconds(7200);
    QTest::newRow("d") << u"14d"_s << seconds(14 * 86400);
    QTest::newRow("w") << u"2w"_s << seconds(14 * 86400);
    QTest::newRow("mo") << u"3mo"_s << seconds(90 * 86400);
    QTest::newRow("y") << u"2y"_s << seconds(730 * 86400);
    QTest::newRow("spaces, case") << u" 3 MO "_s << seconds(90 * 86400);
}

void ConfigTest::durations() {
    QFETCH(QString, text);
    QFETCH(seconds, expected);
    auto d = parseDuration(text);
    QVERIFY2(d, d ? "" : qPrintable(d.error()));
    QCOMPARE(*d, expected);
}

void ConfigTest::badDurations_data() {
    QTest::addColumn<QString>("text");
    for (const char *bad :
         {"", "d", "0", "0d", "-5m", "1.5h", "5 parsecs", "12x", "101y", "99999999999999d"})
        QTest::newRow(bad) << QString::fromLatin1(bad);
}

void ConfigTest::badDurations() {
    QFETCH(QString, text);
    auto d = parseDuration(text);
    QVERIFY(!d);
    QVERIFY2(d.error().contains(text.trimmed()) || text.trimmed().isEmpty(), qPrintable(d.error()));
}

void ConfigTest::times_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<std::int64_t>("expected");
    QTest::newRow("now") << u"now"_s << std::int64_t{1718020800};
    QTest::newRow("now-2h") << u"now-2h"_s << std::int64_t{1718020800 - 7200};
    QTest::newRow("-1d") << u"-1d"_s << std::int64_t{1718020800 - 86400};
    QTest::newRow("epoch") << u"1718000000"_s << std::int64_t{1718000000};
    QTest::newRow("@epoch") << u"@1718000000"_s << std::int64_t{1718000000};
    QTest::newRow("iso utc") << u"2024-06-10T10:00:00Z"_s << std::int64_t{1718013600};
    QTest::newRow("iso offset") << u"2024-06-10T12:00:00+02:00"_s << std::int64_t{1718013600};
    const std::int64_t local =
        std::int64_t{QDateTime(QDate(2024, 6, 10), QTime(12, 0)).toSecsSinceEpoch()};
    QTest::newRow("iso local") << u"2024-06-10T12:00"_s << local;
    QTest::newRow("space") << u"2024-06-10 12:00:00"_s << local;
    QTest::newRow("date") << u"2024-06-10"_s
                          << std::int64_t{QDate(2024, 6, 10).startOfDay().toSecsSinceEpoch()};
}

void ConfigTest::times() {
    QFETCH(QString, text);
    QFETCH(std::int64_t, expected);
    auto t = parseTime(text, Now);
    QVERIFY2(t, t ? "" : qPrintable(t.error()));
    QCOMPARE(*t, expected);
}

void ConfigTest::badTimes() {
    for (const QString &bad :
         {u""_s, u"yesterday"_s, u"now-"_s, u"now-2x"_s, u"2024-13-40"_s, u"@-5"_s, u"12:00"_s}) {
        auto t = parseTime(bad, Now);
        QVERIFY2(!t, qPrintable(bad));
    }
}

void ConfigTest::daemonOptions() {
    auto inv = parse({u"--database"_s,          u"/var/tmp/x.db"_s,
                      u"--control-socket"_s,    u"/run/c.sock"_s,
                      u"--agent-socket"_s,      u"/run/a.sock"_s,
                      u"--process-interval"_s,  u"off"_s,
                      u"--raw-retention"_s,     u"2d"_s,
                      u"--minute-retention"_s,  u"30d"_s,
                      u"--hour-retention"_s,    u"1y"_s,
                      u"--process-retention"_s, u"12h"_s,
                      u"--durability"_s,        u"normal"_s,
                      u"--retry-interval"_s,    u"30s"_s});
    QVERIFY2(inv, inv ? "" : qPrintable(inv.error().message));
    const auto &c = std::get<CollectorConfig>(*inv);
    QCOMPARE(c.database, u"/var/tmp/x.db"_s);
    QVERIFY(!c.databaseIsDefault);
    QCOMPARE(c.controlSocket, u"/run/c.sock"_s);
    QVERIFY(!c.controlSocketIsDefault);
    QCOMPARE(c.agentSocket, u"/run/a.sock"_s);
    QCOMPARE(c.processInterval, seconds(0));
    QCOMPARE(c.retention.raw, seconds(2 * 86400));
    QCOMPARE(c.retention.minute, seconds(30 * 86400));
    QCOMPARE(c.retention.hour, seconds(365 * 86400));
    QCOMPARE(c.retention.processes, seconds(12 * 3600));
    QCOMPARE(c.durability, omview::store::Durability::Normal);
    QCOMPARE(c.retryInterval, milliseconds(30000));

    // Defaults: netdata's retention, full durability, processes every 10 s.
    auto plain = parse({});
    QVERIFY(plain);
    const auto &d = std::get<CollectorConfig>(*plain);
    QVERIFY(d.databaseIsDefault);
    QCOMPARE(d.retention.raw, seconds(14 * 86400));
    QCOMPARE(d.retention.minute, seconds(90 * 86400));
    QCOMPARE(d.retention.hour, seconds(730 * 86400));
    QCOMPARE(d.processInterval, seconds(10));
    QCOMPARE(d.durability, omview::store::Durability::Full);
    QVERIFY(d.database.endsWith(u"collector.db"_s));
    QVERIFY(d.controlSocket.endsWith(u"omcollectord.sock"_s));
}

void ConfigTest::daemonOptionErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("relative database")
        << QStringList{u"--database"_s, u"x.db"_s} << u"--database"_s;
    QTest::newRow("raw retention too short")
        << QStringList{u"--raw-retention"_s, u"30s"_s} << u"at least 1m"_s;
    QTest::newRow("minute retention too short")
        << QStringList{u"--minute-retention"_s, u"10m"_s} << u"at least 1h"_s;
    QTest::newRow("bad durability") << QStringList{u"--durability"_s, u"fast"_s} << u"fast"_s;
    QTest::newRow("bad interval") << QStringList{u"--process-interval"_s, u"2h"_s}
                                  << u"at most 1h"_s;
    QTest::newRow("stray argument") << QStringList{u"status"_s} << u"status"_s;
    QTest::newRow("unknown option") << QStringList{u"--colour"_s} << u"colour"_s;
    QTest::newRow("missing config")
        << QStringList{u"--config"_s, u"/nonexistent/c.conf"_s} << u"/nonexistent/c.conf"_s;
}

void ConfigTest::daemonOptionErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    auto inv = parse(args);
    QVERIFY(!inv);
    QVERIFY2(inv.error().message.contains(mentions), qPrintable(inv.error().message));
}

void ConfigTest::configFile() {
    const QString path = m_dir.filePath(u"omcollectord.conf"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[store]\ndatabase = /srv/history.db\ndurability = normal\n"
                "[retention]\nraw = 7d\n[processes]\ninterval = 30s\n");
    }
    auto inv = parse({u"--config"_s, path, u"--raw-retention"_s, u"3d"_s});
    QVERIFY2(inv, inv ? "" : qPrintable(inv.error().message));
    const auto &c = std::get<CollectorConfig>(*inv);
    QCOMPARE(c.configFile, path);
    QCOMPARE(c.database, u"/srv/history.db"_s);
    QCOMPARE(c.durability, omview::store::Durability::Normal);
    QCOMPARE(c.retention.raw, seconds(3 * 86400)); // the command line wins
    QCOMPARE(c.processInterval, seconds(30));

    const QString bad = m_dir.filePath(u"bad.conf"_s);
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[retention]\nraws = 7d\n");
    }
    auto refused = parse({u"--config"_s, bad});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"retention/raws"_s),
             qPrintable(refused.error().message));
    // Another file: QSettings may cache the first one's contents.
    const QString shortHours = m_dir.filePath(u"short-hours.conf"_s);
    {
        QFile f(shortHours);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[retention]\nhour = 5h\n");
    }
    refused = parse({u"--config"_s, shortHours});
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"retention/hour"_s),
             qPrintable(refused.error().message));
}

void ConfigTest::ctlCommands() {
    auto status =
        parse({u"ctl"_s, u"--control-socket"_s, u"/run/x.sock"_s, u"status"_s, u"--json"_s});
    QVERIFY2(status, status ? "" : qPrintable(status.error().message));
    auto s = std::get<CtlCommand>(*status);
    QCOMPARE(s.kind, CtlCommand::Kind::Status);
    QCOMPARE(s.controlSocket, u"/run/x.sock"_s);
    QVERIFY(s.json);

    auto checkpoint =
        parse({u"ctl"_s, u"checkpoint"_s, u"render starts"_s, u"--time"_s, u"now-5m"_s});
    QVERIFY(checkpoint);
    auto c = std::get<CtlCommand>(*checkpoint);
    QCOMPARE(c.kind, CtlCommand::Kind::Checkpoint);
    QCOMPARE(c.checkpoint.label, u"render starts"_s);
    QCOMPARE(c.checkpoint.time, std::optional<std::int64_t>(1718020800 - 300));

    auto save =
        parse({u"ctl"_s, u"save"_s, u"now-2h"_s, u"now"_s, u"out/history.csv"_s, u"--csv"_s});
    QVERIFY(save);
    auto sv = std::get<CtlCommand>(*save);
    QCOMPARE(sv.kind, CtlCommand::Kind::Save);
    QCOMPARE(sv.save.from, 1718020800 - 7200);
    QCOMPARE(sv.save.to, 1718020800);
    QCOMPARE(sv.save.file, u"/home/ada/out/history.csv"_s); // relative to the working directory
    QCOMPARE(sv.save.format, SaveFormat::Csv);

    auto stop = parse({u"ctl"_s, u"stop"_s});
    QVERIFY(stop);
    QCOMPARE(std::get<CtlCommand>(*stop).kind, CtlCommand::Kind::Stop);
}

void ConfigTest::ctlErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("no command") << QStringList{u"ctl"_s} << u"which command"_s;
    QTest::newRow("unknown") << QStringList{u"ctl"_s, u"pause"_s} << u"pause"_s;
    QTest::newRow("checkpoint without label")
        << QStringList{u"ctl"_s, u"checkpoint"_s} << u"LABEL"_s;
    QTest::newRow("empty label") << QStringList{u"ctl"_s, u"checkpoint"_s, u"  "_s} << u"label"_s;
    QTest::newRow("save arity") << QStringList{u"ctl"_s, u"save"_s, u"now"_s} << u"FROM TO FILE"_s;
    QTest::newRow("save backwards")
        << QStringList{u"ctl"_s, u"save"_s, u"now"_s, u"now-1h"_s, u"x.db"_s} << u"before"_s;
    QTest::newRow("save bad time")
        << QStringList{u"ctl"_s, u"save"_s, u"soon"_s, u"now"_s, u"x.db"_s} << u"soon"_s;
    QTest::newRow("csv on stop") << QStringList{u"ctl"_s, u"stop"_s, u"--csv"_s} << u"--csv"_s;
    QTest::newRow("stop with argument") << QStringList{u"ctl"_s, u"stop"_s, u"now"_s} << u"stop"_s;
}

void ConfigTest::ctlErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    auto inv = parse(args);
    QVERIFY(!inv);
    QVERIFY2(inv.error().message.contains(mentions), qPrintable(inv.error().message));
}

void ConfigTest::tickPhase() {
    // Half a second after the updates arrive, at least 200 ms ahead.
    QCOMPARE(TickClock::nextFire(1000000, 500), 1000500);
    QCOMPARE(TickClock::nextFire(1000400, 500), 1001500);
    QCOMPARE(TickClock::nextFire(1000999, 0), 1002000);
    TickClock clock;
    clock.noteArrival(1718020800123);
    QCOMPARE(clock.phaseMs(), 623);
    clock.noteArrival(1718020800900);
    QCOMPARE(clock.phaseMs(), 400);

    // Real ticks: one a second, strictly increasing.
    QList<std::int64_t> ticks;
    connect(&clock, &TickClock::tick, this, [&](std::int64_t t) { ticks.append(t); });
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 3, 5000);
    QCOMPARE(ticks[1], ticks[0] + 1);
    QCOMPARE(ticks[2], ticks[1] + 1);
}

QTEST_GUILESS_MAIN(ConfigTest)
#include "tst_config.moc"
