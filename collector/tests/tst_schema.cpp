// collector.schema: creating the schema, upgrading a version 1 file, and
// refusing files the store must not touch.
#include "storetestsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <omview/store/collectorstore.h>
#include <omview/store/schema.h>
#include <omview/store/storewriter.h>

using namespace omview::store;
using namespace storetest;
using namespace Qt::StringLiterals;

namespace {

QByteArray digest(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

bool hasIndex(const QString &path, const char *name) {
    RawDb db(path);
    return db.integer(std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "
                                  "name = '") +
                      name + "'") == 1;
}

} // namespace

class SchemaTest : public QObject {
    Q_OBJECT

private slots:
    void createsCurrentSchema();
    void upgradesVersion1File();
    void readOnlyStoreRefusesOldFile();
    void refusesNewerSchema();
    void refusesForeignDatabase();
    void refusesNonDatabase();
    void refusesSecondWriter();
    void refusesMissingDirectory();
    void refusesBadVersionArgument();
    void usesWalWhileWriting();

private:
    QTemporaryDir m_dir;
};

void SchemaTest::createsCurrentSchema() {
    const QString path = m_dir.filePath(u"fresh.db"_s);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY2(writer, writer ? "" : qPrintable(writer.error().message));
    (*writer)->close();

    QCOMPARE(databaseVersion(path).value_or(-1), SchemaVersion);
    RawDb db(path);
    QCOMPARE(db.integer("PRAGMA user_version"), SchemaVersion);
    QCOMPARE(db.text("SELECT value FROM meta WHERE key = 'application'"), u"omview-collector"_s);
    for (const char *table :
         {"nodes", "node_raw", "node_minute", "node_hour", "cluster_raw", "cluster_minute",
          "cluster_hour", "checkpoints", "procs", "proc_snapshots", "proc_samples", "migrations"}) {
        QVERIFY2(db.integer(std::string("SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                        "AND name = '") +
                            table + "'") == 1,
                 table);
    }
    for (const char *index : {"checkpoints_by_t", "proc_snapshots_by_t", "proc_snapshots_by_node",
                              "proc_samples_by_proc", "migrations_by_t"})
        QVERIFY2(hasIndex(path, index), index);
    // Created fresh: no migration was recorded.
    QCOMPARE(db.integer("SELECT count(*) FROM meta WHERE key LIKE 'migrated.%'"), 0);
    QCOMPARE(db.integrity(), u"ok"_s);
}

void SchemaTest::upgradesVersion1File() {
    const QString path = m_dir.filePath(u"v1.db"_s);
    QVERIFY(initializeDatabase(path, 1));
    QCOMPARE(databaseVersion(path).value_or(-1), 1);
    QVERIFY(!hasIndex(path, "proc_samples_by_proc"));
    QVERIFY(!hasIndex(path, "proc_snapshots_by_node"));
    {
        // Data as a version 1 collector wrote it.
        RawDb db(path, true);
        QVERIFY(db.exec("INSERT INTO nodes VALUES (1, 'n1', '10.0.0.1', 1000, 1000)"));
        QVERIFY(db.exec("INSERT INTO node_raw VALUES (1000, 1, 3, 120, 30, 1, 2, 3, 10000, 4)"));
        QVERIFY(db.exec("INSERT INTO cluster_raw VALUES (1000, 1, 120, 30, 1, 2, 3, 10000, 4)"));
        QVERIFY(db.exec("INSERT INTO procs VALUES (1, 1, 42, 5000, 1, 1000, 'ada', 'povray', "
                        "'povray scene.pov', 'pts/1', 1, 0, 1000)"));
        QVERIFY(db.exec("INSERT INTO proc_snapshots VALUES (1, 1000, 1, 1)"));
        QVERIFY(db.exec("INSERT INTO proc_samples VALUES (1, 1, 'R', 99.5, 7000, 4096, 0, 0, 0, "
                        "0, NULL)"));
        QVERIFY(db.exec("INSERT INTO checkpoints VALUES (1, 1000, 'before')"));
    }

    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY2(writer, writer ? "" : qPrintable(writer.error().message));
    QCOMPARE((*writer)->status().lastTick, std::optional<std::int64_t>(1000));
    // The upgraded store takes ticks after the old data.
    writeTicks(**writer, 1001, 5, 1);
    QVERIFY(await((*writer)->flush()));
    (*writer)->close();

    QCOMPARE(databaseVersion(path).value_or(-1), SchemaVersion);
    QVERIFY(hasIndex(path, "proc_samples_by_proc"));
    QVERIFY(hasIndex(path, "proc_snapshots_by_node"));
    RawDb db(path);
    // The upgrade is noted under the version it reached.
    QVERIFY(db.integer("SELECT value FROM meta WHERE key = 'migrated." +
                       std::to_string(SchemaVersion) + "'")
                .has_value());
    QCOMPARE(db.integer("SELECT count(*) FROM node_raw"), 6);
    QCOMPARE(db.integrity(), u"ok"_s);

    // The old rows read back through the query API, using the new index.
    auto store = CollectorStore::open(path);
    QVERIFY(store);
    auto history = (*store)->processHistory(1, 0, 2000);
    QVERIFY(history);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().sample.command, u"povray"_s);
    QCOMPARE(history->first().sample.cpuTimeMs, 7000);
    auto checkpoints = (*store)->checkpoints(0, 2000);
    QVERIFY(checkpoints);
    QCOMPARE(checkpoints->size(), 1);
}

void SchemaTest::readOnlyStoreRefusesOldFile() {
    const QString path = m_dir.filePath(u"v1-readonly.db"_s);
    QVERIFY(initializeDatabase(path, 1));
    const QByteArray before = digest(path);

    auto store = CollectorStore::open(path);
    QVERIFY(!store);
    QCOMPARE(store.error().kind, StoreError::Kind::SchemaTooOld);
    QVERIFY(store.error().message.contains(path));
    QCOMPARE(digest(path), before);

    auto upgraded = CollectorStore::open(path, CollectorStore::Access::ReadWrite);
    QVERIFY2(upgraded, upgraded ? "" : qPrintable(upgraded.error().message));
    QCOMPARE(databaseVersion(path).value_or(-1), SchemaVersion);
}

void SchemaTest::refusesNewerSchema() {
    const QString path = m_dir.filePath(u"future.db"_s);
    QVERIFY(initializeDatabase(path));
    {
        RawDb db(path, true);
        QVERIFY(db.exec("PRAGMA user_version = " + std::to_string(SchemaVersion + 1)));
    }
    const QByteArray before = digest(path);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY(!writer);
    QCOMPARE(writer.error().kind, StoreError::Kind::SchemaTooNew);
    QVERIFY2(writer.error().message.contains(u"newer"_s), qPrintable(writer.error().message));
    auto store = CollectorStore::open(path);
    QVERIFY(!store);
    QCOMPARE(store.error().kind, StoreError::Kind::SchemaTooNew);
    QCOMPARE(digest(path), before);
    // Never a downgrade either.
    QCOMPARE(initializeDatabase(path, 1).error().kind, StoreError::Kind::SchemaTooNew);
}

void SchemaTest::refusesForeignDatabase() {
    const QString path = m_dir.filePath(u"foreign.db"_s);
    {
        sqlite3 *db = nullptr;
        sqlite3_open(path.toUtf8().constData(), &db);
        sqlite3_exec(db, "CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)", nullptr,
                     nullptr, nullptr);
        sqlite3_close(db);
    }
    const QByteArray before = digest(path);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY(!writer);
    QCOMPARE(writer.error().kind, StoreError::Kind::NotACollectorDatabase);
    QVERIFY2(writer.error().message.contains(u"invoices"_s), qPrintable(writer.error().message));
    QCOMPARE(digest(path), before);

    // user_version set, but not ours.
    {
        RawDb db(path, true);
        QVERIFY(db.exec("PRAGMA user_version = 1"));
    }
    auto again = StoreWriter::open(testOptions(path));
    QVERIFY(!again);
    QCOMPARE(again.error().kind, StoreError::Kind::NotACollectorDatabase);
}

void SchemaTest::refusesNonDatabase() {
    const QString path = m_dir.filePath(u"notes.txt"_s);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
    }
    const QByteArray before = digest(path);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY(!writer);
    QCOMPARE(writer.error().kind, StoreError::Kind::NotACollectorDatabase);
    QVERIFY2(writer.error().message.contains(u"not an SQLite database"_s),
             qPrintable(writer.error().message));
    QCOMPARE(digest(path), before);
    QCOMPARE(databaseVersion(path).error().kind, StoreError::Kind::NotACollectorDatabase);
}

void SchemaTest::refusesSecondWriter() {
    const QString path = m_dir.filePath(u"busy.db"_s);
    auto first = StoreWriter::open(testOptions(path));
    QVERIFY(first);
    auto second = StoreWriter::open(testOptions(path));
    QVERIFY(!second);
    QCOMPARE(second.error().kind, StoreError::Kind::Busy);
    QVERIFY(second.error().message.contains(u"another collector"_s));
    (*first)->close();
    auto third = StoreWriter::open(testOptions(path));
    QVERIFY2(third, third ? "" : qPrintable(third.error().message));
}

void SchemaTest::refusesMissingDirectory() {
    const QString path = m_dir.filePath(u"no/such/dir/x.db"_s);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY(!writer);
    QCOMPARE(writer.error().kind, StoreError::Kind::NotFound);
    QVERIFY(!QFile::exists(path));
    auto store = CollectorStore::open(m_dir.filePath(u"missing.db"_s));
    QVERIFY(!store);
    QCOMPARE(store.error().kind, StoreError::Kind::NotFound);
    QVERIFY(!QFile::exists(m_dir.filePath(u"missing.db"_s)));
}

void SchemaTest::refusesBadVersionArgument() {
    const QString path = m_dir.filePath(u"badversion.db"_s);
    QCOMPARE(initializeDatabase(path, 0).error().kind, StoreError::Kind::InvalidArgument);
    QCOMPARE(initializeDatabase(path, SchemaVersion + 1).error().kind,
             StoreError::Kind::InvalidArgument);
    QVERIFY(!QFile::exists(path));

    WriterOptions o = testOptions(path);
    o.retention.raw = std::chrono::seconds(10);
    auto writer = StoreWriter::open(o);
    QVERIFY(!writer);
    QCOMPARE(writer.error().kind, StoreError::Kind::InvalidArgument);
    QVERIFY(!QFile::exists(path));
}

void SchemaTest::usesWalWhileWriting() {
    const QString path = m_dir.filePath(u"wal.db"_s);
    auto writer = StoreWriter::open(testOptions(path));
    QVERIFY(writer);
    {
        RawDb db(path);
        QCOMPARE(db.text("PRAGMA journal_mode"), u"wal"_s);
    }
    writeTicks(**writer, 1700000000, 10, 2);
    (*writer)->close();
    // Closed, it is one self-contained file again: readers that may not
    // create -wal and -shm files (another user) can open it read-only.
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    QVERIFY(!QFile::exists(path + u"-shm"_s));
    RawDb db(path);
    QCOMPARE(db.text("PRAGMA journal_mode"), u"delete"_s);
    QCOMPARE(db.integer("SELECT count(*) FROM node_raw"), 20);
    // The next writer goes back to WAL.
    auto again = StoreWriter::open(testOptions(path));
    QVERIFY(again);
    QCOMPARE(RawDb(path).text("PRAGMA journal_mode"), u"wal"_s);
}

QTEST_GUILESS_MAIN(SchemaTest)
#include "tst_schema.moc"
