#include "analyzerlog.h"

#include <QDateTime>
#include <QPointer>
#include <chrono>
#include <omview/analyzer/analyzersession.h>
#include <omview/analyzer/nodelistmodel.h>
#include <omview/analyzer/statisticsmodel.h>

namespace omview::analyzer {

namespace {

std::int64_t nowSeconds() {
    return QDateTime::currentSecsSinceEpoch();
}

std::int64_t steadyMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Zooming further than this shows single seconds across the whole chart.
constexpr std::int64_t MinZoomSeconds = 10;

} // namespace

AnalyzerSession::AnalyzerSession(std::unique_ptr<store::CollectorStore> store, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_builder(*m_store)
    , m_nodes(new NodeListModel(this))
    , m_statistics(new StatisticsModel(m_nodes, this)) {
    m_poll.setInterval(std::chrono::milliseconds(2000));
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (auto polled = poll(); !polled)
            emit errorOccurred(polled.error().message);
    });
    // Statistics read their own connection; one at a time is plenty.
    m_workers.setMaxThreadCount(1);
}

AnalyzerSession::~AnalyzerSession() {
    m_workers.waitForDone();
}

store::StoreResult<std::unique_ptr<AnalyzerSession>> AnalyzerSession::open(const QString &path,
                                                                           QObject *parent) {
    auto store = store::CollectorStore::open(path);
    if (!store)
        return std::unexpected(store.error());
    auto range = (*store)->range();
    if (!range)
        return std::unexpected(range.error());
    auto nodes = (*store)->nodes();
    if (!nodes)
        return std::unexpected(nodes.error());
    std::unique_ptr<AnalyzerSession> session(new AnalyzerSession(std::move(*store), parent));
    session->m_data = *range;
    session->m_nodes->setNodes(*nodes);
    session->updateTimer();
    qCInfo(lcAnalyzer) << "opened" << path << "with" << nodes->size() << "nodes";
    return session;
}

const QString &AnalyzerSession::path() const {
    return m_store->path();
}

store::TimeRange AnalyzerSession::visibleRange() const {
    return m_zoom ? *m_zoom : m_selection.resolve(m_data, nowSeconds());
}

void AnalyzerSession::emitRange() {
    emit rangeChanged(visibleRange());
    refreshStatistics();
}

std::expected<void, QString> AnalyzerSession::setSelection(const RangeSelection &selection) {
    if (auto ok = selection.validate(); !ok)
        return ok;
    const bool same = selection == m_selection && !m_zoom;
    m_selection = selection;
    m_zoom.reset();
    updateTimer();
    if (!same)
        emitRange();
    return {};
}

std::expected<void, QString> AnalyzerSession::zoomTo(const store::TimeRange &range) {
    if (range.last < range.first)
        return std::unexpected(tr("the range ends before it starts"));
    if (range.last - range.first + 1 < MinZoomSeconds)
        return std::unexpected(tr("cannot zoom in further than %n seconds", nullptr,
                                  static_cast<int>(MinZoomSeconds)));
    if (range.first < 0)
        return std::unexpected(tr("the range starts before 1970"));
    if (m_zoom == range)
        return {};
    m_zoom = range;
    updateTimer();
    emitRange();
    return {};
}

void AnalyzerSession::resetZoom() {
    if (!m_zoom)
        return;
    m_zoom.reset();
    updateTimer();
    emitRange();
}

std::expected<void, QString> AnalyzerSession::setThreshold(double threshold) {
    if (!(threshold >= 1 && threshold <= 10000))
        return std::unexpected(tr("a threshold of %1 % is not between 1 and 10000").arg(threshold));
    if (threshold != m_threshold) {
        m_threshold = threshold;
        emit thresholdChanged(threshold);
    }
    return {};
}

void AnalyzerSession::setFollowing(bool following) {
    if (following == m_following)
        return;
    m_following = following;
    updateTimer();
    emit followingChanged(following);
}

void AnalyzerSession::setPollInterval(std::chrono::milliseconds interval) {
    m_poll.setInterval(interval);
}

void AnalyzerSession::setStatisticsInterval(std::chrono::milliseconds interval) {
    m_statisticsInterval = interval;
}

void AnalyzerSession::updateTimer() {
    const bool run = m_following && !m_zoom && m_selection.follows();
    if (run && !m_poll.isActive())
        m_poll.start();
    else if (!run)
        m_poll.stop();
}

ChartRequest AnalyzerSession::chartRequest(NodeId node, int widthPx) const {
    ChartRequest r;
    r.node = node;
    r.title = m_nodes->label(node);
    r.range = visibleRange();
    r.widthPx = widthPx;
    r.threshold = m_threshold;
    return r;
}

store::StoreResult<bool> AnalyzerSession::poll() {
    auto range = m_store->range();
    if (!range)
        return std::unexpected(range.error());
    if (*range == m_data)
        return false;
    auto nodes = m_store->nodes();
    if (!nodes)
        return std::unexpected(nodes.error());
    const std::optional<store::TimeRange> before = m_data;
    const int rowsBefore = m_nodes->rowCount();
    m_data = *range;
    m_nodes->setNodes(*nodes);
    if (!before || !m_data) {
        emitRange();
        return true;
    }
    emit dataAppended(visibleRange(), before->last);
    // New nodes get their figures at once; the others when due.
    const bool due = steadyMs() - m_statisticsDoneMs >= m_statisticsInterval.count();
    if (m_nodes->rowCount() != rowsBefore || (m_statisticsPending == 0 && due))
        refreshStatistics();
    return true;
}

void AnalyzerSession::refreshStatistics() {
    const int generation = ++m_statisticsGeneration;
    ++m_statisticsPending;
    const QString file = path();
    const QList<NodeId> nodes = m_nodes->nodeIds();
    const store::TimeRange range = visibleRange();
    using Result = QList<std::pair<NodeId, std::optional<store::Stats>>>;
    m_workers.start([this, file, nodes, range, generation] {
        Result result;
        QString error;
        auto reader = store::CollectorStore::open(file);
        if (!reader)
            error = reader.error().message;
        for (NodeId node : nodes) {
            if (!reader)
                break;
            // Newer requests make this one pointless: stop early.
            if (generation != m_statisticsGeneration.load())
                break;
            auto stats =
                (*reader)->stats(node == ClusterNode ? std::nullopt : std::optional<NodeId>(node),
                                 range.first, range.last);
            if (!stats) {
                error = stats.error().message;
                break;
            }
            result.append({node, *stats});
        }
        QMetaObject::invokeMethod(
            this,
            [this, result, error, generation] {
                --m_statisticsPending;
                m_statisticsDoneMs = steadyMs();
                if (generation != m_statisticsGeneration.load())
                    return;
                if (!error.isEmpty()) {
                    qCWarning(lcAnalyzer) << "statistics of" << path() << ":" << error;
                    emit errorOccurred(error);
                    return;
                }
                for (const auto &[node, stats] : result)
                    m_statistics->setStatistics(node, stats);
                emit statisticsReady();
            },
            Qt::QueuedConnection);
    });
}

} // namespace omview::analyzer
