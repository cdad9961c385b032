// analyzer.app: omview-analyzer as people run it -- a screenshot of a real
// database (light and dark), and clear errors with exit status 2 for bad
// options and 1 for a database it cannot open.
#include "analyzertestsupport.h"

#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace analyzertest;
using namespace Qt::StringLiterals;

namespace {

struct Run {
    int status = -1;
    QString out;
    QString err;
};

Run run(const QStringList &args) {
    QProcess p;
    p.start(QStringLiteral(OMVIEW_ANALYZER_PATH), args);
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = u"timed out"_s;
        return r;
    }
    r.status = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class AppTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void screenshot();
    void darkScreenshotOfOneNode();
    void badOptions_data();
    void badOptions();
    void missingDatabase();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void AppTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"history.db"_s);
    QVERIFY(fillStandard(m_path));
}

void AppTest::screenshot() {
    const QString shot = screenshotPath(u"omview-analyzer.png"_s);
    QFile::remove(shot);
    const Run r =
        run({m_path, u"--range"_s, u"all"_s, u"--size"_s, u"1200x800"_s, u"--screenshot"_s, shot});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    const QImage image(shot);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 1200);
    QCOMPARE(image.height(), 800);
}

void AppTest::darkScreenshotOfOneNode() {
    const QString shot = screenshotPath(u"omview-analyzer-dark-node2.png"_s);
    QFile::remove(shot);
    const Run r = run({m_path, u"--node"_s, u"2"_s, u"--range"_s, u"3h"_s, u"--threshold"_s,
                       u"60"_s, u"--dark"_s, u"--screenshot"_s, shot});
    QVERIFY2(r.status == 0, qPrintable(r.err));
    QVERIFY(!QImage(shot).isNull());
}

void AppTest::badOptions_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("range") << QStringList{u"--range"_s, u"fortnight"_s} << u"fortnight"_s;
    QTest::newRow("node") << QStringList{u"--node"_s, u"9"_s} << u"--node 9"_s;
    QTest::newRow("threshold") << QStringList{u"--threshold"_s, u"0"_s} << u"--threshold 0"_s;
    QTest::newRow("size") << QStringList{u"--size"_s, u"big"_s} << u"--size big"_s;
}

void AppTest::badOptions() {
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const QString shot = m_dir.filePath(u"never.png"_s);
    const Run r = run(QStringList{m_path} + args + QStringList{u"--screenshot"_s, shot});
    QCOMPARE(r.status, 2);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    QVERIFY(!QFile::exists(shot));
}

void AppTest::missingDatabase() {
    const QString missing = m_dir.filePath(u"nothing-here.db"_s);
    const Run r = run({missing, u"--screenshot"_s, m_dir.filePath(u"never.png"_s)});
    QCOMPARE(r.status, 1);
    QVERIFY2(r.err.contains(missing), qPrintable(r.err));
}

QTEST_GUILESS_MAIN(AppTest)
#include "tst_app.moc"
