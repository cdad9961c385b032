// history.window: the browser window on a real database, driven as a user
// would: slider, keyboard, node picker, chart clicks and drags, the ranking
// tab, showMoment; its messages for gaps, empty and missing databases; the
// settings it remembers; screenshots in light and dark palettes for review.
#include "historytestsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <omview/history/cpurankingmodel.h>
#include <omview/history/historysession.h>
#include <omview/history/historywindow.h>
#include <omview/history/loadchartview.h>
#include <omview/history/processsnapshotmodel.h>
#include <omview/history/textformat.h>
#include <omview/history/timeline.h>
#include <omview/store/collectorstore.h>

using namespace omview::history;
using namespace historytest;
using Tester = QAbstractItemModelTester;

namespace {

template<class T> T *child(const QWidget &window, const char *name) {
    T *found = window.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no %s", name);
    return found;
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1f, 0x21, 0x24), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x44, 0x46, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3c, 0x40));
    p.setColor(QPalette::Mid, QColor(0x33, 0x35, 0x39));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

void screenshot(QWidget &widget, const QString &name) {
    QApplication::processEvents();
    const QString file = screenshotDir() + u'/' + name;
    QVERIFY2(widget.grab().save(file), qPrintable(file));
    qInfo("screenshot: %s", qPrintable(file));
}

QList<StoredProcess> shownProcesses(const HistoryWindow &window) {
    QList<StoredProcess> rows = window.session()->processes()->processes();
    for (StoredProcess &row : rows)
        row.procId = 0;
    return rows;
}

// The rows the window's process table shows, as (node, pid).
QList<std::pair<NodeId, int>> tableRows(const QTableView &view) {
    QList<std::pair<NodeId, int>> out;
    for (int row = 0; row < view.model()->rowCount(); ++row) {
        const QModelIndex index = view.model()->index(row, 0);
        out.append({index.data(ProcessSnapshotModel::NodeRole).toUInt(),
                    index.data(ProcessSnapshotModel::PidRole).toInt()});
    }
    std::sort(out.begin(), out.end());
    return out;
}

QList<std::pair<NodeId, int>> expectedRows(std::optional<NodeId> scope, std::int64_t t,
                                           bool guests = false) {
    QList<std::pair<NodeId, int>> out;
    for (const StoredProcess &p : expectedAt(scope, t)) {
        if (guests || !p.sample.guest)
            out.append({p.node, p.sample.pid});
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace

class WindowTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void opensAtTheNewestSnapshot();
    void sliderAndKeyboardStepThroughSnapshots();
    void steppingKeepsSelectionAndScroll();
    void nodePickerScopesEverything();
    void showMomentPicksTheSnapshotAtOrBefore();
    void chartClicksAndDrags();
    void rankingTab();
    void gapEmptyAndMissingDatabasesAreExplained();
    void settingsAreRemembered();
    void screenshotsInLightAndDarkPalettes();

private:
    QTemporaryDir m_dir;
    QString m_path;
    QString m_emptyPath;
};

void WindowTest::initTestCase() {
    QVERIFY(m_dir.isValid());
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(QApplication::style()->standardPalette());
    QCoreApplication::setOrganizationName(QStringLiteral("omview-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("history-window"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    m_path = m_dir.filePath(QStringLiteral("cluster.db"));
    QVERIFY(writeCluster(m_path));
    m_emptyPath = m_dir.filePath(QStringLiteral("empty.db"));
    QVERIFY(writeEmpty(m_emptyPath));
}

void WindowTest::init() {
    QSettings().clear();
}

void WindowTest::opensAtTheNewestSnapshot() {
    HistoryWindow window;
    auto opened = window.openDatabase(m_path);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *view = child<QTableView>(window, "processView");
    Tester tester(view->model(), Tester::FailureReportingMode::QtTest);
    const std::int64_t newest = End - Interval;
    QCOMPARE(window.session()->cursor().snapshot().t, newest);
    QCOMPARE(tableRows(*view), expectedRows(std::nullopt, newest));
    QVERIFY(window.windowTitle().contains(QStringLiteral("cluster.db")));
    QVERIFY(child<QLabel>(window, "notice")->isHidden());
    auto *slider = child<QSlider>(window, "timeSlider");
    const Timeline &timeline = window.session()->timeline();
    QCOMPARE(slider->maximum(), timeline.sliderMaximum());
    QCOMPARE(timeline.time(slider->maximum()), End - 1);
    QCOMPARE(slider->value(), timeline.position(newest));
    auto *chart = child<LoadChartView>(window, "loadChart");
    // The outage breaks the line in two.
    QTRY_VERIFY(chart->chart()->series().size() >= 2);
    QCOMPARE(child<QComboBox>(window, "nodeCombo")->count(), 4);
    QVERIFY(child<QLabel>(window, "statusLabel")->text().contains(QStringLiteral("cluster.db")));
}

void WindowTest::sliderAndKeyboardStepThroughSnapshots() {
    HistoryWindow window;
    QVERIFY(window.openDatabase(m_path));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    auto *slider = child<QSlider>(window, "timeSlider");
    auto *view = child<QTableView>(window, "processView");
    const HistorySession &session = *window.session();
    const Timeline &timeline = session.timeline();

    slider->setValue(timeline.position(S + 305));
    QCOMPARE(session.cursor().asked(), S + 305);
    QCOMPARE(session.cursor().snapshot().t, S + 300);
    QCOMPARE(tableRows(*view), expectedRows(std::nullopt, S + 300));
    QCOMPARE(child<QDateTimeEdit>(window, "momentEdit")->dateTime().toSecsSinceEpoch(), S + 305);
    QVERIFY(child<QLabel>(window, "snapshotLabel")->text().contains(timeText(S + 300)));

    QTest::keyClick(&window, Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(session.cursor().snapshot().t, S + 310);
    QCOMPARE(slider->value(), timeline.position(S + 310));
    QCOMPARE(tableRows(*view), expectedRows(std::nullopt, S + 310));
    QTest::keyClick(&window, Qt::Key_Left, Qt::ControlModifier);
    QTest::keyClick(&window, Qt::Key_Left, Qt::ControlModifier);
    QCOMPARE(session.cursor().snapshot().t, S + 290);
    QTest::keyClick(&window, Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(session.cursor().snapshot().t, S);
    QTest::keyClick(&window, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(session.cursor().snapshot().t, End - Interval);

    // The slider's own arrow keys go from snapshot to snapshot too.
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_Left);
    QCOMPARE(session.cursor().snapshot().t, End - 2 * Interval);
    QCOMPARE(slider->value(), timeline.position(End - 2 * Interval));
    QTest::keyClick(slider, Qt::Key_Right);
    QCOMPARE(session.cursor().snapshot().t, End - Interval);

    // The buttons beside it, and what they allow.
    auto *next = child<QToolButton>(window, "nextButton");
    auto *previous = child<QToolButton>(window, "previousButton");
    QVERIFY(!next->isEnabled());
    QVERIFY(previous->isEnabled());
    QTest::mouseClick(previous, Qt::LeftButton);
    QCOMPARE(session.cursor().snapshot().t, End - 2 * Interval);
    QVERIFY(next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
    QCOMPARE(session.cursor().snapshot().t, End - Interval);

    // A moment typed into the field.
    auto *moment = child<QDateTimeEdit>(window, "momentEdit");
    moment->setDateTime(QDateTime::fromSecsSinceEpoch(S + 777));
    emit moment->editingFinished();
    QCOMPARE(session.cursor().snapshot().t, S + 770);
    QCOMPARE(slider->value(), timeline.position(S + 777));
}

void WindowTest::steppingKeepsSelectionAndScroll() {
    HistoryWindow window;
    QVERIFY(window.openDatabase(m_path));
    window.resize(1000, 520);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.showMoment(0, QDateTime::fromSecsSinceEpoch(S + 400));
    auto *view = child<QTableView>(window, "processView");
    QAbstractItemModel *shown = view->model();
    Tester tester(shown, Tester::FailureReportingMode::QtTest);
    QSignalSpy resets(shown, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy sourceResets(window.session()->processes(),
                            &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(window.session()->processes(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(window.session()->processes(), &QAbstractItemModel::rowsRemoved);

    int sshd = -1;
    for (int row = 0; row < shown->rowCount(); ++row) {
        if (shown->index(row, 0).data(ProcessSnapshotModel::PidRole).toInt() == 50)
            sshd = row;
    }
    QVERIFY(sshd >= 0);
    view->selectRow(sshd);
    view->setFocus();
    QScrollBar *scroll = view->verticalScrollBar();
    QTRY_VERIFY(scroll->maximum() > 4); // the table is taller than its view
    scroll->setValue(scroll->maximum() / 2);
    const int scrolled = scroll->value();

    for (int step = 0; step < 12; ++step) {
        QTest::keyClick(&window, Qt::Key_Right, Qt::ControlModifier);
        QCOMPARE(window.session()->cursor().snapshot().t, S + 400 + (step + 1) * Interval);
        const QModelIndexList selected = view->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(ProcessSnapshotModel::PidRole).toInt(), 50);
        QCOMPARE(view->currentIndex().data(ProcessSnapshotModel::PidRole).toInt(), 50);
        QCOMPARE(scroll->value(), scrolled);
    }
    // Workers started and ended on the way: rows came and went, one by one.
    QVERIFY(inserted.size() > 0);
    QVERIFY(removed.size() > 0);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(sourceResets.size(), 0);
}

void WindowTest::nodePickerScopesEverything() {
    HistoryWindow window;
    QVERIFY(window.openDatabase(m_path));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showMoment(0, QDateTime::fromSecsSinceEpoch(S + 455));
    auto *combo = child<QComboBox>(window, "nodeCombo");
    auto *view = child<QTableView>(window, "processView");
    auto *chart = child<LoadChartView>(window, "loadChart");
    QCOMPARE(combo->currentData().toUInt(), 0u);
    QCOMPARE(tableRows(*view), expectedRows(std::nullopt, S + 450));

    combo->setCurrentIndex(combo->findData(2u));
    QCOMPARE(window.session()->scope(), 2u);
    QCOMPARE(window.session()->cursor().asked(), S + 455);
    QCOMPARE(tableRows(*view), expectedRows(2, S + 450));
    QVERIFY(child<QLabel>(window, "statusLabel")->text().contains(QStringLiteral("beta")));
    QTRY_VERIFY(!chart->chart()->series().isEmpty());
    for (int row = 0; row < window.session()->ranking()->rowCount(); ++row)
        QCOMPARE(
            window.session()->ranking()->index(row, 0).data(CpuRankingModel::NodeRole).toUInt(),
            2u);
    // Guests on: node 2's guest appears, in italics.
    child<QAction>(window, "showGuestsAction")->setChecked(true);
    QCOMPARE(tableRows(*view), expectedRows(2, S + 450, true));
    QVERIFY(QSettings().value(QStringLiteral("history/node")).toUInt() == 2u);

    combo->setCurrentIndex(combo->findData(0u));
    QVERIFY(!window.session()->scope());
    QCOMPARE(tableRows(*view), expectedRows(std::nullopt, S + 450, true));
}

void WindowTest::showMomentPicksTheSnapshotAtOrBefore() {
    HistoryWindow window;
    QVERIFY(window.openDatabase(m_path));
    auto *tabs = child<QTabWidget>(window, "tabs");
    tabs->setCurrentIndex(1);
    window.showMoment(1, QDateTime::fromSecsSinceEpoch(S + 347));
    QVERIFY(window.isVisible());
    QCOMPARE(tabs->currentIndex(), 0);
    QCOMPARE(window.session()->scope(), 1u);
    QCOMPARE(child<QComboBox>(window, "nodeCombo")->currentData().toUInt(), 1u);
    QCOMPARE(window.session()->cursor().snapshot().t, S + 340);
    QCOMPARE(tableRows(*child<QTableView>(window, "processView")), expectedRows(1, S + 340));
    QCOMPARE(shownProcesses(window).size(), expectedAt(1, S + 340).size());

    window.showMoment(0, QDateTime::fromSecsSinceEpoch(S + 500));
    QVERIFY(!window.session()->scope());
    QCOMPARE(window.session()->cursor().snapshot().t, S + 500);
    // A node this database does not know: said so, nothing shown.
    window.showMoment(9, QDateTime::fromSecsSinceEpoch(S + 500));
    QCOMPARE(window.session()->scope(), 9u);
    QCOMPARE(window.session()->processes()->rowCount(), 0);
    QVERIFY(child<QLabel>(window, "notice")->isVisible());
    QVERIFY(child<QLabel>(window, "notice")->text().contains(QStringLiteral("node 9")));
}

void WindowTest::chartClicksAndDrags() {
    HistoryWindow window;
    QVERIFY(window.openDatabase(m_path));
    window.resize(1100, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *chart = child<LoadChartView>(window, "loadChart");
    auto *tabs = child<QTabWidget>(window, "tabs");
    QTRY_VERIFY(chart->plotRect().width() > 200);
    const int y = chart->plotRect().center().y();

    const int x = chart->xOf(S + 600);
    QVERIFY(std::abs(chart->timeAt(x) - (S + 600)) <= 5);
    tabs->setCurrentIndex(1);
    QTest::mouseClick(chart->viewport(), Qt::LeftButton, {}, QPoint(x, y));
    QCOMPARE(tabs->currentIndex(), 0);
    const std::int64_t clicked = chart->timeAt(x);
    QCOMPARE(window.session()->cursor().asked(), clicked);
    QCOMPARE(window.session()->cursor().snapshot().t, clicked - clicked % Interval);

    const int x1 = chart->xOf(S + 200);
    const int x2 = chart->xOf(S + 400);
    QTest::mousePress(chart->viewport(), Qt::LeftButton, {}, QPoint(x1, y));
    QTest::mouseMove(chart->viewport(), QPoint((x1 + x2) / 2, y));
    QTest::mouseMove(chart->viewport(), QPoint(x2, y));
    QTest::mouseRelease(chart->viewport(), Qt::LeftButton, {}, QPoint(x2, y));
    QCOMPARE(tabs->currentIndex(), 1);
    const auto interval = window.session()->interval();
    QVERIFY(interval);
    QCOMPARE(interval->first, chart->timeAt(x1));
    QCOMPARE(interval->last, chart->timeAt(x2));
    auto store = CollectorStore::open(m_path);
    QVERIFY(store);
    auto top = (*store)->topCpu(std::nullopt, interval->first, interval->last, 500);
    QVERIFY(top);
    QCOMPARE(window.session()->ranking()->rowCount(), top->size());
    QCOMPARE(child<QDateTimeEdit>(window, "rankFrom")->dateTime().toSecsSinceEpoch(),
             interval->first);
    QCOMPARE(child<QDateTimeEdit>(window, "rankTo")->dateTime().toSecsSinceEpoch(), interval->last);
}

void WindowTest::rankingTab() {
    HistoryWindow window;
    QVERIFY(window.openDatabase(m_path));
    window.resize(1100, 760);
    window.showCpuRanking(0, QDateTime::fromSecsSinceEpoch(S + 200),
                          QDateTime::fromSecsSinceEpoch(S + 400));
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(child<QTabWidget>(window, "tabs")->currentIndex(), 1);
    auto *view = child<QTableView>(window, "rankingView");
    Tester tester(view->model(), Tester::FailureReportingMode::QtTest);
    // Sorted by rank: compile (200 s of CPU), render (180 s), then the workers.
    QCOMPARE(view->model()->index(0, 0).data(CpuRankingModel::CommandRole).toString(),
             QStringLiteral("compile"));
    QCOMPARE(view->model()->index(0, 0).data(CpuRankingModel::CpuTimeRole).toLongLong(), 200000);
    QCOMPARE(view->model()->index(1, 0).data(CpuRankingModel::CommandRole).toString(),
             QStringLiteral("render"));
    QCOMPARE(view->model()->index(1, CpuRankingModel::CpuTimeColumn).data().toString(),
             QStringLiteral("3:00"));
    QVERIFY(!child<QLabel>(window, "rankingSummary")->text().isEmpty());
    QVERIFY(child<QLabel>(window, "rankingNotice")->isHidden());

    // Sorting by another column, then filtering by user.
    view->sortByColumn(CpuRankingModel::PidColumn, Qt::AscendingOrder);
    QCOMPARE(view->model()->index(0, 0).data(CpuRankingModel::PidRole).toInt(), 50);
    child<QLineEdit>(window, "userFilter")->setText(QStringLiteral("bob"));
    QCOMPARE(view->model()->rowCount(), 1);
    child<QLineEdit>(window, "userFilter")->clear();
    view->sortByColumn(CpuRankingModel::RankColumn, Qt::AscendingOrder);

    // The interval typed into the fields.
    auto *from = child<QDateTimeEdit>(window, "rankFrom");
    auto *to = child<QDateTimeEdit>(window, "rankTo");
    from->setDateTime(QDateTime::fromSecsSinceEpoch(S + 300));
    emit from->editingFinished();
    QCOMPARE(window.session()->interval(), (TimeRange{S + 300, S + 400}));
    QCOMPARE(view->model()->index(0, 0).data(CpuRankingModel::CpuTimeRole).toLongLong(), 100000);
    from->setDateTime(QDateTime::fromSecsSinceEpoch(S + 200));
    emit from->editingFinished();
    QCOMPARE(to->dateTime().toSecsSinceEpoch(), S + 400);
    screenshot(window, QStringLiteral("history-ranking.png"));
}

void WindowTest::gapEmptyAndMissingDatabasesAreExplained() {
    HistoryWindow window;
    QVERIFY(window.openDatabase(m_path));
    window.resize(1100, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showMoment(0, QDateTime::fromSecsSinceEpoch(S + 1300));
    auto *notice = child<QLabel>(window, "notice");
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(timeText(GapTo)), qPrintable(notice->text()));
    QCOMPARE(window.session()->cursor().snapshot().t, GapFrom - Interval);
    screenshot(window, QStringLiteral("history-gap.png"));
    window.showMoment(0, QDateTime::fromSecsSinceEpoch(GapTo + 5));
    QVERIFY(notice->isHidden());

    // A file that does not exist: said so; what was shown stays.
    auto failed = window.openDatabase(m_dir.filePath(QStringLiteral("missing/none.db")));
    QVERIFY(!failed);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("none.db")), qPrintable(notice->text()));
    QCOMPARE(window.session()->path(), m_path);
    QCOMPARE(window.session()->cursor().snapshot().t, GapTo);
    // The next move forgets the failed open.
    window.showMoment(0, QDateTime::fromSecsSinceEpoch(S + 100));
    QVERIFY(notice->isHidden());

    HistoryWindow empty;
    QVERIFY(empty.openDatabase(m_emptyPath));
    empty.resize(1100, 600);
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    auto *emptyNotice = child<QLabel>(empty, "notice");
    QVERIFY(emptyNotice->isVisible());
    QVERIFY2(emptyNotice->text().contains(QStringLiteral("no data yet")),
             qPrintable(emptyNotice->text()));
    QVERIFY(!child<QSlider>(empty, "timeSlider")->isEnabled());
    QCOMPARE(child<QTableView>(empty, "processView")->model()->rowCount(), 0);
    QVERIFY(!child<QToolButton>(empty, "nextButton")->isEnabled());
    screenshot(empty, QStringLiteral("history-empty.png"));
}

void WindowTest::settingsAreRemembered() {
    {
        HistoryWindow window;
        QVERIFY(window.openDatabase(m_path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *combo = child<QComboBox>(window, "nodeCombo");
        combo->setCurrentIndex(combo->findData(2u));
        auto *view = child<QTableView>(window, "processView");
        // Hide "Memory" through the View menu's column toggles.
        QMenu *columns = nullptr;
        for (QMenu *menu : window.findChildren<QMenu *>()) {
            if (menu->title().contains(QStringLiteral("Process")))
                columns = menu;
        }
        QVERIFY(columns);
        emit columns->aboutToShow();
        for (QAction *toggle : columns->actions()) {
            if (toggle->data().toInt() == ProcessSnapshotModel::MemoryColumn)
                toggle->setChecked(false);
        }
        QVERIFY(view->horizontalHeader()->isSectionHidden(ProcessSnapshotModel::MemoryColumn));
        window.resize(900, 640);
        QTRY_COMPARE(window.size(), QSize(900, 640));
        window.close();
    }
    HistoryWindow again;
    QVERIFY(again.openDatabase(m_path));
    QCOMPARE(again.session()->scope(), 2u);
    QCOMPARE(child<QComboBox>(again, "nodeCombo")->currentData().toUInt(), 2u);
    auto *view = child<QTableView>(again, "processView");
    QVERIFY(view->horizontalHeader()->isSectionHidden(ProcessSnapshotModel::MemoryColumn));
    QVERIFY(!view->horizontalHeader()->isSectionHidden(ProcessSnapshotModel::CpuColumn));
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), QSize(900, 640));
    // Another database without that node: every node.
    HistoryWindow other;
    QVERIFY(other.openDatabase(m_emptyPath));
    QVERIFY(!other.session()->scope());
}

void WindowTest::screenshotsInLightAndDarkPalettes() {
    const QPalette light = QApplication::palette();
    HistoryWindow window;
    QVERIFY(window.openDatabase(m_path));
    window.resize(1100, 760);
    child<QAction>(window, "showGuestsAction")->setChecked(true); // guests in italics
    window.showMoment(0, QDateTime::fromSecsSinceEpoch(S + 455));
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Something selected, as people leave it.
    auto *view = child<QTableView>(window, "processView");
    view->selectRow(1);
    QTRY_VERIFY(!child<LoadChartView>(window, "loadChart")->chart()->series().isEmpty());
    screenshot(window, QStringLiteral("history-light.png"));

    QApplication::setPalette(darkPalette());
    QApplication::processEvents();
    screenshot(window, QStringLiteral("history-dark.png"));
    child<QTabWidget>(window, "tabs")->setCurrentIndex(1);
    window.session()->setInterval(S + 200, S + 400);
    screenshot(window, QStringLiteral("history-ranking-dark.png"));
    QApplication::setPalette(light);
}

QTEST_MAIN(WindowTest)
#include "tst_window.moc"
