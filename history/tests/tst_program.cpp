// history.program: omview-history as people and reviews run it — a
// screenshot of a moment and of a ranking, and clear errors (and exit codes)
// for a missing database and bad options.
#include "historytestsupport.h"

#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace historytest;

class ProgramTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void screenshotOfAMoment();
    void screenshotOfARanking();
    void errors_data();
    void errors();

private:
    struct Run {
        int exitCode = -1;
        QString errors;
    };
    Run run(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_path;
};

void ProgramTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("cluster.db"));
    QVERIFY(writeCluster(m_path));
}

ProgramTest::Run ProgramTest::run(const QStringList &arguments) {
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // Its settings go to the test's directory, not to the user's.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(OMVIEW_HISTORY_PATH), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromLocal8Bit(process.readAllStandardError())};
}

void ProgramTest::screenshotOfAMoment() {
    const QString file = screenshotDir() + QStringLiteral("/history-program-node2.png");
    QFile::remove(file);
    const Run result =
        run({m_path, QStringLiteral("--node"), QStringLiteral("2"), QStringLiteral("--at"),
             QStringLiteral("@%1").arg(S + 455), QStringLiteral("--screenshot"), file});
    QVERIFY2(result.exitCode == 0, qPrintable(result.errors));
    const QImage image(file);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 600 && image.height() >= 400);
}

void ProgramTest::screenshotOfARanking() {
    const QString file = screenshotDir() + QStringLiteral("/history-program-ranking.png");
    QFile::remove(file);
    const Run result = run({m_path, QStringLiteral("--from"), QStringLiteral("@%1").arg(S + 200),
                            QStringLiteral("--to"), QStringLiteral("@%1").arg(S + 400),
                            QStringLiteral("--screenshot"), file});
    QVERIFY2(result.exitCode == 0, qPrintable(result.errors));
    QVERIFY(!QImage(file).isNull());
}

void ProgramTest::errors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    const QString shot = QDir::temp().filePath(QStringLiteral("omview-history-never.png"));
    QTest::newRow("missing database")
        << QStringList{QStringLiteral("/nonexistent/dir/collector.db"),
                       QStringLiteral("--screenshot"), shot}
        << 1 << QStringLiteral("/nonexistent/dir/collector.db");
    QTest::newRow("bad --at") << QStringList{QStringLiteral("x.db"), QStringLiteral("--at"),
                                             QStringLiteral("teatime")}
                              << 2 << QStringLiteral("--at");
    QTest::newRow("bad --node") << QStringList{QStringLiteral("x.db"), QStringLiteral("--node"),
                                               QStringLiteral("beta")}
                                << 2 << QStringLiteral("beta");
    QTest::newRow("--to alone") << QStringList{QStringLiteral("x.db"), QStringLiteral("--to"),
                                               QStringLiteral("now")}
                                << 2 << QStringLiteral("--from");
    QTest::newRow("two databases") << QStringList{QStringLiteral("a.db"), QStringLiteral("b.db")}
                                   << 2 << QStringLiteral("one database");
}

void ProgramTest::errors() {
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.errors.contains(says), qPrintable(result.errors));
}

QTEST_GUILESS_MAIN(ProgramTest)
#include "tst_program.moc"
