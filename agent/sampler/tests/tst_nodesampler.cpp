// NodeSampler against fixture trees and against this machine's /proc.
#include "procfixture.h"
#include "resultmessage.h"

#include <QDateTime>
#include <QSysInfo>
#include <QTest>
#include <omview/sampler/nodesampler.h>
#include <unistd.h>

using omview::NodeSampler;
using omview::NodeStatus;

class NodeSamplerTest : public QObject {
    Q_OBJECT

private slots:
    void readsTheFixture() {
        ProcFixture proc;
        QVERIFY(proc.isValid());
        NodeSampler sampler(proc.root());
        NodeStatus status;
        status.id = 7;
        status.load = 123;
        status.speed = 15000;
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        const auto result = sampler.sample(status);
        QVERIFY2(result, resultMessage(result).constData());

        QCOMPARE(status.hostname, QStringLiteral("node-a"));
        QCOMPARE(status.loadAvg[0], 0.5);
        QCOMPARE(status.loadAvg[1], 0.25);
        QCOMPARE(status.loadAvg[2], 1.75);
        QCOMPARE(status.cpus, 2u);
        QCOMPARE(status.memTotal, 8000000ull * 1024);
        QCOMPARE(status.memFree, 1000000ull * 1024);
        QCOMPARE(status.memAvailable, 6000000ull * 1024);
        QCOMPARE(status.memUsed, 2000000ull * 1024);
        QCOMPARE(status.util, 0u); // no interval yet
        QVERIFY(status.sampledAt >= before);
        QVERIFY(status.sampledAt <= QDateTime::currentMSecsSinceEpoch());
        // The openMosix fields belong to the caller.
        QCOMPARE(status.id, 7u);
        QCOMPARE(status.load, 123u);
        QCOMPARE(status.speed, 15000u);
    }

    void utilisationOverTheInterval() {
        ProcFixture proc;
        NodeSampler sampler(proc.root());
        NodeStatus status;
        proc.setCpuTicks(1000, 9000, 4);
        QVERIFY(sampler.sample(status));
        QCOMPARE(status.cpus, 4u);
        // busy grows by 400 (user) + 200 (system) = 600; idle + iowait by 1100.
        proc.setCpuTicks(1400, 10000, 4);
        QVERIFY(sampler.sample(status));
        QCOMPARE(status.util, 35u); // 600 / 1700
        // No ticks passed: no figure to give.
        QVERIFY(sampler.sample(status));
        QCOMPARE(status.util, 0u);
    }

    void hostnameChanges() {
        ProcFixture proc;
        NodeSampler sampler(proc.root());
        NodeStatus status;
        QVERIFY(sampler.sample(status));
        proc.write(QStringLiteral("sys/kernel/hostname"), "node-b\n");
        QVERIFY(sampler.sample(status));
        QCOMPARE(status.hostname, QStringLiteral("node-b"));
    }

    void errorsChangeNothing_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content"); // null: remove the file
        QTest::addColumn<QString>("message");
        QTest::newRow("no loadavg") << "loadavg" << QByteArray() << "cannot read";
        QTest::newRow("bad loadavg") << "loadavg" << QByteArray("high") << "malformed";
        QTest::newRow("no meminfo") << "meminfo" << QByteArray() << "cannot read";
        QTest::newRow("meminfo without MemAvailable")
            << "meminfo" << QByteArray("MemTotal: 1 kB\nMemFree: 1 kB\n") << "malformed";
        QTest::newRow("no stat") << "stat" << QByteArray() << "cannot read";
        QTest::newRow("stat without CPUs") << "stat" << QByteArray("btime 5\n") << "malformed";
        QTest::newRow("no hostname") << "sys/kernel/hostname" << QByteArray() << "cannot read";
        QTest::newRow("empty hostname") << "sys/kernel/hostname" << QByteArray("\n") << "malformed";
    }

    void errorsChangeNothing() {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        ProcFixture proc;
        NodeSampler sampler(proc.root());
        NodeStatus status;
        proc.setCpuTicks(1000, 9000);
        QVERIFY(sampler.sample(status));

        proc.setCpuTicks(5000, 9000);
        if (content.isNull())
            proc.remove(file);
        else
            proc.write(file, content);
        const NodeStatus before = status;
        const auto result = sampler.sample(status);
        QVERIFY(!result);
        QVERIFY2(result.error().contains(message), qPrintable(result.error()));
        QVERIFY2(result.error().contains(proc.root() + u'/' + file), qPrintable(result.error()));
        QCOMPARE(status, before);

        // The failed sample did not move the interval: utilisation is still
        // measured from the first sample.
        proc.write(QStringLiteral("loadavg"), "0 0 0 1/1 1\n");
        proc.write(QStringLiteral("meminfo"),
                   "MemTotal: 4 kB\nMemFree: 1 kB\nMemAvailable: 2 kB\n");
        proc.write(QStringLiteral("sys/kernel/hostname"), "node-a\n");
        proc.setCpuTicks(1400, 10000);
        QVERIFY(sampler.sample(status));
        QCOMPARE(status.util, 35u);
    }

    void missingRoot() {
        NodeSampler sampler(QStringLiteral("/nonexistent/proc"));
        NodeStatus status;
        const auto result = sampler.sample(status);
        QVERIFY(!result);
        QVERIFY2(result.error().contains(QStringLiteral("/nonexistent/proc")),
                 qPrintable(result.error()));
    }

    void readsThisMachine() {
        NodeSampler sampler;
        NodeStatus status;
        auto result = sampler.sample(status);
        QVERIFY2(result, resultMessage(result).constData());
        QCOMPARE(status.cpus, static_cast<std::uint32_t>(::sysconf(_SC_NPROCESSORS_ONLN)));
        QCOMPARE(status.hostname, QSysInfo::machineHostName());
        QVERIFY(status.memTotal >= status.memAvailable);
        QVERIFY(status.memAvailable > 0);
        QCOMPARE(status.memUsed, status.memTotal - status.memAvailable);
        QTest::qWait(200);
        result = sampler.sample(status);
        QVERIFY2(result, resultMessage(result).constData());
        QVERIFY(status.util <= 100);
    }
};

QTEST_GUILESS_MAIN(NodeSamplerTest)
#include "tst_nodesampler.moc"
