// The /proc text parsers on captured and hand-made lines.
#include "cmdlinetext.h"
#include "nodefiles.h"
#include "statline.h"

#include <QTest>
#include <string>
#include <string_view>

using namespace omview::sampler;
using namespace std::string_view_literals;

class ParsersTest : public QObject {
    Q_OBJECT

private slots:
    void statLineOfAUserProcess() {
        // Captured on this project's build machine (Linux 6.18).
        const auto line = parseStatLine(
            "16572 (bash) S 16563 16572 16572 0 -1 4194560 28375 7377718 0 324 14 20 28278 5469 20 "
            "0 1 0 48138 5611520 1078 18446744073709551615 94164604686336 94164605475741 "
            "140729714704832 0 0 0 65536 4 1132560123 1 0 0 17 1 0 0 0 0 0 94164605709040 "
            "94164605757284 94164918509568 140729714707259 140729714707274 140729714707274 "
            "140729714708458 0\n");
        QVERIFY(line);
        QCOMPARE(line->pid, 16572);
        QCOMPARE(line->comm, "bash"sv);
        QCOMPARE(line->state, 'S');
        QCOMPARE(line->ppid, 16563);
        QCOMPARE(line->flags, 4194560u);
        QCOMPARE(line->utime, 14u);
        QCOMPARE(line->stime, 20u);
        QCOMPARE(line->nice, 0);
        QCOMPARE(line->startTicks, 48138u);
        QCOMPARE(line->rssPages, 1078);
        QCOMPARE(line->argStart, 140729714707259u);
        QVERIFY(!line->isKernelThread());
    }

    void statLineOfAKernelThread() {
        // Captured likewise.
        const auto line = parseStatLine(
            "10 (kworker/0:0H-events_highpri) I 2 0 0 0 -1 69238880 0 0 0 0 0 0 0 0 0 -20 1 0 31 0 "
            "0 18446744073709551615 0 0 0 0 0 0 0 2147483647 0 1 0 0 17 0 0 0 0 0 0 0 0 0 0 0 0 0 "
            "0\n");
        QVERIFY(line);
        QVERIFY(line->isKernelThread());
        QCOMPARE(line->comm, "kworker/0:0H-events_highpri"sv);
        QCOMPARE(line->state, 'I');
        QCOMPARE(line->ppid, 2);
        QCOMPARE(line->nice, -20);
        QCOMPARE(line->argStart, 0u);
    }

    void statLineWithSpacesAndParenthesesInComm() {
        const auto line = parseStatLine("77 ((a) b) c) R 1 77 77 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 "
                                        "500 1000 3 0\n");
        QVERIFY(line);
        QCOMPARE(line->comm, "(a) b) c"sv);
        QCOMPARE(line->state, 'R');
        QCOMPARE(line->utime, 5u);
        QCOMPARE(line->startTicks, 500u);
        QCOMPARE(line->rssPages, 3);
        QCOMPARE(line->argStart, 0u); // a line that ends before it
    }

    void malformedStatLines_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no parentheses") << QByteArray("12 bash S 1 2 3");
        QTest::newRow("close before open") << QByteArray("12 )bash( S 1 2 3");
        QTest::newRow("no pid") << QByteArray(
            "(bash) S 1 1 1 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 1 1");
        QTest::newRow("cut short") << QByteArray("12 (bash) S 1 1 1 0 -1 0 0 0 0 0 1 1");
        QTest::newRow("long state") << QByteArray("12 (bash) SS 1 1 1 0 -1 0 0 0 0 0 1 1 0 0 20 0 "
                                                  "1 0 5 1 1");
        QTest::newRow("letters for numbers")
            << QByteArray("12 (bash) S 1 1 1 0 -1 0 0 0 0 0 x 1 0 0 20 0 1 0 5 1 1");
    }

    void malformedStatLines() {
        QFETCH(QByteArray, text);
        QVERIFY(!parseStatLine(std::string_view(text.constData(), text.size())));
    }

    void loadavg() {
        const auto load = parseLoadavg("0.52 1.08 12.50 3/456 7890\n");
        QVERIFY(load);
        QCOMPARE(load->values[0], 0.52);
        QCOMPARE(load->values[1], 1.08);
        QCOMPARE(load->values[2], 12.5);
        QVERIFY(!parseLoadavg("0.52 1.08"));
        QVERIFY(!parseLoadavg("a b c"));
        QVERIFY(!parseLoadavg("-1 0 0 1/1 1"));
    }

    void meminfo() {
        const auto memory =
            parseMeminfo("MemTotal:       16000000 kB\nMemFree:         2000000 kB\n"
                         "MemAvailable:    9000000 kB\nBuffers:  1 kB\n");
        QVERIFY(memory);
        QCOMPARE(memory->total, 16000000ull * 1024);
        QCOMPARE(memory->free, 2000000ull * 1024);
        QCOMPARE(memory->available, 9000000ull * 1024);
        QVERIFY(!parseMeminfo("MemTotal: 1 kB\nMemFree: 1 kB\n"));
        QVERIFY(!parseMeminfo("MemTotal: x kB\nMemFree: 1 kB\nMemAvailable: 1 kB\n"));
        QVERIFY(!parseMeminfo("MemTotal: 1 MB\nMemFree: 1 kB\nMemAvailable: 1 kB\n"));
        QVERIFY(!parseMeminfo(""));
    }

    void procStat() {
        const auto cpu = parseProcStat("cpu  100 5 50 1000 20 3 2 1 40 0\n"
                                       "cpu0 50 2 25 500 10 1 1 0 20 0\n"
                                       "cpu1 50 3 25 500 10 2 1 1 20 0\n"
                                       "intr 1 2 3\nbtime 1700000000\nprocesses 5\n");
        QVERIFY(cpu);
        QCOMPARE(cpu->total, 1181u);
        QCOMPARE(cpu->busy, 161u);
        QCOMPARE(cpu->cpus, 2u);
        QCOMPARE(cpu->bootTime, 1700000000);
        QVERIFY(!parseProcStat("cpu0 1 2 3 4 5 6 7 8\nbtime 1\n"));
        QVERIFY(!parseProcStat("cpu  1 2 3 4 5 6 7 8\nbtime 1\n"));
        QVERIFY(!parseProcStat("cpu  1 2 3 4 5 6 7 8\ncpu0 1 2 3 4 5 6 7 8\n"));
        QVERIFY(!parseProcStat("cpu  1 2 3\ncpu0 1 2 3 4 5 6 7 8\nbtime 1\n"));
        QVERIFY(!parseProcStat("cpu  1 2 3 4 5 6 7 8\ncpu0 1 2 3 4 5 6 7 8\nbtime x\n"));
    }

    void uptime() {
        QCOMPARE(parseUptime("12345.67 23456.78\n"), 12345.67);
        QVERIFY(!parseUptime(""));
        QVERIFY(!parseUptime("up"));
    }

    void cmdlineJoinsArguments() {
        std::string raw("/usr/bin/python3\0-m\0http.server\0\0", 33);
        QCOMPARE(cmdlineText(raw, false), QStringLiteral("/usr/bin/python3 -m http.server"));
        std::string empty;
        QCOMPARE(cmdlineText(empty, false), QString());
        // A rewritten argv (setproctitle) has spaces and no NULs.
        std::string title("postgres: checkpointer ");
        QCOMPARE(cmdlineText(title, false), QStringLiteral("postgres: checkpointer "));
    }

    void cmdlineCutOnACharacterBoundary_data() {
        QTest::addColumn<int>("cut");
        QTest::addColumn<QString>("expected");
        // "a€b": '€' is 3 bytes, E2 82 AC.
        QTest::newRow("inside the character, 1 byte") << 2 << QStringLiteral("a…");
        QTest::newRow("inside the character, 2 bytes") << 3 << QStringLiteral("a…");
        QTest::newRow("after the character") << 4 << QStringLiteral("a€…");
        QTest::newRow("before the character") << 1 << QStringLiteral("a…");
    }

    void cmdlineCutOnACharacterBoundary() {
        QFETCH(int, cut);
        QFETCH(QString, expected);
        std::string raw = "a\xE2\x82\xAC"
                          "b";
        raw.resize(static_cast<std::size_t>(cut));
        QCOMPARE(cmdlineText(raw, true), expected);
    }
};

QTEST_GUILESS_MAIN(ParsersTest)
#include "tst_parsers.moc"
