// Cutting a stream into lines: partial reads, CRLF, empty lines, and lines over
// the limit reported at once without buffering them.
#include <QTest>
#include <omview/protocol/lineframer.h>

using namespace omview;

namespace {

using Frames = QList<std::expected<QByteArray, LineTooLong>>;

QList<QByteArray> linesOf(const Frames &frames) {
    QList<QByteArray> lines;
    for (const auto &f : frames)
        lines.append(f ? *f : QByteArray("<too long>"));
    return lines;
}

} // namespace

class TestLineFramer : public QObject {
    Q_OBJECT

private slots:
    void splitsLines() {
        LineFramer f;
        QCOMPARE(linesOf(f.feed("a\nbc\n")), (QList<QByteArray>{"a", "bc"}));
        QCOMPARE(f.pending(), 0);
        QCOMPARE(linesOf(f.feed("de")), QList<QByteArray>{});
        QCOMPARE(f.pending(), 2);
        QCOMPARE(linesOf(f.feed("f\ng")), QList<QByteArray>{"def"});
        QCOMPARE(linesOf(f.feed("\n")), QList<QByteArray>{"g"});
    }

    void dropsCarriageReturnsAndEmptyLines() {
        LineFramer f;
        QCOMPARE(linesOf(f.feed("a\r\n\n\r\n  \nb\r")), (QList<QByteArray>{"a", "  "}));
        QCOMPARE(linesOf(f.feed("\n")), QList<QByteArray>{"b"});
        // A '\r' inside a line stays.
        QCOMPARE(linesOf(f.feed("x\ry\n")), QList<QByteArray>{"x\ry"});
    }

    void byteByByte() {
        LineFramer f;
        const QByteArray stream = "{\"a\":1}\n{\"b\":2}\r\n";
        QList<QByteArray> lines;
        for (char c : stream)
            lines += linesOf(f.feed(QByteArrayView(&c, 1)));
        QCOMPARE(lines, (QList<QByteArray>{"{\"a\":1}", "{\"b\":2}"}));
    }

    void lineAtTheLimitPasses() {
        LineFramer f(8);
        QCOMPARE(linesOf(f.feed("12345678\n")), QList<QByteArray>{"12345678"});
    }

    void overlongLineIsReportedOnceAndSkipped() {
        LineFramer f(8);
        const Frames frames = f.feed("123456789\nok\n");
        QCOMPARE(frames.size(), 2);
        QVERIFY(!frames[0]);
        QCOMPARE(frames[0].error(), LineTooLong{8});
        QCOMPARE(*frames[1], QByteArray("ok"));
    }

    void overlongLineIsReportedBeforeItEnds() {
        LineFramer f(8);
        Frames frames = f.feed("1234");
        QVERIFY(frames.isEmpty());
        frames = f.feed("56789");
        QCOMPARE(frames.size(), 1);
        QVERIFY(!frames[0]);
        QCOMPARE(f.pending(), 0);
        // The rest of that line is dropped without being held.
        for (int i = 0; i < 100; ++i)
            QVERIFY(f.feed("xxxxxxxxxx").isEmpty());
        QCOMPARE(f.pending(), 0);
        QCOMPARE(linesOf(f.feed("tail\nnext\n")), QList<QByteArray>{"next"});
    }

    void defaultLimitHoldsAtMostOneLine() {
        LineFramer f;
        QCOMPARE(f.maxLineLength(), 16 * 1024 * 1024);
        const QByteArray mib(1024 * 1024, 'x');
        int errors = 0;
        for (int i = 0; i < 20; ++i) {
            for (const auto &frame : f.feed(mib))
                errors += frame ? 0 : 1;
            QVERIFY(f.pending() <= f.maxLineLength());
        }
        QCOMPARE(errors, 1);
        QCOMPARE(linesOf(f.feed("\n{}\n")), QList<QByteArray>{"{}"});
    }

    void resetForgetsPartialLine() {
        LineFramer f(8);
        f.feed("abc");
        f.reset();
        QCOMPARE(linesOf(f.feed("d\n")), QList<QByteArray>{"d"});
        f.feed("123456789");
        f.reset();
        QCOMPARE(linesOf(f.feed("e\n")), QList<QByteArray>{"e"});
    }
};

QTEST_GUILESS_MAIN(TestLineFramer)
#include "tst_lineframer.moc"
