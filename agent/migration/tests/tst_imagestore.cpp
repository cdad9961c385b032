// ImageStore on a real directory: private modes, names from peers, offsets, removal.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <omview/migration/imagestore.h>
#include <sys/stat.h>

using namespace omview::migration;
using namespace Qt::StringLiterals;

class TestImageStore : public QObject {
    Q_OBJECT
private slots:
    void privateDirectories() {
        QTemporaryDir tmp;
        ImageStore store(tmp.filePath(u"images"_s));
        auto dir = store.create(u"m1-42-abc"_s);
        QVERIFY(dir);
        struct stat st {};
        QCOMPARE(::stat(QFile::encodeName(store.root()).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
        QCOMPARE(::stat(QFile::encodeName(*dir).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0700u);
        QCOMPARE(store.ids(), QStringList{u"m1-42-abc"_s});
    }
    void writesAtOffsets() {
        QTemporaryDir tmp;
        ImageStore store(tmp.path());
        QVERIFY(store.create(u"a"_s));
        QVERIFY(store.write(u"a"_s, u"pages-1.img"_s, 0, "hello "));
        QVERIFY(store.write(u"a"_s, u"pages-1.img"_s, 6, "world"));
        QFile f(store.dirOf(u"a"_s) + u"/pages-1.img"_s);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), "hello world");
        QCOMPARE(store.images(u"a"_s), QStringList{u"pages-1.img"_s});
        store.remove(u"a"_s);
        QVERIFY(!store.exists(u"a"_s));
    }
    void namesFromPeersAreRefused_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("path") << u"../../etc/passwd"_s;
        QTest::newRow("slash") << u"a/b"_s;
        QTest::newRow("dotdot") << u".."_s;
        QTest::newRow("empty") << QString();
        QTest::newRow("own state") << u"move.state"_s;
        QTest::newRow("log") << u"dump.log"_s;
    }
    void namesFromPeersAreRefused() {
        QFETCH(QString, name);
        QTemporaryDir tmp;
        ImageStore store(tmp.path());
        QVERIFY(store.create(u"a"_s));
        const auto r = store.write(u"a"_s, name, 0, "x");
        QVERIFY(!r);
        QCOMPARE(r.error().reason, Reason::TransferFailed);
        QVERIFY(store.images(u"a"_s).isEmpty());
    }
    void badIdsRefused() {
        QTemporaryDir tmp;
        ImageStore store(tmp.path());
        QVERIFY(!store.create(u"../x"_s));
        QVERIFY(!store.create(u"A"_s));
        QVERIFY(!store.write(u"nope"_s, u"x.img"_s, 0, "x"));
    }
    void fullDiskIsNoSpace() {
        // /dev/full's writes fail with ENOSPC: a store whose image is a link to it.
        QTemporaryDir tmp;
        ImageStore store(tmp.path());
        QVERIFY(store.create(u"a"_s));
        QVERIFY(QFile::link(u"/dev/full"_s, store.dirOf(u"a"_s) + u"/pages-1.img"_s));
        const auto r = store.write(u"a"_s, u"pages-1.img"_s, 0, QByteArray(4096, 'x'));
        QVERIFY(!r);
        QCOMPARE(r.error().reason, Reason::NoSpace);
    }
    void stateRoundTrip() {
        QTemporaryDir tmp;
        ImageStore store(tmp.path());
        QVERIFY(store.create(u"a"_s));
        QVERIFY(store.setState(u"a"_s, "dumped 3 100 101"));
        QCOMPARE(store.state(u"a"_s), "dumped 3 100 101");
        QVERIFY(store.images(u"a"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImageStore)
#include "tst_imagestore.moc"
