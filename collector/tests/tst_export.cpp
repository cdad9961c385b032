// collector.export: "save history" of a range to a standalone SQLite file
// (a part with ATTACH + INSERT SELECT, everything with VACUUM INTO) and to CSV,
// also while the collector keeps writing; refusals change nothing.
#include "storetestsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <omview/store/collectorstore.h>
#include <omview/store/exporter.h>
#include <omview/store/schema.h>
#include <omview/store/storewriter.h>

using namespace omview::store;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t S = 1699999200;
constexpr std::int64_t Length = 7200;
constexpr NodeId Nodes = 3;

NodeProcesses processesAt(std::int64_t t, NodeId node) {
    NodeProcesses snapshot{node, {}};
    for (std::int32_t pid : {100, 200}) {
        ProcessSample p;
        p.pid = pid + static_cast<std::int32_t>(node);
        p.user = u"ada"_s;
        p.command = pid == 100 ? u"make"_s : u"cc1plus"_s;
        p.cmdline = u"cc1plus -quiet \"a, b.cpp\""_s; // a comma and quotes for the CSV
        p.state = 'R';
        p.cpuTimeMs = (t - S) * pid;
        p.cpuPercent = 12.5;
        p.startTimeMs = S * 1000;
        p.home = node;
        snapshot.processes.append(p);
    }
    return snapshot;
}

void fill(StoreWriter &writer, std::int64_t from, std::int64_t count) {
    for (std::int64_t t = from; t < from + count; ++t) {
        Tick tick;
        tick.t = t;
        for (NodeId n = 1; n <= Nodes; ++n)
            tick.nodes.append(sampleAt(t, n));
        if (t % 30 == 0) {
            for (NodeId n = 1; n <= Nodes; ++n)
                tick.processes.append(processesAt(t, n));
        }
        submit(writer, std::move(tick));
    }
}

QByteArray digest(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QList<QByteArray> lines(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> out = f.readAll().split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    for (QByteArray &l : out) {
        if (l.endsWith('\r'))
            l.chop(1);
    }
    return out;
}

} // namespace

class ExportTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void partOfTheRangeToSqlite();
    void everythingToSqliteWithVacuumInto();
    void csv();
    void csvUsesCoarserTiersWhereSecondsAreGone();
    void whileTheCollectorWrites();
    void refusals();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void ExportTest::initTestCase() {
    m_path = m_dir.filePath(u"source.db"_s);
    auto writer = StoreWriter::open(testOptions(m_path));
    QVERIFY(writer);
    fill(**writer, S, Length);
    QVERIFY(await((*writer)->addCheckpoint(S + 700, u"inside"_s)));
    QVERIFY(await((*writer)->addCheckpoint(S + 5000, u"outside"_s)));
    QVERIFY(await((*writer)->catchUp()));
}

void ExportTest::partOfTheRangeToSqlite() {
    const QString target = m_dir.filePath(u"part.db"_s);
    auto result =
        exportRange(m_path, ExportRequest{S + 600, S + 1799, target, ExportFormat::Sqlite});
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QVERIFY(!result->wholeDatabase);
    QCOMPARE(result->files, QStringList{target});
    QCOMPARE(result->processRows, 40 * Nodes * 2); // snapshots at S+600 .. S+1770
    // 1200 seconds, 20 minutes, no whole hour.
    QCOMPARE(result->nodeRows, (1200 + 20) * Nodes);

    QCOMPARE(databaseVersion(target).value_or(-1), SchemaVersion);
    RawDb db(target);
    QCOMPARE(db.integrity(), u"ok"_s);
    QCOMPARE(db.text("PRAGMA journal_mode"), u"delete"_s);
    QCOMPARE(db.integer("SELECT value FROM meta WHERE key = 'export.from'"), S + 600);
    QCOMPARE(db.integer("SELECT count(*) FROM procs"), 2 * Nodes);
    QCOMPARE(db.integer("SELECT count(*) FROM proc_samples s LEFT JOIN procs p ON p.id = s.proc "
                        "WHERE p.id IS NULL"),
             0);
    // No temporary files left next to it.
    QCOMPARE(QDir(m_dir.path()).entryList({u".part.db*"_s}, QDir::Hidden | QDir::Files).size(), 0);

    // The copy answers like the original for its range.
    auto copy = CollectorStore::open(target);
    auto original = CollectorStore::open(m_path);
    QVERIFY(copy);
    QVERIFY(original);
    auto range = (*copy)->range();
    QCOMPARE((*range)->first, S + 600);
    QCOMPARE((*range)->last, S + 1799);
    SeriesQuery q;
    q.node = 2;
    q.from = S + 600;
    q.to = S + 1799;
    q.maxPoints = 400;
    auto a = (*copy)->series(q);
    auto b = (*original)->series(q);
    QVERIFY(a && b);
    QCOMPARE(a->points, b->points);
    auto checkpoints = (*copy)->checkpoints(0, S + Length);
    QCOMPARE(checkpoints->size(), 1);
    QCOMPARE(checkpoints->first().label, u"inside"_s);
    auto top = (*copy)->topCpu(std::nullopt, S + 600, S + 1799, 3);
    auto topOriginal = (*original)->topCpu(std::nullopt, S + 600, S + 1799, 3);
    QVERIFY(top && topOriginal);
    QCOMPARE(*top, *topOriginal);
}

void ExportTest::everythingToSqliteWithVacuumInto() {
    const QString target = m_dir.filePath(u"all.db"_s);
    auto result = exportRange(m_path, ExportRequest{0, S + 100000, target, ExportFormat::Sqlite});
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    QVERIFY(result->wholeDatabase);
    RawDb copy(target);
    RawDb source(m_path);
    QCOMPARE(copy.integrity(), u"ok"_s);
    QCOMPARE(copy.text("PRAGMA journal_mode"), u"delete"_s);
    for (const char *table : {"node_raw", "node_minute", "node_hour", "cluster_raw", "procs",
                              "proc_samples", "checkpoints", "nodes"}) {
        const std::string sql = std::string("SELECT count(*) FROM ") + table;
        QVERIFY2(copy.integer(sql) == source.integer(sql), table);
    }
    QCOMPARE(copy.integer("SELECT value FROM meta WHERE key = 'rollup.minute'"),
             source.integer("SELECT value FROM meta WHERE key = 'rollup.minute'"));
}

void ExportTest::csv() {
    const QString target = m_dir.filePath(u"range.csv"_s);
    auto result = exportRange(m_path, ExportRequest{S + 100, S + 159, target, ExportFormat::Csv});
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    const QStringList files = {target, m_dir.filePath(u"range-processes.csv"_s),
                               m_dir.filePath(u"range-checkpoints.csv"_s)};
    QCOMPARE(result->files, files);
    QCOMPARE(csvFiles(target), files);
    QCOMPARE(result->nodeRows, 60 * Nodes);

    const auto nodes = lines(files[0]);
    QCOMPARE(nodes.size(), 1 + 60 * Nodes);
    QCOMPARE(nodes[0], "time,t,node,hostname,tier,samples,status,load,util,mem_used,mem_free,"
                       "mem_total,speed,cpus");
    const NodeSample s = sampleAt(S + 100, 1);
    QCOMPARE(nodes[1], QByteArray("2023-11-14T22:01:40Z,") + QByteArray::number(S + 100) +
                           ",1,n1,raw,1,3," + QByteArray::number(s.load) + ',' +
                           QByteArray::number(s.util) + ',' + QByteArray::number(s.memUsed) + ',' +
                           QByteArray::number(s.memFree) + ',' + QByteArray::number(s.memTotal) +
                           ',' + QByteArray::number(s.speed) + ',' + QByteArray::number(s.cpus));

    const auto procs = lines(files[1]);
    QCOMPARE(procs.size(), 1 + 2 * Nodes * 2); // snapshots at S+120 and S+150
    QVERIFY(procs[1].startsWith("2023-11-14T22:02:00Z,"));
    // The command line with a comma and quotes, quoted as RFC 4180 says.
    QVERIFY2(procs[1].endsWith(",\"cc1plus -quiet \"\"a, b.cpp\"\"\""), procs[1].constData());
    QVERIFY(procs[1].contains(",2023-11-14T22:00:00.000Z,"));
    QCOMPARE(result->processRows, 2 * Nodes * 2);

    const auto checkpoints = lines(files[2]);
    QCOMPARE(checkpoints, QList<QByteArray>{"time,t,label"});
}

void ExportTest::csvUsesCoarserTiersWhereSecondsAreGone() {
    const QString path = m_dir.filePath(u"short.db"_s);
    WriterOptions options = testOptions(path);
    options.retention.raw = std::chrono::seconds(120);
    auto writer = StoreWriter::open(options);
    QVERIFY(writer);
    writeTicks(**writer, S, 600, 1);
    QVERIFY(await((*writer)->catchUp()));
    (*writer)->close();

    const QString target = m_dir.filePath(u"short.csv"_s);
    auto result = exportRange(path, ExportRequest{S, S + 599, target, ExportFormat::Csv});
    QVERIFY2(result, result ? "" : qPrintable(result.error().message));
    const auto rows = lines(target);
    // Minutes S..S+420 from the minute tier (raw kept from S+479 on).
    QVERIFY(rows[1].contains(",minute,60,,"));
    QVERIFY(rows.last().contains(",raw,1,3,"));
    const auto minuteRows =
        std::ranges::count_if(rows, [](const QByteArray &l) { return l.contains(",minute,"); });
    QCOMPARE(minuteRows, 8);
    QCOMPARE(rows.size() - 1 - minuteRows, 121);
}

void ExportTest::whileTheCollectorWrites() {
    const QString path = m_dir.filePath(u"busy.db"_s);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY(writer);
    fill(**writer, S, 600);
    QVERIFY(await((*writer)->flush()));
    // Ticks queued and being written while the export copies.
    fill(**writer, S + 600, 250);
    const QString target = m_dir.filePath(u"busy-copy.db"_s);
    auto part = exportRange(path, ExportRequest{S, S + 599, target, ExportFormat::Sqlite});
    QVERIFY2(part, part ? "" : qPrintable(part.error().message));
    const QString whole = m_dir.filePath(u"busy-whole.db"_s);
    auto all = exportRange(path, ExportRequest{S, S + 100000, whole, ExportFormat::Sqlite});
    QVERIFY2(all, all ? "" : qPrintable(all.error().message));
    QVERIFY(await((*writer)->flush()));
    RawDb copy(target);
    QCOMPARE(copy.integrity(), u"ok"_s);
    QCOMPARE(copy.integer("SELECT count(*) FROM node_raw"), 600 * Nodes);
    RawDb wholeCopy(whole);
    QCOMPARE(wholeCopy.integrity(), u"ok"_s);
    // Whatever the moment of the copy, every tick in it is complete.
    QCOMPARE(wholeCopy.integer("SELECT count(*) FROM node_raw"),
             *wholeCopy.integer("SELECT count(*) FROM cluster_raw") * Nodes);
    RawDb source(path);
    QCOMPARE(source.integer("SELECT count(*) FROM node_raw"), 850 * Nodes);
}

void ExportTest::refusals() {
    // An existing target: refused, untouched.
    const QString existing = m_dir.filePath(u"existing.db"_s);
    {
        QFile f(existing);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    const QByteArray before = digest(existing);
    auto exists = exportRange(m_path, ExportRequest{S, S + 10, existing, ExportFormat::Sqlite});
    QVERIFY(!exists);
    QCOMPARE(exists.error().kind, StoreError::Kind::Exists);
    QVERIFY(exists.error().message.contains(existing));
    QCOMPARE(digest(existing), before);

    // CSV: one sibling existing is enough to write none.
    const QString csv = m_dir.filePath(u"clash.csv"_s);
    {
        QFile f(m_dir.filePath(u"clash-checkpoints.csv"_s));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    auto clash = exportRange(m_path, ExportRequest{S, S + 10, csv, ExportFormat::Csv});
    QVERIFY(!clash);
    QCOMPARE(clash.error().kind, StoreError::Kind::Exists);
    QVERIFY(!QFile::exists(csv));
    QVERIFY(!QFile::exists(m_dir.filePath(u"clash-processes.csv"_s)));

    auto noDir = exportRange(
        m_path, ExportRequest{S, S + 10, m_dir.filePath(u"nodir/x.db"_s), ExportFormat::Sqlite});
    QCOMPARE(noDir.error().kind, StoreError::Kind::NotFound);
    auto backwards = exportRange(
        m_path, ExportRequest{S + 10, S, m_dir.filePath(u"b.db"_s), ExportFormat::Sqlite});
    QCOMPARE(backwards.error().kind, StoreError::Kind::InvalidArgument);
    QVERIFY(!QFile::exists(m_dir.filePath(u"b.db"_s)));
    auto noSource =
        exportRange(m_dir.filePath(u"nothing.db"_s),
                    ExportRequest{S, S + 10, m_dir.filePath(u"c.db"_s), ExportFormat::Sqlite});
    QCOMPARE(noSource.error().kind, StoreError::Kind::NotFound);
    auto notOurs = exportRange(
        existing, ExportRequest{S, S + 10, m_dir.filePath(u"d.db"_s), ExportFormat::Sqlite});
    QCOMPARE(notOurs.error().kind, StoreError::Kind::NotACollectorDatabase);
    QVERIFY(!QFile::exists(m_dir.filePath(u"d.db"_s)));
}

QTEST_GUILESS_MAIN(ExportTest)
#include "tst_export.moc"
