#include "testcluster.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <omview/peers/clusterkey.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace omview::peers;

class TestClusterKey : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &content, mode_t mode) {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        f.close();
        ::chmod(QFile::encodeName(path).constData(), mode);
        return path;
    }

private slots:
    void readsRootOnlyFile() {
        const QString path = write("ok.key", QByteArray(40, 'a') + "\n", 0600);
        auto k = ClusterKey::fromFile(path);
        QVERIFY2(k.has_value(), test::why(k).constData());
        // The trailing newline is not part of the key.
        QCOMPARE(k->derive("x"), ClusterKey::fromSecret(QByteArray(40, 'a'))->derive("x"));
        QVERIFY(ClusterKey::fromFile(write("ro.key", QByteArray(40, 'a'), 0400)).has_value());
    }

    void refusesGroupOrWorldAccess_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("group readable") << 0640;
        QTest::newRow("world readable") << 0604;
        QTest::newRow("group writable") << 0620;
        QTest::newRow("0644") << 0644;
    }
    void refusesGroupOrWorldAccess() {
        QFETCH(int, mode);
        const QString path = write("open.key", QByteArray(40, 'a'), mode_t(mode));
        auto k = ClusterKey::fromFile(path);
        QVERIFY(!k.has_value());
        QVERIFY2(k.error().contains(path), qPrintable(k.error()));
        QVERIFY2(k.error().contains("group or others"), qPrintable(k.error()));
        QVERIFY2(k.error().contains("chmod 600"), qPrintable(k.error()));
    }

    void refusesOtherOwner() {
        if (::geteuid() != 0)
            QSKIP("changing a file's owner needs root");
        const QString path = write("owned.key", QByteArray(40, 'a'), 0600);
        QCOMPARE(::chown(QFile::encodeName(path).constData(), 4321, 4321), 0);
        auto k = ClusterKey::fromFile(path);
        QVERIFY(!k.has_value());
        QVERIFY2(k.error().contains("owned by uid 4321"), qPrintable(k.error()));
    }

    void refusesShortKeyAndOddFiles() {
        auto shortKey = ClusterKey::fromFile(write("short.key", "secret\n", 0600));
        QVERIFY(!shortKey.has_value());
        QVERIFY2(shortKey.error().contains("too short"), qPrintable(shortKey.error()));

        auto missing = ClusterKey::fromFile(m_dir.filePath("missing.key"));
        QVERIFY(!missing.has_value());
        QVERIFY2(missing.error().contains("cannot open"), qPrintable(missing.error()));

        auto dir = ClusterKey::fromFile(m_dir.path());
        QVERIFY(!dir.has_value());

        // A symlink is not followed: what is checked must be what is read.
        const QString target = write("target.key", QByteArray(40, 'a'), 0600);
        const QString link = m_dir.filePath("link.key");
        QVERIFY(QFile::link(target, link));
        QVERIFY(!ClusterKey::fromFile(link).has_value());

        auto huge = ClusterKey::fromFile(write("huge.key", QByteArray(10000, 'a'), 0600));
        QVERIFY(!huge.has_value());
    }

    void derivesIndependentKeys() {
        const ClusterKey a = omview::peers::test::key('a');
        const ClusterKey b = omview::peers::test::key('b');
        QCOMPARE(a.derive("load").size(), 32);
        QCOMPARE(a.derive("load"), a.derive("load"));
        QVERIFY(a.derive("load") != a.derive("channel"));
        QVERIFY(a.derive("load") != b.derive("load"));
        QCOMPARE(a.fingerprint().size(), 16);
        QVERIFY(a.fingerprint() != b.fingerprint());
    }
};

QTEST_GUILESS_MAIN(TestClusterKey)
#include "tst_clusterkey.moc"
