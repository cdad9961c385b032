// analyzer.widget: the analyzer window on a real collector database, in a
// real (offscreen) window -- charts per node, clicks asking for the history,
// zooming by drag and wheel, range and threshold controls, the picker, live
// follow of a writer, print preview, and PNG/PDF/CSV exports checked for
// content. Screenshots (light and dark palette) are saved for review.
#include "analyzertestsupport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QListView>
#include <QPdfWriter>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>
#include <omview/analyzer/analyzerchart.h>
#include <omview/analyzer/analyzersession.h>
#include <omview/analyzer/analyzerwidget.h>
#include <omview/analyzer/analyzerwindow.h>
#include <omview/analyzer/chartexport.h>
#include <omview/analyzer/chartreport.h>
#include <omview/analyzer/chartstyle.h>
#include <omview/analyzer/chartview.h>
#include <omview/analyzer/nodelistmodel.h>
#include <omview/analyzer/seriesbuilder.h>
#include <omview/analyzer/statisticsmodel.h>

using namespace omview::analyzer;
using namespace analyzertest;
using namespace Qt::StringLiterals;

namespace {

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x33, 0x36, 0x3b), text(0xe6, 0xe6, 0xe6);
    for (auto [role, color] : {std::pair{QPalette::Window, window},
                               {QPalette::WindowText, text},
                               {QPalette::Base, base},
                               {QPalette::AlternateBase, window},
                               {QPalette::Text, text},
                               {QPalette::Button, window},
                               {QPalette::ButtonText, text},
                               {QPalette::ToolTipBase, base},
                               {QPalette::ToolTipText, text},
                               {QPalette::Highlight, QColor(0x3d, 0x7e, 0xc9)},
                               {QPalette::HighlightedText, QColor(Qt::white)}})
        p.setColor(role, color);
    for (auto role : {QPalette::Text, QPalette::ButtonText, QPalette::WindowText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

// Pixels close to @p color.
int countPixels(const QImage &image, const QColor &color, int tolerance = 40) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (std::abs(qRed(line[x]) - color.red()) < tolerance &&
                std::abs(qGreen(line[x]) - color.green()) < tolerance &&
                std::abs(qBlue(line[x]) - color.blue()) < tolerance)
                ++n;
        }
    }
    return n;
}

QList<QStringList> readCsv(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> rows;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty())
            rows.append(line.split(u','));
    }
    return rows;
}

} // namespace

class WidgetTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsAChartPerNode();
    void screenshotLight();
    void screenshotDark();
    void clickAsksForTheHistory();
    void dragZoomsAndRightClickResets();
    void wheelZoomsAroundThePointer();
    void rangeControls();
    void thresholdRedrawsWithoutQuerying();
    void pickerHidesCharts();
    void followsAWriter();
    void exportsPng();
    void exportsPdfAndPrints();
    void exportsCsv();
    void exportErrorsLeaveNothing();
    void printPreviewHasPages();

private:
    void openWindow(const QString &path, QSize size = {1280, 900});
    bool waitForCharts(int timeoutMs = 30000);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<AnalyzerWindow> m_window;
    QPalette m_palette;
    QStyle *m_style = nullptr;
};

void WidgetTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(u"history.db"_s);
    QVERIFY(fillStandard(m_path));
    m_palette = QApplication::palette();
}

void WidgetTest::init() {
    openWindow(m_path);
}

void WidgetTest::cleanup() {
    m_window.reset();
    QApplication::setPalette(m_palette);
}

void WidgetTest::openWindow(const QString &path, QSize size) {
    m_window = std::make_unique<AnalyzerWindow>();
    m_window->resize(size);
    auto opened = m_window->open(path);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

bool WidgetTest::waitForCharts(int timeoutMs) {
    AnalyzerWidget *a = m_window->analyzer();
    return QTest::qWaitFor([&] { return a->chartsCurrent() && !a->session()->statisticsPending(); },
                           timeoutMs);
}

void WidgetTest::showsAChartPerNode() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(waitForCharts());
    for (NodeId node : {0u, 1u, 2u, 3u, 4u})
        QVERIFY2(a->chartView(node), qPrintable(u"no chart for node %1"_s.arg(node)));
    QVERIFY(!a->chartView(5));
    // The cluster's chart is at the top and drawn.
    ChartView *cluster = a->chartView(ClusterNode);
    QVERIFY(cluster->isVisible());
    const ChartData &data = cluster->analyzerChart()->chartData();
    QVERIFY(!data.isEmpty());
    QCOMPARE(data.range, (TimeRange{Start + Length - 3600, Start + Length - 1}));
    QCOMPARE(data.title, u"Cluster"_s);
    QVERIFY(std::abs(data.widthPx - cluster->plotWidth()) <= 8);
    // One row per node in the picker and in the statistics, figures filled in.
    QCOMPARE(a->nodeView()->model()->rowCount(), 5);
    QCOMPARE(a->statisticsView()->model()->rowCount(), 5);
    QTRY_VERIFY(a->session()->statistics()->statistics(2).has_value());
}

void WidgetTest::screenshotLight() {
    AnalyzerWidget *a = m_window->analyzer();
    // The whole file: node 2's spike and the checkpoints are in it.
    QVERIFY(a->session()->setSelection(RangeSelection::all()));
    QVERIFY(waitForCharts());
    a->scrollToChart(2);
    QVERIFY(waitForCharts());
    const QImage shot = m_window->grab().toImage();
    QVERIFY(shot.save(screenshotPath(u"analyzer-light.png"_s)));
    // The spike is drawn red.
    QVERIFY(countPixels(shot, ChartStyle::fromPalette(m_window->palette()).above, 30) > 20);
}

void WidgetTest::screenshotDark() {
    QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    QApplication::setPalette(darkPalette());
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(a->session()->setSelection(RangeSelection::last(3 * 3600)));
    QVERIFY(waitForCharts());
    const ChartStyle style = ChartStyle::fromPalette(a->chartView(ClusterNode)->palette());
    QVERIFY(style.dark);
    QCOMPARE(a->chartView(ClusterNode)->analyzerChart()->style().load, style.load);
    const QImage shot = m_window->grab().toImage();
    QVERIFY(shot.save(screenshotPath(u"analyzer-dark.png"_s)));
    QVERIFY(countPixels(shot, style.above, 30) > 20);
    // Zoomed on the spike, with its checkpoint.
    QVERIFY(a->session()->zoomTo({CheckpointAt - 600, SpikeTo + 600}));
    a->scrollToChart(2);
    QVERIFY(waitForCharts());
    QVERIFY(m_window->grab().save(screenshotPath(u"analyzer-dark-zoomed.png"_s)));
}

void WidgetTest::clickAsksForTheHistory() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(
        a->session()->setSelection(RangeSelection::between(SpikeFrom - 1800, SpikeFrom + 1799)));
    a->scrollToChart(2);
    QVERIFY(waitForCharts());
    QSignalSpy history(m_window.get(), &AnalyzerWindow::historyRequested);
    ChartView *view = a->chartView(2);
    const ChartData &data = view->analyzerChart()->chartData();
    const std::int64_t at = SpikeFrom + 100;
    const auto pos = view->positionOf(at, 140);
    QVERIFY(pos);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, *pos);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().at(0).value<NodeId>(), 2u);
    const QDateTime when = history.first().at(1).toDateTime();
    // Within the column under the pointer (a click snaps to a drawn point).
    QVERIFY2(std::abs(when.toSecsSinceEpoch() - at) <= 3 * data.grid.columnSeconds,
             qPrintable(when.toString(Qt::ISODate)));

    // On the cluster's chart: node 0.
    a->scrollToChart(ClusterNode);
    QVERIFY(waitForCharts());
    ChartView *cluster = a->chartView(ClusterNode);
    const auto clusterPos = cluster->positionOf(SpikeFrom - 900, 50);
    QVERIFY(clusterPos);
    QTest::mouseClick(cluster->viewport(), Qt::LeftButton, {}, *clusterPos);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.last().at(0).value<NodeId>(), ClusterNode);
    QVERIFY(std::abs(history.last().at(1).toDateTime().toSecsSinceEpoch() - (SpikeFrom - 900)) <=
            3 * data.grid.columnSeconds);
    // Off the plot (the title): nothing.
    QTest::mouseClick(cluster->viewport(), Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(history.size(), 2);
}

void WidgetTest::dragZoomsAndRightClickResets() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(a->session()->setSelection(RangeSelection::all()));
    QVERIFY(waitForCharts());
    ChartView *view = a->chartView(ClusterNode);
    const auto from = view->positionOf(Start + 3600, 50);
    const auto to = view->positionOf(Start + 7200, 50);
    QVERIFY(from && to);
    QSignalSpy history(a, &AnalyzerWidget::historyRequested);
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, *from);
    QTest::mouseMove(view->viewport(), (*from + *to) / 2);
    QTest::mouseMove(view->viewport(), *to);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, *to);
    QCOMPARE(history.size(), 0); // a drag is not a click
    const auto zoom = a->session()->zoom();
    QVERIFY(zoom);
    const std::int64_t slack = view->analyzerChart()->chartData().grid.columnSeconds * 2;
    QVERIFY2(std::abs(zoom->first - (Start + 3600)) <= slack,
             qPrintable(QString::number(zoom->first - Start)));
    QVERIFY(std::abs(zoom->last - (Start + 7200)) <= slack);
    QVERIFY(waitForCharts());
    QCOMPARE(view->analyzerChart()->chartData().range, *zoom);
    // Every chart follows the zoom.
    for (const ChartData &chart : a->shownCharts())
        QCOMPARE(chart.range, *zoom);

    QTest::mouseClick(view->viewport(), Qt::RightButton, {}, *from);
    QVERIFY(!a->session()->zoom());
    QVERIFY(waitForCharts());
    QCOMPARE(view->analyzerChart()->chartData().range, (TimeRange{Start, Start + Length - 1}));
}

void WidgetTest::wheelZoomsAroundThePointer() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(a->session()->setSelection(RangeSelection::all()));
    QVERIFY(waitForCharts());
    ChartView *view = a->chartView(ClusterNode);
    const std::int64_t at = Start + 4 * 3600;
    const auto pos = view->positionOf(at, 50);
    QVERIFY(pos);
    QWheelEvent wheel(QPointF(*pos), view->viewport()->mapToGlobal(QPointF(*pos)), QPoint(),
                      QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    const auto zoom = a->session()->zoom();
    QVERIFY(zoom);
    // Two notches: 0.64 of the span, the time under the pointer stays put.
    QVERIFY(std::abs((zoom->last - zoom->first + 1) - static_cast<std::int64_t>(Length * 0.64)) <
            60);
    QVERIFY(zoom->first < at && zoom->last > at);
    const double before = static_cast<double>(at - Start) / Length;
    const double after = static_cast<double>(at - zoom->first) / (zoom->last - zoom->first + 1);
    QVERIFY(std::abs(before - after) < 0.01);
}

void WidgetTest::rangeControls() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(waitForCharts());
    auto *combo = a->findChild<QComboBox *>();
    QVERIFY(combo);
    QSignalSpy ranges(a->session(), &AnalyzerSession::rangeChanged);
    combo->setCurrentIndex(3); // everything
    emit combo->activated(3);
    QCOMPARE(ranges.size(), 1);
    QVERIFY(waitForCharts());
    const ChartData &data = a->chartView(ClusterNode)->analyzerChart()->chartData();
    QCOMPARE(data.range, (TimeRange{Start, Start + Length - 1}));
    QCOMPARE(data.grid, SeriesBuilder::plan(data.range, data.widthPx));
    // Custom: the two time fields and Show; a bad range changes nothing.
    combo->setCurrentIndex(4);
    emit combo->activated(4);
    auto edits = a->findChildren<QDateTimeEdit *>();
    QCOMPARE(edits.size(), 2);
    QVERIFY(edits[0]->isVisible());
    edits[0]->setDateTime(QDateTime::fromSecsSinceEpoch(Start + 7200));
    edits[1]->setDateTime(QDateTime::fromSecsSinceEpoch(Start + 3600));
    QPushButton *show = nullptr;
    for (QPushButton *button : a->findChildren<QPushButton *>()) {
        if (button->text() == u"Show")
            show = button;
    }
    QVERIFY(show && show->isVisible());
    QSignalSpy errors(a, &AnalyzerWidget::errorOccurred);
    show->click();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(ranges.size(), 1);
    edits[1]->setDateTime(QDateTime::fromSecsSinceEpoch(Start + 10800));
    show->click();
    QCOMPARE(ranges.size(), 2);
    QVERIFY(waitForCharts());
    QCOMPARE(a->chartView(ClusterNode)->analyzerChart()->chartData().range,
             (TimeRange{Start + 7200, Start + 10800}));
    auto *follow = a->findChild<QCheckBox *>();
    QVERIFY(follow && !follow->isEnabled()); // a fixed range does not move
}

void WidgetTest::thresholdRedrawsWithoutQuerying() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(a->session()->setSelection(RangeSelection::all()));
    QVERIFY(waitForCharts());
    a->scrollToChart(2);
    QVERIFY(waitForCharts());
    ChartView *view = a->chartView(2);
    const ChartData before = view->analyzerChart()->chartData();
    QVERIFY(!before.abovePieces.isEmpty());
    auto *spin = a->findChild<QSpinBox *>();
    QVERIFY(spin);
    QVERIFY(spin->toolTip().contains(u"per CPU"_s));
    spin->setValue(500);
    const ChartData &after = view->analyzerChart()->chartData();
    QCOMPARE(after.threshold, 500.0);
    QVERIFY(after.abovePieces.isEmpty());
    QCOMPARE(after.load, before.load); // the same points: no query
    QCOMPARE(a->session()->threshold(), 500.0);
}

void WidgetTest::pickerHidesCharts() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(waitForCharts());
    QAbstractItemModel *nodes = a->nodeView()->model();
    QVERIFY(nodes->setData(nodes->index(3, 0), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(!a->chartView(3)->isVisibleTo(a));
    const QList<ChartData> shown = a->shownCharts();
    QCOMPARE(shown.size(), 4);
    for (const ChartData &c : shown)
        QVERIFY(c.node != 3);
    QVERIFY(nodes->setData(nodes->index(3, 0), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(a->chartView(3)->isVisibleTo(a));
}

void WidgetTest::followsAWriter() {
    const QString path = m_dir.filePath(u"live.db"_s);
    auto writer = StoreWriter::open(writerOptions(path));
    QVERIFY(writer);
    QVERIFY(writeTicks(**writer, Start, Start + 1800, 2));
    QVERIFY(await((*writer)->flush()));
    openWindow(path);
    AnalyzerWidget *a = m_window->analyzer();
    a->session()->setPollInterval(std::chrono::milliseconds(100));
    QVERIFY(waitForCharts());
    ChartView *cluster = a->chartView(ClusterNode);
    const ChartData first = cluster->analyzerChart()->chartData();
    QCOMPARE(first.load.last().t, Start + 1799);

    // Nothing written: polling changes nothing.
    auto polled = a->session()->poll();
    QVERIFY(polled && !*polled);
    QCOMPARE(cluster->analyzerChart()->chartData().load, first.load);

    // New rows and a new node: the charts grow at their tails, a chart appears.
    QVERIFY(writeTicks(**writer, Start + 1800, Start + 1830, 3));
    QVERIFY(await((*writer)->flush()));
    QTRY_VERIFY_WITH_TIMEOUT(cluster->analyzerChart()->chartData().load.last().t == Start + 1829,
                             20000);
    const ChartData grown = cluster->analyzerChart()->chartData();
    QCOMPARE(grown.range, (TimeRange{Start + 1830 - 3600, Start + 1829}));
    QCOMPARE(grown.grid.columnSeconds, first.grid.columnSeconds);
    // What was there before, and is still in the range, is kept as it was.
    int kept = 0;
    for (const SeriesPoint &p : first.load) {
        if (p.t >= grown.grid.first + grown.grid.columnSeconds && p.t < Start + 1790) {
            QVERIFY2(grown.load.contains(p), qPrintable(QString::number(p.t - Start)));
            ++kept;
        }
    }
    QVERIFY(kept > 100);
    QTRY_VERIFY_WITH_TIMEOUT(a->chartView(3) != nullptr, 20000);
    QVERIFY(m_window->grab().save(screenshotPath(u"analyzer-live.png"_s)));
    (*writer)->close();
}

void WidgetTest::exportsPng() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(a->session()->setSelection(RangeSelection::all()));
    QVERIFY(waitForCharts());
    const QString path = m_dir.filePath(u"charts.png"_s);
    auto done = a->exportPng(path);
    QVERIFY2(done, done ? "" : qPrintable(done.error()));
    QImage image(path);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 1000);
    // Five charts and the table, one under the other.
    QVERIFY(image.height() > 5 * ChartReport::ChartHeight * image.width() / 1000);
    const ChartStyle paper = ChartStyle::paper();
    QVERIFY(countPixels(image, paper.above, 30) > 20);   // the spike
    QVERIFY(countPixels(image, paper.load, 30) > 500);   // load lines
    QVERIFY(countPixels(image, paper.memory, 30) > 500); // memory lines
    image.save(screenshotPath(u"analyzer-export.png"_s));
}

void WidgetTest::exportsPdfAndPrints() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(waitForCharts());
    const QString path = m_dir.filePath(u"charts.pdf"_s);
    auto done = a->exportPdf(path);
    QVERIFY2(done, done ? "" : qPrintable(done.error()));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    QVERIFY(bytes.count("/Type /Page\n") + bytes.count("/Type /Page ") +
                bytes.count("/Type /Page/") >=
            1);
    QVERIFY(bytes.size() > 20000); // five charts as pictures

    // The same through a printer writing a PDF.
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString printed = m_dir.filePath(u"printed.pdf"_s);
    printer.setOutputFileName(printed);
    auto ok = a->print(printer);
    QVERIFY2(ok, ok ? "" : qPrintable(ok.error()));
    QFile out(printed);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QVERIFY(out.readAll().startsWith("%PDF-"));
}

void WidgetTest::exportsCsv() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(a->session()->setSelection(RangeSelection::all()));
    QVERIFY(waitForCharts());
    const QString path = m_dir.filePath(u"charts.csv"_s);
    auto files = a->exportCsv(path);
    QVERIFY2(files, files ? "" : qPrintable(files.error()));
    QCOMPARE(*files, csvExportFiles(path));
    QCOMPARE(files->at(1), m_dir.filePath(u"charts-statistics.csv"_s));

    const QList<ChartData> shown = a->shownCharts();
    qsizetype points = 0;
    for (const ChartData &c : shown)
        points += c.load.size() + c.memory.size();
    const QList<QStringList> rows = readCsv(files->at(0));
    QCOMPARE(rows.size(), points + 1);
    QCOMPARE(rows.first(), (QStringList{u"node"_s, u"name"_s, u"metric"_s, u"time"_s,
                                        u"unix_time"_s, u"value"_s, u"gap_before"_s}));
    double node2Peak = 0;
    for (const QStringList &row : rows.mid(1)) {
        QCOMPARE(row.size(), 7);
        bool ok = false;
        const std::int64_t t = row[4].toLongLong(&ok);
        QVERIFY(ok && t >= Start && t < Start + Length);
        QCOMPARE(QDateTime::fromString(row[3], Qt::ISODate).toSecsSinceEpoch(), t);
        const double v = row[5].toDouble(&ok);
        QVERIFY(ok);
        if (row[0] == u"2" && row[2] == u"load")
            node2Peak = std::max(node2Peak, v);
    }
    QCOMPARE(node2Peak, expected(2, Metric::Load, Start, Start + Length - 1).max);

    const QList<QStringList> stats = readCsv(files->at(1));
    QCOMPARE(stats.size(), 1 + 5);
    QCOMPARE(stats.first().at(5), u"load_max"_s);
    for (const QStringList &row : stats.mid(1)) {
        const auto node = static_cast<NodeId>(row[0].toUInt());
        const Expected load = expected(node, Metric::Load, Start, Start + Length - 1);
        QCOMPARE(row[2].toLongLong(), load.samples);
        QVERIFY(std::abs(row[5].toDouble() - load.max) < 0.001);
        QVERIFY(std::abs(row[4].toDouble() - load.avg()) < 0.001);
    }
}

void WidgetTest::exportErrorsLeaveNothing() {
    AnalyzerWidget *a = m_window->analyzer();
    QVERIFY(waitForCharts());
    const QString nowhere = m_dir.filePath(u"no/such/dir/charts"_s);
    for (const QString &suffix : {u".png"_s, u".pdf"_s, u".csv"_s}) {
        const QString path = nowhere + suffix;
        QString error;
        if (suffix == u".png")
            error = a->exportPng(path).error();
        else if (suffix == u".pdf")
            error = a->exportPdf(path).error();
        else
            error = a->exportCsv(path).error();
        QVERIFY2(error.contains(u"no/such/dir"_s), qPrintable(error));
        QVERIFY(!QFile::exists(path));
    }
    QVERIFY(!QDir(m_dir.filePath(u"no"_s)).exists());
    // A closed widget exports nothing.
    AnalyzerWidget empty;
    QVERIFY(!empty.exportCsv(m_dir.filePath(u"x.csv"_s)));
    QVERIFY(!QFile::exists(m_dir.filePath(u"x.csv"_s)));
}

void WidgetTest::printPreviewHasPages() {
    QVERIFY(waitForCharts());
    QPrintPreviewDialog *dialog = m_window->showPrintPreview();
    QVERIFY(dialog);
    auto *preview = dialog->findChild<QPrintPreviewWidget *>();
    QVERIFY(preview);
    QTRY_VERIFY_WITH_TIMEOUT(preview->pageCount() >= 1, 30000);
    QVERIFY(dialog->grab().save(screenshotPath(u"analyzer-print-preview.png"_s)));
    dialog->close();
}

QTEST_MAIN(WidgetTest)
#include "tst_widget.moc"
