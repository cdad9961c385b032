#include "analyzerlog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileInfo>
#include <QFontInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <omview/analyzer/analyzerchart.h>
#include <omview/analyzer/analyzersession.h>
#include <omview/analyzer/analyzerwidget.h>
#include <omview/analyzer/chartexport.h>
#include <omview/analyzer/chartreport.h>
#include <omview/analyzer/chartview.h>
#include <omview/analyzer/nodelistmodel.h>
#include <omview/analyzer/statisticsmodel.h>

namespace omview::analyzer {

namespace {

constexpr int ChartHeight = 240;
constexpr std::int64_t AllData = -1;
constexpr std::int64_t Custom = -2;

} // namespace

AnalyzerWidget::AnalyzerWidget(QWidget *parent)
    : QWidget(parent) {
    m_refresh.setSingleShot(true);
    connect(&m_refresh, &QTimer::timeout, this, &AnalyzerWidget::refreshVisible);
    buildControls();
    syncControls();
}

AnalyzerWidget::~AnalyzerWidget() = default;

QString AnalyzerWidget::tierWords(store::Tier tier) {
    switch (tier) {
    case store::Tier::Raw:
        return tr("per-second rows");
    case store::Tier::Minute:
        return tr("minute rows");
    case store::Tier::Hour:
        return tr("hour rows");
    }
    return {};
}

QString AnalyzerWidget::durationWords(std::int64_t seconds) {
    if (seconds % 86400 == 0)
        return tr("%1 d").arg(seconds / 86400);
    if (seconds % 3600 == 0)
        return tr("%1 h").arg(seconds / 3600);
    if (seconds >= 60 && seconds % 60 == 0)
        return tr("%1 min").arg(seconds / 60);
    return tr("%1 s").arg(seconds);
}

void AnalyzerWidget::buildControls() {
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Range:"), this));
    m_range = new QComboBox(this);
    m_range->addItem(tr("Last hour"), QVariant::fromValue<qint64>(3600));
    m_range->addItem(tr("Last day"), QVariant::fromValue<qint64>(86400));
    m_range->addItem(tr("Last week"), QVariant::fromValue<qint64>(7 * 86400));
    m_range->addItem(tr("Everything"), QVariant::fromValue<qint64>(AllData));
    m_range->addItem(tr("Custom…"), QVariant::fromValue<qint64>(Custom));
    m_range->setToolTip(tr("The time range every chart shows; \"last\" counts back from the "
                           "newest sample in the database"));
    connect(m_range, &QComboBox::activated, this, &AnalyzerWidget::selectPreset);
    bar->addWidget(m_range);
    m_from = new QDateTimeEdit(this);
    m_to = new QDateTimeEdit(this);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setCalendarPopup(true);
    }
    m_from->setToolTip(tr("First second of the custom range"));
    m_to->setToolTip(tr("Last second of the custom range"));
    m_apply = new QPushButton(tr("Show"), this);
    connect(m_apply, &QPushButton::clicked, this, &AnalyzerWidget::applyCustomRange);
    bar->addWidget(m_from);
    m_dash = new QLabel(QStringLiteral("–"), this);
    bar->addWidget(m_dash);
    bar->addWidget(m_to);
    bar->addWidget(m_apply);
    bar->addSpacing(12);

    auto *thresholdLabel = new QLabel(tr("Load threshold:"), this);
    m_threshold = new QSpinBox(this);
    m_threshold->setRange(1, 1000);
    m_threshold->setValue(75);
    m_threshold->setSuffix(tr(" %"));
    const QString thresholdTip =
        tr("The load line turns red above this value.\n"
           "Load is in openMosix units, normalised per CPU: the agent divides a node's "
           "load by its number of CPUs and scales it by the node's speed against the "
           "standard one, so 100 % means every CPU of the node busy, on a node of any "
           "size. The cluster's line is the mean of its nodes' loads.");
    m_threshold->setToolTip(thresholdTip);
    thresholdLabel->setToolTip(thresholdTip);
    thresholdLabel->setBuddy(m_threshold);
    connect(m_threshold, &QSpinBox::valueChanged, this, [this](int value) {
        if (!m_session)
            return;
        if (auto done = m_session->setThreshold(value); !done)
            showError(done.error());
    });
    bar->addWidget(thresholdLabel);
    bar->addWidget(m_threshold);
    bar->addSpacing(12);

    m_follow = new QCheckBox(tr("Follow"), this);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("While the collector writes, read the newest rows every two "
                            "seconds and move the range with them"));
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (m_session)
            m_session->setFollowing(on);
    });
    bar->addWidget(m_follow);
    m_resetZoom = new QToolButton(this);
    m_resetZoom->setText(tr("Reset zoom"));
    m_resetZoom->setToolTip(tr("Back to the whole range (or right-click a chart)"));
    connect(m_resetZoom, &QToolButton::clicked, this, [this] {
        if (m_session)
            m_session->resetZoom();
    });
    bar->addWidget(m_resetZoom);
    bar->addStretch(1);
    outer->addLayout(bar);

    m_info = new QLabel(this);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_info->setWordWrap(true);
    outer->addWidget(m_info);
    m_legend = new QLabel(this);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setToolTip(tr("Load: left axis, 100 % = every CPU of the node busy. Memory: "
                            "right axis, up to the node's total. Click a chart for the "
                            "processes at that moment; drag to zoom, Shift-drag to pan, "
                            "right-click to zoom out."));
    outer->addWidget(m_legend);
    updateLegend();

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_nodeList = new QListView(split);
    m_nodeList->setToolTip(tr("Tick the nodes whose charts to show; click one to scroll to it"));
    m_nodeList->setUniformItemSizes(true);
    connect(m_nodeList, &QListView::clicked, this, [this](const QModelIndex &index) {
        scrollToChart(index.data(NodeListModel::NodeIdRole).value<NodeId>());
    });
    auto *right = new QSplitter(Qt::Vertical, split);
    m_scroll = new QScrollArea(right);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_chartsPane = new QWidget;
    m_chartsLayout = new QVBoxLayout(m_chartsPane);
    m_chartsLayout->setContentsMargins(0, 0, 0, 0);
    m_chartsLayout->setSpacing(6);
    m_chartsLayout->addStretch(1);
    m_scroll->setWidget(m_chartsPane);
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { scheduleRefresh(30); });
    m_table = new QTableView(right);
    m_table->setSortingEnabled(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(72);
    m_sorted = new QSortFilterProxyModel(this);
    m_sorted->setSortRole(StatisticsModel::ValueRole);
    m_table->setModel(m_sorted);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        scrollToChart(index.data(StatisticsModel::NodeIdRole).value<NodeId>());
    });
    // Charts take most of the height; the table shows a handful of rows and
    // scrolls (the splitter moves either way).
    m_table->setMinimumHeight(90);
    m_scroll->setMinimumHeight(ChartHeight + 10);
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 0);
    right->setSizes({4 * ChartHeight, 190});
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({170, 1000});
    outer->addWidget(split, 1);
}

std::expected<void, QString> AnalyzerWidget::open(const QString &path) {
    auto session = AnalyzerSession::open(path);
    if (!session)
        return std::unexpected(session.error().message);
    for (Slot &slot : m_slots)
        delete slot.view;
    m_slots.clear();
    m_session = std::move(*session);
    m_session->setFollowing(m_follow->isChecked());
    if (auto done = m_session->setThreshold(m_threshold->value()); !done)
        return std::unexpected(done.error());
    m_nodeList->setModel(m_session->nodes());
    m_sorted->setSourceModel(m_session->statistics());
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    connectSession();
    rebuildCharts();
    syncControls();
    updateLegend();
    m_session->refreshStatistics();
    scheduleRefresh();
    return {};
}

void AnalyzerWidget::connectSession() {
    AnalyzerSession *s = m_session.get();
    NodeListModel *nodes = s->nodes();
    connect(s, &AnalyzerSession::rangeChanged, this, [this] { rangeChanged(); });
    connect(s, &AnalyzerSession::dataAppended, this,
            [this](const store::TimeRange &, std::int64_t previous) { dataAppended(previous); });
    connect(s, &AnalyzerSession::thresholdChanged, this, &AnalyzerWidget::thresholdChanged);
    connect(s, &AnalyzerSession::followingChanged, this, [this] { syncControls(); });
    connect(s, &AnalyzerSession::errorOccurred, this, &AnalyzerWidget::showError);
    connect(nodes, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                insertCharts(first, last);
                scheduleRefresh();
            });
    connect(nodes, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { removeCharts(first, last); });
    connect(nodes, &QAbstractItemModel::modelReset, this, &AnalyzerWidget::rebuildCharts);
    connect(nodes, &QAbstractItemModel::dataChanged, this,
            [this, nodes](const QModelIndex &topLeft, const QModelIndex &bottomRight,
                          const QList<int> &roles) {
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                    const NodeId node = nodes->nodeAt(row);
                    const auto it = m_slots.find(node);
                    if (it == m_slots.end())
                        continue;
                    if (roles.isEmpty() || roles.contains(Qt::CheckStateRole) ||
                        roles.contains(NodeListModel::ShownRole))
                        it->view->setVisible(nodes->isShown(node));
                    if ((roles.isEmpty() || roles.contains(Qt::DisplayRole)) && it->data) {
                        it->data->title = nodes->label(node);
                        it->view->analyzerChart()->setTitle(it->data->title);
                    }
                }
                scheduleRefresh();
            });
}

void AnalyzerWidget::rebuildCharts() {
    for (Slot &slot : m_slots)
        delete slot.view;
    m_slots.clear();
    if (m_session && m_session->nodes()->rowCount() > 0)
        insertCharts(0, m_session->nodes()->rowCount() - 1);
}

void AnalyzerWidget::insertCharts(int first, int last) {
    NodeListModel *nodes = m_session->nodes();
    for (int row = first; row <= last; ++row) {
        const NodeId node = nodes->nodeAt(row);
        auto *view = new ChartView(node, m_chartsPane);
        view->setFixedHeight(ChartHeight);
        view->analyzerChart()->setTitle(nodes->label(node));
        connect(view, &ChartView::momentClicked, this, &AnalyzerWidget::historyRequested);
        connect(view, &ChartView::zoomRequested, this, [this](const store::TimeRange &range) {
            if (auto done = m_session->zoomTo(range); !done)
                showError(done.error());
        });
        connect(view, &ChartView::zoomResetRequested, this, [this] { m_session->resetZoom(); });
        connect(view, &ChartView::plotWidthChanged, this, [this, node](int width) {
            const auto it = m_slots.find(node);
            if (it == m_slots.end() || !it->data)
                return;
            // Re-query when the columns no longer match the pixels.
            const int planned = it->data->widthPx;
            if (std::abs(width - planned) > std::max(8, planned / 20)) {
                it->needsBuild = true;
                scheduleRefresh(100);
            }
        });
        m_chartsLayout->insertWidget(row, view);
        view->setVisible(nodes->isShown(node));
        m_slots.insert(node, Slot{view, std::nullopt, true, std::nullopt});
    }
}

void AnalyzerWidget::removeCharts(int first, int last) {
    NodeListModel *nodes = m_session->nodes();
    for (int row = first; row <= last; ++row) {
        const auto it = m_slots.find(nodes->nodeAt(row));
        if (it == m_slots.end())
            continue;
        delete it->view;
        m_slots.erase(it);
    }
}

void AnalyzerWidget::rangeChanged() {
    for (Slot &slot : m_slots) {
        slot.needsBuild = true;
        slot.tailFrom.reset();
    }
    syncControls();
    scheduleRefresh();
}

void AnalyzerWidget::dataAppended(std::int64_t previousNewest) {
    for (Slot &slot : m_slots) {
        if (slot.data && !slot.needsBuild)
            slot.tailFrom = std::min(slot.tailFrom.value_or(previousNewest), previousNewest);
    }
    syncControls();
    scheduleRefresh();
}

void AnalyzerWidget::updateLegend() {
    const double threshold = m_session ? m_session->threshold() : m_threshold->value();
    m_legend->setText(
        legendHtml(ChartStyle::fromPalette(palette()), threshold, QFontInfo(font()).pixelSize()));
}

void AnalyzerWidget::changeEvent(QEvent *event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_legend)
        updateLegend();
}

void AnalyzerWidget::thresholdChanged(double threshold) {
    // The lines stay; only their split at the threshold changes.
    for (Slot &slot : m_slots) {
        if (!slot.data)
            continue;
        slot.data->threshold = threshold;
        SeriesBuilder::derive(*slot.data);
        slot.view->analyzerChart()->setData(*slot.data);
    }
    if (m_threshold->value() != static_cast<int>(threshold)) {
        const QSignalBlocker block(m_threshold);
        m_threshold->setValue(static_cast<int>(threshold));
    }
    updateLegend();
}

void AnalyzerWidget::scheduleRefresh(int delayMs) {
    if (!m_refresh.isActive() || delayMs < m_refresh.remainingTime())
        m_refresh.start(delayMs);
}

bool AnalyzerWidget::inView(const ChartView *view) const {
    if (!view->isVisibleTo(m_chartsPane) || !isVisible())
        return false;
    const QRect viewport(QPoint(0, m_scroll->verticalScrollBar()->value()),
                         m_scroll->viewport()->size());
    return view->geometry().intersects(viewport);
}

bool AnalyzerWidget::refreshChart(Slot &slot) {
    int width = slot.view->plotWidth();
    if (width < 16)
        width = std::max(64, m_scroll->viewport()->width() - 150); // not laid out yet
    const ChartRequest request = m_session->chartRequest(slot.view->node(), width);
    if (!slot.needsBuild && slot.data && slot.tailFrom) {
        auto advanced = m_session->builder().advance(*slot.data, request.range, *slot.tailFrom);
        if (!advanced) {
            showError(advanced.error().message);
            return false;
        }
        if (*advanced) {
            slot.tailFrom.reset();
            slot.data->title = request.title;
            slot.view->analyzerChart()->setData(*slot.data);
            return true;
        }
    }
    auto built = m_session->builder().build(request);
    if (!built) {
        showError(built.error().message);
        return false;
    }
    slot.data = std::move(*built);
    slot.needsBuild = false;
    slot.tailFrom.reset();
    slot.view->analyzerChart()->setData(*slot.data);
    return true;
}

void AnalyzerWidget::refreshVisible() {
    if (!m_session)
        return;
    for (Slot &slot : m_slots) {
        if ((slot.needsBuild || slot.tailFrom) && inView(slot.view))
            refreshChart(slot);
    }
    updateInfo();
    emit chartsRefreshed();
}

bool AnalyzerWidget::chartsCurrent() const {
    if (!m_session)
        return false;
    for (const Slot &slot : m_slots) {
        if (inView(slot.view) && (slot.needsBuild || slot.tailFrom || !slot.data))
            return false;
    }
    return !m_refresh.isActive();
}

ChartView *AnalyzerWidget::chartView(NodeId node) const {
    const auto it = m_slots.constFind(node);
    return it == m_slots.constEnd() ? nullptr : it->view;
}

void AnalyzerWidget::scrollToChart(NodeId node) {
    ChartView *view = chartView(node);
    if (!view || !view->isVisibleTo(m_chartsPane))
        return;
    m_chartsPane->layout()->activate(); // its place may not be known yet
    m_scroll->verticalScrollBar()->setValue(view->y());
    scheduleRefresh();
}

QList<ChartData> AnalyzerWidget::shownCharts() {
    QList<ChartData> out;
    if (!m_session)
        return out;
    NodeListModel *nodes = m_session->nodes();
    for (NodeId node : nodes->nodeIds()) {
        if (!nodes->isShown(node))
            continue;
        const auto it = m_slots.find(node);
        if (it == m_slots.end())
            continue;
        if ((it->needsBuild || it->tailFrom || !it->data) && !refreshChart(*it))
            continue;
        out.append(*it->data);
    }
    return out;
}

ChartReport AnalyzerWidget::report() {
    const QLocale locale;
    QString title = tr("omview analyzer");
    QString subtitle;
    if (m_session) {
        const store::TimeRange range = m_session->visibleRange();
        title = tr("omview analyzer — %1").arg(QFileInfo(m_session->path()).fileName());
        subtitle = tr("%1 to %2 · load threshold %3 % · %4")
                       .arg(locale.toString(QDateTime::fromSecsSinceEpoch(range.first),
                                            QLocale::ShortFormat),
                            locale.toString(QDateTime::fromSecsSinceEpoch(range.last),
                                            QLocale::ShortFormat))
                       .arg(m_session->threshold())
                       .arg(m_session->path());
    }
    return ChartReport(title, subtitle, shownCharts(),
                       m_session ? m_session->statistics()->table() : QList<QStringList>{});
}

std::expected<void, QString> AnalyzerWidget::exportPng(const QString &path) {
    if (!m_session)
        return std::unexpected(tr("no database is open"));
    return analyzer::exportPng(path, report(), std::max(1000, m_scroll->viewport()->width()));
}

std::expected<void, QString> AnalyzerWidget::exportPdf(const QString &path) {
    if (!m_session)
        return std::unexpected(tr("no database is open"));
    return analyzer::exportPdf(path, report());
}

std::expected<QStringList, QString> AnalyzerWidget::exportCsv(const QString &path) {
    if (!m_session)
        return std::unexpected(tr("no database is open"));
    return analyzer::exportCsv(path, shownCharts(), m_session->statistics()->numbers());
}

std::expected<void, QString> AnalyzerWidget::print(QPrinter &printer) {
    if (!m_session)
        return std::unexpected(tr("no database is open"));
    return report().print(printer);
}

void AnalyzerWidget::selectPreset(int index) {
    if (!m_session)
        return;
    const qint64 span = m_range->itemData(index).value<qint64>();
    if (span == Custom) {
        const store::TimeRange range = m_session->visibleRange();
        m_from->setDateTime(QDateTime::fromSecsSinceEpoch(range.first));
        m_to->setDateTime(QDateTime::fromSecsSinceEpoch(range.last));
        for (QWidget *w : {static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to),
                           static_cast<QWidget *>(m_apply), static_cast<QWidget *>(m_dash)})
            w->setVisible(true);
        m_from->setFocus();
        return;
    }
    const RangeSelection selection =
        span == AllData ? RangeSelection::all() : RangeSelection::last(span);
    if (auto done = m_session->setSelection(selection); !done)
        showError(done.error());
}

void AnalyzerWidget::applyCustomRange() {
    if (!m_session)
        return;
    const RangeSelection selection = RangeSelection::between(m_from->dateTime().toSecsSinceEpoch(),
                                                             m_to->dateTime().toSecsSinceEpoch());
    if (auto done = m_session->setSelection(selection); !done)
        showError(done.error());
}

void AnalyzerWidget::syncControls() {
    const bool open = m_session != nullptr;
    for (QWidget *w : {static_cast<QWidget *>(m_range), static_cast<QWidget *>(m_threshold),
                       static_cast<QWidget *>(m_apply)})
        w->setEnabled(open);
    if (!open) {
        m_follow->setEnabled(false);
        m_resetZoom->setEnabled(false);
        for (QWidget *w : {static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to),
                           static_cast<QWidget *>(m_apply), static_cast<QWidget *>(m_dash)})
            w->setVisible(false);
        m_info->setText(tr("No database is open."));
        return;
    }
    const RangeSelection selection = m_session->selection();
    const QSignalBlocker block(m_range);
    qint64 key = selection.kind == RangeSelection::Kind::All     ? AllData
                 : selection.kind == RangeSelection::Kind::Fixed ? Custom
                                                                 : selection.span;
    int index = m_range->findData(QVariant::fromValue(key));
    if (index < 0) {
        // A span given on the command line ("6h"): an entry of its own.
        if (m_range->count() > 5)
            m_range->removeItem(5);
        const QString text = selection.describe();
        m_range->addItem(text.left(1).toUpper() + text.mid(1), QVariant::fromValue(key));
        index = 5;
    }
    m_range->setCurrentIndex(index);
    const bool custom = key == Custom;
    for (QWidget *w : {static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to),
                       static_cast<QWidget *>(m_apply), static_cast<QWidget *>(m_dash)})
        w->setVisible(custom);
    if (custom) {
        m_from->setDateTime(QDateTime::fromSecsSinceEpoch(selection.fixed.first));
        m_to->setDateTime(QDateTime::fromSecsSinceEpoch(selection.fixed.last));
    }
    m_follow->setEnabled(selection.follows() && !m_session->zoom());
    {
        const QSignalBlocker blockFollow(m_follow);
        m_follow->setChecked(m_session->isFollowing());
    }
    m_resetZoom->setEnabled(m_session->zoom().has_value());
    updateInfo();
}

void AnalyzerWidget::updateInfo() {
    if (!m_session)
        return;
    const QLocale locale;
    const std::optional<store::TimeRange> held = m_session->dataRange();
    if (!held) {
        m_info->setText(tr("%1 holds no samples yet.").arg(m_session->path()));
        return;
    }
    const store::TimeRange shown = m_session->visibleRange();
    QString text =
        tr("Showing %1 to %2")
            .arg(locale.toString(QDateTime::fromSecsSinceEpoch(shown.first), QLocale::ShortFormat),
                 locale.toString(QDateTime::fromSecsSinceEpoch(shown.last), QLocale::ShortFormat));
    if (m_session->zoom())
        text += tr(" (zoomed)");
    const auto it = m_slots.constFind(ClusterNode);
    if (it != m_slots.constEnd() && it->data) {
        const ColumnGrid &grid = it->data->grid;
        text += tr(" · %1, one column per %2")
                    .arg(tierWords(grid.tier), durationWords(grid.columnSeconds));
    }
    text +=
        tr(" · the file holds %1 to %2")
            .arg(locale.toString(QDateTime::fromSecsSinceEpoch(held->first), QLocale::ShortFormat),
                 locale.toString(QDateTime::fromSecsSinceEpoch(held->last), QLocale::ShortFormat));
    m_info->setStyleSheet({});
    m_info->setText(text);
}

void AnalyzerWidget::showError(const QString &message) {
    qCWarning(lcAnalyzer) << message;
    m_info->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_info->setText(message);
    emit errorOccurred(message);
}

void AnalyzerWidget::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    scheduleRefresh();
}

void AnalyzerWidget::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    scheduleRefresh(50);
}

} // namespace omview::analyzer
