// collector.migrations: finished moves between nodes written with the ticks,
// read back by range and node, kept once when reported twice, refused when
// malformed, pruned with the process history, and the table a version 2 file
// gains when it is upgraded.
#include "storetestsupport.h"

#include <QTemporaryDir>
#include <QTest>
#include <omview/store/collectorstore.h>
#include <omview/store/schema.h>
#include <omview/store/storewriter.h>

using namespace omview::store;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

constexpr std::int64_t S = 1699999200;

MigrationRecord move(const QString &id, NodeId from, NodeId to, bool done = true) {
    MigrationRecord m;
    m.atMs = 1718000000000;
    m.id = id;
    m.pid = 4242;
    m.command = u"povray"_s;
    m.home = from;
    m.from = from;
    m.to = to;
    m.outcome = done ? MigrationRecord::Outcome::Done : MigrationRecord::Outcome::Failed;
    if (!done) {
        m.failure = u"pid-taken"_s;
        m.message = u"node %1 runs another process with PID 4242"_s.arg(to);
    }
    m.bytes = 73924608;
    m.freezeMs = 790;
    m.totalMs = 812;
    m.reason = u"balance"_s;
    return m;
}

Tick tickWith(std::int64_t t, QList<MigrationRecord> migrations) {
    Tick tick;
    tick.t = t;
    tick.nodes = {sampleAt(t, 1), sampleAt(t, 2)};
    tick.migrations = std::move(migrations);
    return tick;
}

// The record as the store returns it: with the second it was written at.
MigrationRecord at(MigrationRecord m, std::int64_t t) {
    m.t = t;
    return m;
}

} // namespace

class MigrationsTest : public QObject {
    Q_OBJECT

private slots:
    void writtenAndReadBack();
    void reportedTwiceIsOneRow();
    void malformedMovesAreRefused();
    void prunedWithTheProcessHistory();
    void upgradesVersion2File();

private:
    QTemporaryDir m_dir;
};

void MigrationsTest::writtenAndReadBack() {
    const QString path = m_dir.filePath(u"moves.db"_s);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY2(writer, writer ? "" : qPrintable(writer.error().message));
    const MigrationRecord a = move(u"m1-a"_s, 1, 2);
    const MigrationRecord b = move(u"m2-b"_s, 2, 3, false);
    const MigrationRecord c = move(u"m3-c"_s, 3, 1);
    submit(**writer, tickWith(S, {a}));
    submit(**writer, tickWith(S + 1, {}));
    submit(**writer, tickWith(S + 10, {b, c}));
    // Moves alone make a tick too.
    Tick only;
    only.t = S + 20;
    only.migrations = {move(u"m1-d"_s, 1, 3)};
    submit(**writer, only);
    QVERIFY(await((*writer)->flush()));
    (*writer)->close();

    auto store = CollectorStore::open(path);
    QVERIFY(store);
    auto all = (*store)->migrations(S, S + 20);
    QVERIFY2(all, all ? "" : qPrintable(all.error().message));
    QCOMPARE(*all, (QList<MigrationRecord>{at(a, S), at(b, S + 10), at(c, S + 10),
                                           at(move(u"m1-d"_s, 1, 3), S + 20)}));
    QCOMPARE(all->at(1).outcome, MigrationRecord::Outcome::Failed);
    QCOMPARE(all->at(1).failure, u"pid-taken"_s);

    // A node's: those from it and those to it.
    auto two = (*store)->migrations(S, S + 20, 2);
    QVERIFY(two);
    QCOMPARE(*two, (QList<MigrationRecord>{at(a, S), at(b, S + 10)}));
    // The range is closed at both ends.
    auto later = (*store)->migrations(S + 10, S + 10);
    QVERIFY(later);
    QCOMPARE(later->size(), 2);
    QVERIFY((*store)->migrations(S + 11, S + 19)->isEmpty());

    QCOMPARE((*store)->migrations(S + 5, S).error().kind, StoreError::Kind::InvalidArgument);
    QCOMPARE((*store)->migrations(S, S + 5, 0).error().kind, StoreError::Kind::InvalidArgument);
}

void MigrationsTest::reportedTwiceIsOneRow() {
    const QString path = m_dir.filePath(u"twice.db"_s);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY(writer);
    const MigrationRecord a = move(u"m1-a"_s, 1, 2);
    submit(**writer, tickWith(S, {a}));
    MigrationRecord again = a;
    again.message = u"seen again"_s;
    submit(**writer, tickWith(S + 1, {again}));
    QVERIFY(await((*writer)->flush()));
    (*writer)->close();

    auto store = CollectorStore::open(path);
    QVERIFY(store);
    QCOMPARE(*(*store)->migrations(S, S + 1), QList<MigrationRecord>{at(a, S)});
}

void MigrationsTest::malformedMovesAreRefused() {
    const QString path = m_dir.filePath(u"refused.db"_s);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY(writer);
    for (const MigrationRecord &bad :
         {move(QString(), 1, 2), move(u"m0"_s, 0, 2), move(u"m9"_s, 1, 70000)}) {
        const auto refused = (*writer)->submit(tickWith(S, {bad}));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, StoreError::Kind::InvalidArgument);
    }
    // Nothing of those ticks was queued.
    submit(**writer, tickWith(S, {}));
    QVERIFY(await((*writer)->flush()));
    (*writer)->close();
    RawDb db(path);
    QCOMPARE(db.integer("SELECT count(*) FROM migrations"), 0);
}

void MigrationsTest::prunedWithTheProcessHistory() {
    const QString path = m_dir.filePath(u"pruned.db"_s);
    WriterOptions options = testOptions(path);
    options.retention.processes = std::chrono::seconds(120);
    options.batchRows = 100; // the least: the 150 old moves go in batches
    auto writer = StoreWriter::open(options);
    QVERIFY(writer);
    for (int i = 0; i < 150; ++i)
        submit(**writer, tickWith(S + i, {move(u"old-%1"_s.arg(i), 1, 2)}));
    submit(**writer, tickWith(S + 400, {move(u"new"_s, 2, 1)}));
    QVERIFY(await((*writer)->catchUp()));
    (*writer)->close();

    auto store = CollectorStore::open(path);
    QVERIFY(store);
    auto left = (*store)->migrations(S, S + 400);
    QVERIFY(left);
    QCOMPARE(*left, QList<MigrationRecord>{at(move(u"new"_s, 2, 1), S + 400)});
}

void MigrationsTest::upgradesVersion2File() {
    const QString path = m_dir.filePath(u"v2.db"_s);
    QVERIFY(initializeDatabase(path, 2));
    {
        RawDb db(path);
        QCOMPARE(db.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'migrations'"), 0);
    }
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY2(writer, writer ? "" : qPrintable(writer.error().message));
    submit(**writer, tickWith(S, {move(u"m1-a"_s, 1, 2)}));
    QVERIFY(await((*writer)->flush()));
    (*writer)->close();

    QCOMPARE(databaseVersion(path).value_or(-1), 3);
    RawDb db(path);
    QVERIFY(db.integer("SELECT value FROM meta WHERE key = 'migrated.3'").has_value());
    QCOMPARE(db.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'migrations_by_t'"), 1);
    QCOMPARE(db.integer("SELECT count(*) FROM migrations"), 1);
    QCOMPARE(db.integrity(), u"ok"_s);
}

QTEST_GUILESS_MAIN(MigrationsTest)
#include "tst_migrations.moc"
