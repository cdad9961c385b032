#include "logging.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWhatsThis>
#include <omview/history/cpurankingmodel.h>
#include <omview/history/historysession.h>
#include <omview/history/historywindow.h>
#include <omview/history/loadchartview.h>
#include <omview/history/processfiltermodel.h>
#include <omview/history/processsnapshotmodel.h>
#include <omview/history/textformat.h>

namespace omview::history {

using store::NodeId;

namespace {

const QString SettingsGroup = QStringLiteral("history");
const QString TimeFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");

QColor blend(const QColor &a, const QColor &b, double amount) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * amount),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * amount),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * amount));
}

QString processCount(int count) {
    return count == 1 ? HistoryWindow::tr("one process")
                      : HistoryWindow::tr("%n processes", nullptr, count);
}

QDateTimeEdit *timeEdit(QWidget *parent) {
    auto *edit = new QDateTimeEdit(parent);
    edit->setDisplayFormat(TimeFormat);
    edit->setCalendarPopup(true);
    edit->setKeyboardTracking(false);
    return edit;
}

} // namespace

HistoryWindow::HistoryWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new HistorySession(this))
    , m_processFilter(new ProcessFilterModel(
          {ProcessSnapshotModel::UserNameRole, ProcessSnapshotModel::CommandRole,
           ProcessSnapshotModel::CommandLineRole, ProcessSnapshotModel::GuestRole,
           ProcessSnapshotModel::SortRole},
          this))
    , m_rankingFilter(new ProcessFilterModel(
          {CpuRankingModel::UserNameRole, CpuRankingModel::CommandRole,
           CpuRankingModel::CommandLineRole, CpuRankingModel::GuestRole, CpuRankingModel::SortRole},
          this)) {
    setObjectName(QStringLiteral("historyWindow"));
    setWindowTitle(tr("Process History"));
    m_processFilter->setSourceModel(m_session->processes());
    m_rankingFilter->setSourceModel(m_session->ranking());
    // The ranking query decides about guests; its filter shows what it got.
    m_rankingFilter->setShowGuests(true);

    buildActions();
    buildWidgets();
    buildMenus();

    connect(m_session, &HistorySession::opened, this, &HistoryWindow::onOpened);
    connect(m_session, &HistorySession::rangeChanged, this, &HistoryWindow::onRangeChanged);
    connect(m_session, &HistorySession::scopeChanged, this, [this] {
        fillNodes();
        reloadCurve();
    });
    connect(m_session, &HistorySession::positionChanged, this, &HistoryWindow::onPosition);
    connect(m_session, &HistorySession::intervalChanged, this, &HistoryWindow::onInterval);
    connect(m_session, &HistorySession::noticeChanged, this, [this] {
        // A failed open is old news once the session shows something else.
        m_openError.clear();
        onNotice();
    });
    for (QAbstractItemModel *model : {static_cast<QAbstractItemModel *>(m_processFilter),
                                      static_cast<QAbstractItemModel *>(m_rankingFilter)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &HistoryWindow::updateStatus);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &HistoryWindow::updateStatus);
        connect(model, &QAbstractItemModel::modelReset, this, &HistoryWindow::updateStatus);
    }

    m_curveTimer = new QTimer(this);
    m_curveTimer->setSingleShot(true);
    m_curveTimer->setInterval(150);
    connect(m_curveTimer, &QTimer::timeout, this, &HistoryWindow::reloadCurve);
    // A collector may still be writing: pick up new data now and then.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(10000);
    connect(m_refreshTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            m_session->refresh();
    });
    m_refreshTimer->start();

    restoreSettings();
    styleNotice();
    onOpened();
}

HistoryWindow::~HistoryWindow() = default;

void HistoryWindow::buildActions() {
    auto action = [this](const char *name, const QString &text, const QKeySequence &key,
                         const QString &whatsThis) {
        auto *a = new QAction(text, this);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        a->setWhatsThis(whatsThis);
        a->setToolTip(key.isEmpty() ? text
                                    : tr("%1 (%2)").arg(QString(text).remove(u'&').remove(u'…'),
                                                        key.toString(QKeySequence::NativeText)));
        addAction(a);
        return a;
    };
    m_openAction = action("openAction", tr("&Open Database…"), QKeySequence::Open,
                          tr("Opens another collector database or a saved copy of one."));
    m_openAction->setIcon(style()->standardIcon(QStyle::SP_DialogOpenButton));
    connect(m_openAction, &QAction::triggered, this, &HistoryWindow::chooseDatabase);
    m_refreshAction = action("refreshAction", tr("&Refresh"), QKeySequence::Refresh,
                             tr("Reads what the collector has written since the database was "
                                "opened. This also happens every few seconds."));
    m_refreshAction->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    connect(m_refreshAction, &QAction::triggered, this, &HistoryWindow::refresh);
    m_closeAction =
        action("closeAction", tr("&Close"), QKeySequence::Close, tr("Closes the history window."));
    connect(m_closeAction, &QAction::triggered, this, &QWidget::close);

    m_firstAction =
        action("firstAction", tr("&First Snapshot"), QKeySequence(Qt::CTRL | Qt::Key_Home),
               tr("Shows the first process snapshot of the chosen node."));
    m_firstAction->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    connect(m_firstAction, &QAction::triggered, m_session, &HistorySession::moveToFirst);
    m_previousAction =
        action("previousAction", tr("&Previous Snapshot"), QKeySequence(Qt::CTRL | Qt::Key_Left),
               tr("Shows the process snapshot before the one shown. The slider "
                  "steps the same way with the Left key when it has the focus."));
    m_previousAction->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    connect(m_previousAction, &QAction::triggered, m_session, &HistorySession::stepPrevious);
    m_nextAction =
        action("nextAction", tr("&Next Snapshot"), QKeySequence(Qt::CTRL | Qt::Key_Right),
               tr("Shows the process snapshot after the one shown. The slider steps "
                  "the same way with the Right key when it has the focus."));
    m_nextAction->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    connect(m_nextAction, &QAction::triggered, m_session, &HistorySession::stepNext);
    m_lastAction = action("lastAction", tr("&Last Snapshot"), QKeySequence(Qt::CTRL | Qt::Key_End),
                          tr("Shows the newest process snapshot of the chosen node."));
    m_lastAction->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    connect(m_lastAction, &QAction::triggered, m_session, &HistorySession::moveToLast);
    m_goToAction = action("goToAction", tr("&Go to Moment…"), QKeySequence(Qt::CTRL | Qt::Key_G),
                          tr("Moves the focus to the moment field: type a date and time and "
                             "press Enter to see the processes then."));
    connect(m_goToAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_momentEdit->setFocus(Qt::ShortcutFocusReason);
        m_momentEdit->setSelectedSection(QDateTimeEdit::HourSection);
    });

    m_guestsAction = action("showGuestsAction", tr("Show &Guest Processes"), {},
                            tr("A guest is a process that migrated to a node from its home node. "
                               "Its home node lists it too, with the node it runs on under "
                               "“Ran on”; so with guests hidden every process appears once. Shown, "
                               "they appear in italics and count in the CPU ranking as well."));
    m_guestsAction->setCheckable(true);
    connect(m_guestsAction, &QAction::toggled, this, [this](bool on) {
        m_processFilter->setShowGuests(on);
        m_session->setIncludeGuests(on);
        updateStatus();
    });

    m_processesTabAction = action("processesTabAction", tr("&Processes at the Moment"),
                                  QKeySequence(Qt::CTRL | Qt::Key_1),
                                  tr("Shows the table of the processes at the chosen moment."));
    m_rankingTabAction = action("rankingTabAction", tr("&CPU Ranking of an Interval"),
                                QKeySequence(Qt::CTRL | Qt::Key_2),
                                tr("Shows which processes used the most CPU time between two "
                                   "moments."));
}

void HistoryWindow::buildWidgets() {
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);

    m_notice = new QLabel(central);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setWhatsThis(tr("Says when the table cannot show exactly the moment chosen: no "
                              "data yet, a stretch without snapshots, or a failed read."));
    m_notice->hide();
    layout->addWidget(m_notice);

    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->setChildrenCollapsible(false);

    auto *top = new QWidget(m_splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(2);
    m_chart = new LoadChartView(top);
    m_chart->setObjectName(QStringLiteral("loadChart"));
    m_chart->setWhatsThis(
        tr("The load of the chosen node (or the mean of all nodes) over the whole recorded "
           "range. Dashed lines mark checkpoints; the solid line is the moment shown. Click to "
           "show the processes at a moment; drag across it to rank the processes by the CPU "
           "time they used in that interval."));
    topLayout->addWidget(m_chart, 1);

    m_sliderRow = new QWidget(top);
    auto *sliderLayout = new QHBoxLayout(m_sliderRow);
    sliderLayout->setContentsMargins(0, 0, 0, 0);
    m_slider = new QSlider(Qt::Horizontal, m_sliderRow);
    m_slider->setObjectName(QStringLiteral("timeSlider"));
    m_slider->setAccessibleName(tr("Moment"));
    m_slider->setWhatsThis(tr("The moment whose processes the table shows, anywhere in the "
                              "recorded range. The table shows the last snapshot taken at or "
                              "before it. With the focus here, Left and Right step to the "
                              "previous and next snapshot, Page Up and Page Down move further."));
    sliderLayout->addWidget(m_slider);
    topLayout->addWidget(m_sliderRow);

    auto *navigation = new QHBoxLayout;
    navigation->setSpacing(4);
    auto button = [top](QAction *action, const char *name) {
        auto *b = new QToolButton(top);
        b->setObjectName(QLatin1String(name));
        b->setDefaultAction(action);
        b->setAutoRaise(true);
        return b;
    };
    navigation->addWidget(button(m_firstAction, "firstButton"));
    navigation->addWidget(button(m_previousAction, "previousButton"));
    m_momentEdit = timeEdit(top);
    m_momentEdit->setObjectName(QStringLiteral("momentEdit"));
    m_momentEdit->setAccessibleName(tr("Moment"));
    m_momentEdit->setToolTip(tr("The moment shown; type another and press Enter"));
    m_momentEdit->setWhatsThis(tr("The moment whose processes the table shows. Type a date and "
                                  "time and press Enter to go there."));
    navigation->addWidget(m_momentEdit);
    navigation->addWidget(button(m_nextAction, "nextButton"));
    navigation->addWidget(button(m_lastAction, "lastButton"));
    navigation->addSpacing(8);
    m_snapshotLabel = new QLabel(top);
    m_snapshotLabel->setObjectName(QStringLiteral("snapshotLabel"));
    m_snapshotLabel->setWhatsThis(tr("The snapshot the table shows: the last one taken at or "
                                     "before the moment chosen."));
    navigation->addWidget(m_snapshotLabel, 1);
    topLayout->addLayout(navigation);

    m_tabs = new QTabWidget(m_splitter);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_processView = new QTableView(m_tabs);
    m_processView->setObjectName(QStringLiteral("processView"));
    m_processView->setWhatsThis(
        tr("The processes as the snapshot recorded them: command, user, CPU share over the "
           "agent's last interval, CPU time so far, resident memory, the node the process ran "
           "on, its home node and how often it has migrated. Click a header to sort; right-click "
           "it to choose the columns."));
    m_tabs->addTab(m_processView, tr("Processes at the moment"));
    m_tabs->addTab(buildRankingTab(), tr("CPU ranking of an interval"));
    connect(m_processesTabAction, &QAction::triggered, this,
            [this] { m_tabs->setCurrentIndex(0); });
    connect(m_rankingTabAction, &QAction::triggered, this, [this] { m_tabs->setCurrentIndex(1); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] { onInterval(); });

    m_splitter->addWidget(top);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    auto *bar = addToolBar(tr("Browse"));
    bar->setObjectName(QStringLiteral("browseToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_openAction);
    bar->addAction(m_refreshAction);
    bar->addSeparator();
    auto *nodeLabel = new QLabel(tr("&Node:"), bar);
    m_nodeCombo = new QComboBox(bar);
    m_nodeCombo->setObjectName(QStringLiteral("nodeCombo"));
    m_nodeCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_nodeCombo->setMinimumContentsLength(12);
    m_nodeCombo->setWhatsThis(tr("Whose processes to show: one node's (its own and, if shown, "
                                 "its guests), or every node's. The load chart follows."));
    nodeLabel->setBuddy(m_nodeCombo);
    bar->addWidget(nodeLabel);
    bar->addWidget(m_nodeCombo);
    bar->addSeparator();
    auto *filterLabel = new QLabel(tr("&Filter:"), bar);
    m_userFilter = new QLineEdit(bar);
    m_userFilter->setObjectName(QStringLiteral("userFilter"));
    m_userFilter->setPlaceholderText(tr("User"));
    m_userFilter->setClearButtonEnabled(true);
    m_userFilter->setMaximumWidth(140);
    m_userFilter->setWhatsThis(tr("Shows only the processes of users whose name contains this "
                                  "text, in both tables."));
    m_commandFilter = new QLineEdit(bar);
    m_commandFilter->setObjectName(QStringLiteral("commandFilter"));
    m_commandFilter->setPlaceholderText(tr("Command"));
    m_commandFilter->setClearButtonEnabled(true);
    m_commandFilter->setMaximumWidth(180);
    m_commandFilter->setWhatsThis(tr("Shows only the processes whose command or command line "
                                     "contains this text, in both tables."));
    filterLabel->setBuddy(m_userFilter);
    bar->addWidget(filterLabel);
    bar->addWidget(m_userFilter);
    bar->addWidget(m_commandFilter);
    bar->addSeparator();
    bar->addAction(m_guestsAction);
    connect(m_userFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_processFilter->setUserFilter(text);
        m_rankingFilter->setUserFilter(text);
        updateStatus();
    });
    connect(m_commandFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_processFilter->setCommandFilter(text);
        m_rankingFilter->setCommandFilter(text);
        updateStatus();
    });
    connect(m_nodeCombo, &QComboBox::currentIndexChanged, this, &HistoryWindow::setScopeFromCombo);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->setSizeGripEnabled(true);

    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        if (m_syncing || !m_session->isOpen())
            return;
        const std::int64_t t = m_session->timeline().time(value);
        if (m_session->cursor().asked() != t)
            m_session->moveTo(t);
    });
    // Single steps of the slider go from snapshot to snapshot, not second to second.
    connect(m_slider, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderSingleStepAdd &&
            action != QAbstractSlider::SliderSingleStepSub)
            return;
        if (action == QAbstractSlider::SliderSingleStepAdd)
            m_session->stepNext();
        else
            m_session->stepPrevious();
        if (const auto asked = m_session->cursor().asked())
            m_slider->setSliderPosition(m_session->timeline().position(*asked));
    });
    connect(m_momentEdit, &QDateTimeEdit::editingFinished, this, [this] {
        if (!m_syncing && m_session->isOpen())
            m_session->moveTo(m_momentEdit->dateTime().toSecsSinceEpoch());
    });
    connect(m_chart, &LoadChartView::momentClicked, this, [this](std::int64_t t) {
        m_tabs->setCurrentIndex(0);
        m_session->moveTo(t);
    });
    connect(m_chart, &LoadChartView::intervalDragged, this,
            [this](std::int64_t from, std::int64_t to) {
                m_tabs->setCurrentIndex(1);
                m_session->setInterval(from, to);
            });
    connect(m_chart, &LoadChartView::plotRectChanged, this, [this](const QRect &plot) {
        alignSlider();
        if (std::abs(plot.width() - m_curveWidth) > std::max(16, m_curveWidth / 8))
            m_curveTimer->start();
    });
}

QWidget *HistoryWindow::buildRankingTab() {
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(6, 0, 6, 0);
    auto *fromLabel = new QLabel(tr("Fro&m"), page);
    m_rankFrom = timeEdit(page);
    m_rankFrom->setObjectName(QStringLiteral("rankFrom"));
    m_rankFrom->setWhatsThis(tr("The start of the interval whose CPU use is ranked. Dragging "
                                "across the load chart sets both ends."));
    fromLabel->setBuddy(m_rankFrom);
    auto *toLabel = new QLabel(tr("&to"), page);
    m_rankTo = timeEdit(page);
    m_rankTo->setObjectName(QStringLiteral("rankTo"));
    m_rankTo->setWhatsThis(tr("The end of the interval whose CPU use is ranked."));
    toLabel->setBuddy(m_rankTo);
    auto *lastHour = new QPushButton(tr("&Last Hour"), page);
    lastHour->setObjectName(QStringLiteral("lastHourButton"));
    lastHour->setWhatsThis(tr("Ranks the last hour of the recorded range."));
    auto *whole = new QPushButton(tr("&Whole Range"), page);
    whole->setObjectName(QStringLiteral("wholeRangeButton"));
    whole->setWhatsThis(tr("Ranks everything the database holds."));
    auto *hint = new QLabel(tr("or drag across the load chart"), page);
    hint->setForegroundRole(QPalette::PlaceholderText);
    row->addWidget(fromLabel);
    row->addWidget(m_rankFrom);
    row->addWidget(toLabel);
    row->addWidget(m_rankTo);
    row->addSpacing(8);
    row->addWidget(lastHour);
    row->addWidget(whole);
    row->addSpacing(8);
    row->addWidget(hint);
    row->addStretch(1);
    layout->addLayout(row);

    m_rankingNotice = new QLabel(page);
    m_rankingNotice->setObjectName(QStringLiteral("rankingNotice"));
    m_rankingNotice->setWordWrap(true);
    m_rankingNotice->setTextFormat(Qt::PlainText);
    m_rankingNotice->hide();
    layout->addWidget(m_rankingNotice);

    m_rankingView = new QTableView(page);
    m_rankingView->setObjectName(QStringLiteral("rankingView"));
    m_rankingView->setWhatsThis(
        tr("Who used the CPU in the interval: every process that ran in it, by the CPU time it "
           "used there, with its average and peak CPU share, its peak memory and the "
           "migrations it made. A process that ran throughout counts from the snapshot before "
           "the interval."));
    layout->addWidget(m_rankingView, 1);

    m_rankingSummary = new QLabel(page);
    m_rankingSummary->setObjectName(QStringLiteral("rankingSummary"));
    m_rankingSummary->setContentsMargins(6, 0, 6, 4);
    m_rankingSummary->setWordWrap(true);
    layout->addWidget(m_rankingSummary);

    auto apply = [this] {
        if (!m_syncing && m_session->isOpen())
            m_session->setInterval(m_rankFrom->dateTime().toSecsSinceEpoch(),
                                   m_rankTo->dateTime().toSecsSinceEpoch());
    };
    connect(m_rankFrom, &QDateTimeEdit::editingFinished, this, apply);
    connect(m_rankTo, &QDateTimeEdit::editingFinished, this, apply);
    connect(lastHour, &QPushButton::clicked, this, [this] {
        if (const auto interval = m_session->timeline().defaultInterval())
            m_session->setInterval(interval->first, interval->last);
    });
    connect(whole, &QPushButton::clicked, this, [this] {
        if (const auto range = m_session->timeline().range())
            m_session->setInterval(range->first, range->last);
    });
    return page;
}

void HistoryWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_refreshAction);
    file->addSeparator();
    file->addAction(m_closeAction);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_firstAction);
    go->addAction(m_previousAction);
    go->addAction(m_nextAction);
    go->addAction(m_lastAction);
    go->addSeparator();
    go->addAction(m_goToAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_processesTabAction);
    view->addAction(m_rankingTabAction);
    view->addSeparator();
    view->addAction(m_guestsAction);
    m_processColumnsMenu = view->addMenu(tr("Process &Columns"));
    m_rankingColumnsMenu = view->addMenu(tr("&Ranking Columns"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(QWhatsThis::createAction(this));

    setUpTable(m_processView, m_processFilter, m_processColumnsMenu,
               {ProcessSnapshotModel::NiceColumn, ProcessSnapshotModel::CommandLineColumn});
    m_processView->sortByColumn(ProcessSnapshotModel::CpuColumn, Qt::DescendingOrder);
    QHeaderView *processHeader = m_processView->horizontalHeader();
    processHeader->resizeSection(ProcessSnapshotModel::CommandColumn, 170);
    processHeader->resizeSection(ProcessSnapshotModel::PidColumn, 70);
    processHeader->resizeSection(ProcessSnapshotModel::CpuColumn, 70);
    processHeader->resizeSection(ProcessSnapshotModel::MigrationsColumn, 90);
    processHeader->resizeSection(ProcessSnapshotModel::StateColumn, 55);
    processHeader->resizeSection(ProcessSnapshotModel::StartedColumn, 150);

    setUpTable(m_rankingView, m_rankingFilter, m_rankingColumnsMenu,
               {CpuRankingModel::PeakMemoryColumn, CpuRankingModel::FirstSeenColumn});
    m_rankingView->sortByColumn(CpuRankingModel::RankColumn, Qt::AscendingOrder);
    QHeaderView *rankingHeader = m_rankingView->horizontalHeader();
    rankingHeader->resizeSection(CpuRankingModel::RankColumn, 45);
    rankingHeader->resizeSection(CpuRankingModel::CommandColumn, 170);
    rankingHeader->resizeSection(CpuRankingModel::PidColumn, 70);
    rankingHeader->resizeSection(CpuRankingModel::MigrationsColumn, 90);
    rankingHeader->resizeSection(CpuRankingModel::LastSeenColumn, 150);
    rankingHeader->resizeSection(CpuRankingModel::FirstSeenColumn, 150);
}

void HistoryWindow::setUpTable(QTableView *view, ProcessFilterModel *proxy, QMenu *columnsMenu,
                               const QList<int> &hiddenByDefault) {
    view->setModel(proxy);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    QHeaderView *header = view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setDefaultSectionSize(100);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    for (int column : hiddenByDefault)
        header->hideSection(column);
    const QAbstractItemModel *source = proxy->sourceModel();
    for (int column = 0; column < source->columnCount(); ++column) {
        auto *toggle =
            columnsMenu->addAction(source->headerData(column, Qt::Horizontal).toString());
        toggle->setCheckable(true);
        toggle->setData(column);
        connect(toggle, &QAction::toggled, header, [header, column](bool on) {
            // The last visible column stays: a table without columns is no table.
            if (!on && header->count() - header->hiddenSectionCount() <= 1)
                return;
            header->setSectionHidden(column, !on);
        });
    }
    connect(columnsMenu, &QMenu::aboutToShow, columnsMenu, [columnsMenu, header] {
        for (QAction *toggle : columnsMenu->actions()) {
            const QSignalBlocker block(toggle);
            toggle->setChecked(!header->isSectionHidden(toggle->data().toInt()));
        }
    });
    connect(header, &QHeaderView::customContextMenuRequested, columnsMenu,
            [columnsMenu, header](const QPoint &pos) {
                columnsMenu->popup(header->viewport()->mapToGlobal(pos));
            });
}

void HistoryWindow::restoreSettings() {
    QSettings settings;
    settings.beginGroup(SettingsGroup);
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(1120, 760);
    restoreState(settings.value(QStringLiteral("windowState")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    // Header states of another column layout would scramble the columns.
    // Columns fit their content the first time, then keep what people made of them.
    if (settings.value(QStringLiteral("processColumnCount")).toInt() ==
            ProcessSnapshotModel::ColumnCount &&
        m_processView->horizontalHeader()->restoreState(
            settings.value(QStringLiteral("processColumns")).toByteArray()))
        m_fitProcessColumns = false;
    if (settings.value(QStringLiteral("rankingColumnCount")).toInt() ==
            CpuRankingModel::ColumnCount &&
        m_rankingView->horizontalHeader()->restoreState(
            settings.value(QStringLiteral("rankingColumns")).toByteArray()))
        m_fitRankingColumns = false;
    m_guestsAction->setChecked(settings.value(QStringLiteral("showGuests"), false).toBool());
    m_tabs->setCurrentIndex(std::clamp(settings.value(QStringLiteral("tab"), 0).toInt(), 0, 1));
    const auto node = settings.value(QStringLiteral("node"), 0).toUInt();
    m_session->setScope(node ? std::optional<NodeId>(node) : std::nullopt);
}

void HistoryWindow::saveSettings() const {
    QSettings settings;
    settings.beginGroup(SettingsGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("windowState"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("processColumns"),
                      m_processView->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("processColumnCount"),
                      static_cast<int>(ProcessSnapshotModel::ColumnCount));
    settings.setValue(QStringLiteral("rankingColumns"),
                      m_rankingView->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("rankingColumnCount"),
                      static_cast<int>(CpuRankingModel::ColumnCount));
    settings.setValue(QStringLiteral("showGuests"), m_guestsAction->isChecked());
    settings.setValue(QStringLiteral("tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("node"), m_session->scope().value_or(0));
}

void HistoryWindow::closeEvent(QCloseEvent *event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

void HistoryWindow::changeEvent(QEvent *event) {
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        styleNotice();
}

std::expected<void, QString> HistoryWindow::openDatabase(const QString &path) {
    auto opened = m_session->open(path);
    if (!opened) {
        m_openError = tr("Cannot open the collector database: %1").arg(opened.error());
        onNotice();
        return std::unexpected(m_openError);
    }
    m_openError.clear();
    onNotice();
    return {};
}

void HistoryWindow::chooseDatabase() {
    const QString start =
        m_session->isOpen() ? QFileInfo(m_session->path()).absolutePath() : QString();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Collector Database"), start,
        tr("Collector databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (path.isEmpty())
        return;
    if (auto opened = openDatabase(path); !opened)
        QMessageBox::warning(this, tr("Cannot Open Database"), opened.error());
}

void HistoryWindow::refresh() {
    m_session->refresh();
}

void HistoryWindow::showMoment(NodeId node, const QDateTime &at) {
    m_tabs->setCurrentIndex(0);
    m_session->setScope(node ? std::optional<NodeId>(node) : std::nullopt);
    m_session->moveTo(at.toSecsSinceEpoch());
    show();
    raise();
    activateWindow();
}

void HistoryWindow::showCpuRanking(NodeId node, const QDateTime &from, const QDateTime &to) {
    m_tabs->setCurrentIndex(1);
    m_session->setScope(node ? std::optional<NodeId>(node) : std::nullopt);
    m_session->setInterval(from.toSecsSinceEpoch(), to.toSecsSinceEpoch());
    show();
    raise();
    activateWindow();
}

void HistoryWindow::fillNodes() {
    const QSignalBlocker block(m_nodeCombo);
    m_nodeCombo->clear();
    m_nodeCombo->addItem(tr("All nodes"), 0u);
    for (const store::NodeInfo &info : m_session->nodes()) {
        const QString text = info.hostname.isEmpty()
                                 ? tr("node %1").arg(info.node)
                                 : tr("%1 (node %2)").arg(info.hostname).arg(info.node);
        m_nodeCombo->addItem(text, info.node);
    }
    const NodeId scope = m_session->scope().value_or(0);
    int index = m_nodeCombo->findData(scope);
    if (index < 0) {
        // A node the database does not list (yet): keep it choosable.
        m_nodeCombo->addItem(tr("node %1").arg(scope), scope);
        index = m_nodeCombo->count() - 1;
    }
    m_nodeCombo->setCurrentIndex(index);
}

void HistoryWindow::setScopeFromCombo() {
    const NodeId node = m_nodeCombo->currentData().toUInt();
    m_session->setScope(node ? std::optional<NodeId>(node) : std::nullopt);
    QSettings settings;
    settings.beginGroup(SettingsGroup);
    settings.setValue(QStringLiteral("node"), node);
}

void HistoryWindow::onOpened() {
    setWindowTitle(m_session->isOpen()
                       ? tr("Process History — %1").arg(QFileInfo(m_session->path()).fileName())
                       : tr("Process History"));
    onRangeChanged();
    onPosition();
    onInterval();
    onNotice();
}

void HistoryWindow::onRangeChanged() {
    fillNodes();
    const Timeline &timeline = m_session->timeline();
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, timeline.sliderMaximum());
        m_slider->setPageStep(std::max(1, timeline.sliderMaximum() / 20));
        m_slider->setSingleStep(1);
    }
    const bool any = !timeline.isEmpty();
    m_slider->setEnabled(any);
    m_momentEdit->setEnabled(any);
    m_rankFrom->setEnabled(any);
    m_rankTo->setEnabled(any);
    for (QDateTimeEdit *edit : {m_momentEdit, m_rankFrom, m_rankTo}) {
        const QSignalBlocker block(edit);
        if (const auto range = timeline.range()) {
            edit->setSpecialValueText({});
            edit->setDateTimeRange(QDateTime::fromSecsSinceEpoch(range->first),
                                   QDateTime::fromSecsSinceEpoch(range->last));
        } else {
            // Nothing recorded: a dash, not some date in 2000.
            edit->setSpecialValueText(tr("—"));
            edit->setDateTime(edit->minimumDateTime());
        }
    }
    m_chart->setRange(timeline.range());
    m_chart->setCheckpoints(m_session->checkpoints());
    reloadCurve();
}

void HistoryWindow::reloadCurve() {
    const int width = m_chart->plotRect().width();
    m_curveWidth = width > 40 ? width : 600;
    if (!m_session->isOpen()) {
        m_chart->setCurve({});
        m_chart->setPlaceholder(tr("No database open"));
        return;
    }
    auto curve = m_session->loadCurve(m_curveWidth);
    if (!curve) {
        m_chart->setCurve({});
        m_chart->setPlaceholder(tr("Cannot read the load: %1").arg(curve.error().message));
        return;
    }
    m_chart->setCurve(*curve);
    m_chart->setPlaceholder(m_session->timeline().isEmpty()
                                ? tr("No data recorded yet")
                                : tr("No load recorded for %1").arg(m_session->scopeName()));
}

void HistoryWindow::alignSlider() {
    // The slider's positions line up with the chart's time axis above it: the
    // row spans the chart's width, so its margins are the chart's beside the
    // plot, less half a handle (a position is the handle's centre).
    const QRect plot = m_chart->plotRect();
    if (plot.width() <= 1)
        return;
    QStyleOptionSlider option;
    option.initFrom(m_slider);
    option.orientation = Qt::Horizontal;
    const int handle = m_slider->style()->pixelMetric(QStyle::PM_SliderLength, &option, m_slider);
    const int plotLeft = m_chart->viewport()->mapTo(m_chart, plot.topLeft()).x();
    const int plotRight = m_chart->viewport()->mapTo(m_chart, plot.topRight()).x();
    const int left = std::max(0, plotLeft - handle / 2);
    const int right = std::max(0, m_chart->width() - 1 - plotRight - handle / 2);
    m_sliderRow->layout()->setContentsMargins(left, 0, right, 0);
}

void HistoryWindow::fitColumns(QTableView *view) {
    view->resizeColumnsToContents();
    QHeaderView *header = view->horizontalHeader();
    for (int column = 0; column < header->count(); ++column)
        header->resizeSection(column, std::min(header->sectionSize(column) + 12, 260));
}

void HistoryWindow::onPosition() {
    const SnapshotCursor &cursor = m_session->cursor();
    const auto asked = cursor.asked();
    {
        const QScopedValueRollback guard(m_syncing, true);
        if (asked) {
            m_slider->setValue(m_session->timeline().position(*asked));
            const QSignalBlocker block(m_momentEdit);
            m_momentEdit->setDateTime(QDateTime::fromSecsSinceEpoch(*asked));
        }
    }
    m_chart->setMoment(asked);
    const bool any = m_session->isOpen() && !m_session->timeline().isEmpty();
    m_previousAction->setEnabled(cursor.canStepPrevious());
    m_nextAction->setEnabled(cursor.canStepNext());
    m_firstAction->setEnabled(any);
    m_lastAction->setEnabled(any);
    m_goToAction->setEnabled(any);

    if (m_fitProcessColumns && m_session->processes()->rowCount() > 0) {
        m_fitProcessColumns = false;
        fitColumns(m_processView);
    }

    const store::ProcessSnapshot &snapshot = cursor.snapshot();
    if (!snapshot.t) {
        m_snapshotLabel->setText(any ? tr("No snapshot shown") : QString());
    } else if (asked && *asked != *snapshot.t) {
        m_snapshotLabel->setText(tr("Snapshot of %1, %2 before the moment chosen")
                                     .arg(timeText(*snapshot.t), spanText(*asked - *snapshot.t)));
    } else {
        m_snapshotLabel->setText(tr("Snapshot of %1").arg(timeText(*snapshot.t)));
    }
    updateStatus();
}

void HistoryWindow::onInterval() {
    const auto interval = m_session->interval();
    if (interval) {
        const QScopedValueRollback guard(m_syncing, true);
        const QSignalBlocker blockFrom(m_rankFrom);
        const QSignalBlocker blockTo(m_rankTo);
        m_rankFrom->setDateTime(QDateTime::fromSecsSinceEpoch(interval->first));
        m_rankTo->setDateTime(QDateTime::fromSecsSinceEpoch(interval->last));
    }
    // The band belongs to the ranking; over the process table it would only puzzle.
    m_chart->setInterval(m_tabs->currentIndex() == 1 ? interval : std::nullopt);
    if (m_fitRankingColumns && m_session->ranking()->rowCount() > 0) {
        m_fitRankingColumns = false;
        fitColumns(m_rankingView);
    }
    const QString notice = m_session->rankingNotice();
    m_rankingNotice->setText(notice);
    m_rankingNotice->setVisible(!notice.isEmpty());
    updateStatus();
}

void HistoryWindow::onNotice() {
    const QString text = m_openError.isEmpty() ? m_session->notice() : m_openError;
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void HistoryWindow::styleNotice() {
    const QPalette pal = palette();
    const QColor accent(0xd9, 0x77, 0x06);
    const QColor back = blend(pal.color(QPalette::Window), accent, 0.16);
    const QString style =
        QStringLiteral("QLabel { background-color: %1; color: %2; border: 1px "
                       "solid %3; border-radius: 3px; padding: 5px 8px; }")
            .arg(back.name(), pal.color(QPalette::WindowText).name(), accent.name());
    m_notice->setStyleSheet(style);
    m_rankingNotice->setStyleSheet(style);
}

void HistoryWindow::updateStatus() {
    if (!m_session->isOpen()) {
        m_statusLabel->setText(tr("No database open"));
        return;
    }
    const QString file = m_session->path();
    const int total = m_session->processes()->rowCount();
    const int shown = m_processFilter->rowCount();
    const QString processes = shown == total
                                  ? processCount(total)
                                  : tr("%1 of %2 shown").arg(shown).arg(processCount(total));
    const QString scope =
        m_session->scope() ? m_session->nodeName(*m_session->scope()) : tr("All nodes");
    m_statusLabel->setText(tr("%1 · %2 · %3").arg(scope, processes, file));

    if (const auto interval = m_session->interval();
        interval && m_session->rankingNotice().isEmpty()) {
        const std::int64_t seconds = std::max<std::int64_t>(1, interval->last - interval->first);
        const double busy =
            static_cast<double>(m_session->rankedCpuMs()) / (static_cast<double>(seconds) * 1000.0);
        m_rankingSummary->setText(tr("%1 used %2 of CPU time in %3: on average %4 CPUs busy.")
                                      .arg(processCount(m_session->ranking()->rowCount()),
                                           cpuTimeText(m_session->rankedCpuMs()), spanText(seconds),
                                           QLocale().toString(busy, 'f', 2)));
    } else {
        m_rankingSummary->clear();
    }
}

} // namespace omview::history
