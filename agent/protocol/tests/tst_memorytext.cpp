// Memory figures as people read them: never four digits before the point, one decimal, the
// unit moving on at 1000, and the locale's own digits and unit names.
#include <QTest>
#include <limits>
#include <omview/protocol/memorytext.h>

using namespace omview;
using namespace Qt::StringLiterals;

namespace {

constexpr std::uint64_t KiB = 1024;
constexpr std::uint64_t MiB = 1024 * KiB;
constexpr std::uint64_t GiB = 1024 * MiB;
constexpr std::uint64_t EiB = GiB * GiB;

} // namespace

class TestMemoryText : public QObject {
    Q_OBJECT

private slots:
    void figures_data() {
        QTest::addColumn<quint64>("bytes");
        QTest::addColumn<int>("unit");
        QTest::addColumn<qint64>("tenths");
        QTest::newRow("nothing") << quint64(0) << 0 << qint64(0);
        QTest::newRow("999 bytes") << quint64(999) << 0 << qint64(9990);
        QTest::newRow("1000 bytes") << quint64(1000) << 1 << qint64(10); // 0.98 KiB
        QTest::newRow("999.9 KiB") << quint64(999 * KiB + 900) << 1 << qint64(9999);
        QTest::newRow("1012 KiB") << quint64(1012 * KiB) << 2 << qint64(10);
        QTest::newRow("999.96 MiB rounds up") << quint64(999 * MiB + 980 * KiB) << 3 << qint64(10);
        QTest::newRow("1023 MiB") << quint64(1023 * MiB) << 3 << qint64(10);
        QTest::newRow("1.5 GiB") << quint64(1536 * MiB) << 3 << qint64(15);
        QTest::newRow("3 TiB") << quint64(3 * GiB * KiB) << 4 << qint64(30);
        QTest::newRow("1 EiB") << quint64(EiB) << 6 << qint64(10);
        QTest::newRow("8 EiB and more") << std::numeric_limits<quint64>::max() << 6 << qint64(80);
    }

    void figures() {
        QFETCH(quint64, bytes);
        QFETCH(int, unit);
        QFETCH(qint64, tenths);
        QCOMPARE(memoryFigure(bytes), (MemoryFigure{unit, tenths}));
    }

    void texts_data() {
        QTest::addColumn<quint64>("bytes");
        QTest::addColumn<QString>("text");
        QTest::newRow("nothing") << quint64(0) << u"0 bytes"_s;
        QTest::newRow("bytes") << quint64(512) << u"512 bytes"_s;
        QTest::newRow("1000 bytes") << quint64(1000) << u"1.0 KiB"_s;
        QTest::newRow("999 KiB") << quint64(999 * KiB) << u"999.0 KiB"_s;
        QTest::newRow("999.9 KiB") << quint64(999 * KiB + 900) << u"999.9 KiB"_s;
        QTest::newRow("1012 KiB") << quint64(1012 * KiB) << u"1.0 MiB"_s; // not 1,012.0 KiB
        QTest::newRow("999.9 MiB") << quint64(999 * MiB + 900 * KiB) << u"999.9 MiB"_s;
        QTest::newRow("1000.2 MiB") << quint64(1000 * MiB + 200 * KiB) << u"1.0 GiB"_s;
        QTest::newRow("999.96 MiB") << quint64(999 * MiB + 980 * KiB) << u"1.0 GiB"_s;
        QTest::newRow("1.5 GiB") << quint64(1536 * MiB) << u"1.5 GiB"_s;
        QTest::newRow("2.79 GiB") << quint64(3000000000) << u"2.8 GiB"_s;
        QTest::newRow("999.94 GiB") << quint64(999 * GiB + 962 * MiB) << u"999.9 GiB"_s;
        QTest::newRow("3 TiB") << quint64(3 * GiB * KiB) << u"3.0 TiB"_s;
        QTest::newRow("1 EiB") << quint64(EiB) << u"1.0 EiB"_s;
        QTest::newRow("8 EiB and more") << std::numeric_limits<quint64>::max() << u"8.0 EiB"_s;
    }

    void texts() {
        QFETCH(quint64, bytes);
        QFETCH(QString, text);
        QCOMPARE(memoryText(bytes, QLocale::c()), text);
    }

    // Never four digits before the point, from bytes to exbibytes, and the figure and the
    // text agree: the same figure, the same text.
    void neverFourDigits() {
        const QLocale c = QLocale::c();
        for (std::uint64_t bytes = 1; bytes < std::numeric_limits<std::uint64_t>::max() / 3;
             bytes = bytes * 3 + 7) {
            const QString text = memoryText(bytes, c);
            const qsizetype point = text.indexOf(u'.');
            const qsizetype digits = point >= 0 ? point : text.indexOf(u' ');
            QVERIFY2(digits >= 1 && digits <= 3, qPrintable(text));
            const MemoryFigure figure = memoryFigure(bytes);
            QCOMPARE(memoryText(bytes + 1, c) == text, memoryFigure(bytes + 1) == figure);
        }
    }

    void inTheLocalesLanguage() {
        const QLocale german(QLocale::German, QLocale::Germany);
        QCOMPARE(memoryText(512, german), u"512 Bytes"_s);
        QCOMPARE(memoryText(1536 * MiB, german), u"1,5 GiB"_s);
        QCOMPARE(memoryText(1012 * KiB, german), u"1,0 MiB"_s);
        const QLocale french(QLocale::French, QLocale::France);
        QCOMPARE(memoryText(1536 * MiB, french), u"1,5 Gio"_s);
        // Without a locale, the default one.
        QLocale::setDefault(german);
        QCOMPARE(memoryText(1536 * MiB), u"1,5 GiB"_s);
        QLocale::setDefault(QLocale::c());
        QCOMPARE(memoryText(1536 * MiB), u"1.5 GiB"_s);
    }
};

QTEST_GUILESS_MAIN(TestMemoryText)
#include "tst_memorytext.moc"
