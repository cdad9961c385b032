#include "logging.h"

#include <QHash>
#include <omview/history/cpurankingmodel.h>
#include <omview/history/historysession.h>
#include <omview/history/processsnapshotmodel.h>
#include <omview/history/textformat.h>

namespace omview::history {

using store::CollectorStore;
using store::NodeId;

HistorySession::HistorySession(QObject *parent)
    : QObject(parent)
    , m_processes(new ProcessSnapshotModel(this))
    , m_ranking(new CpuRankingModel(this)) {}

HistorySession::~HistorySession() = default;

QString HistorySession::path() const {
    return m_store ? m_store->path() : QString();
}

std::expected<void, QString>
HistorySession::readOverview(CollectorStore &store, Timeline &timeline,
                             QList<store::NodeInfo> &nodes,
                             QList<store::Checkpoint> &checkpoints) const {
    auto range = store.range();
    if (!range)
        return std::unexpected(range.error().message);
    auto known = store.nodes();
    if (!known)
        return std::unexpected(known.error().message);
    timeline = *range ? Timeline(**range) : Timeline();
    nodes = std::move(*known);
    checkpoints.clear();
    if (*range) {
        auto marks = store.checkpoints((*range)->first, (*range)->last);
        if (!marks)
            return std::unexpected(marks.error().message);
        checkpoints = std::move(*marks);
    }
    return {};
}

std::expected<void, QString> HistorySession::open(const QString &path) {
    auto store = CollectorStore::open(path, CollectorStore::Access::ReadOnly);
    if (!store) {
        qCWarning(lcHistory).noquote() << "cannot open" << path << ":" << store.error().message;
        return std::unexpected(store.error().message);
    }
    Timeline timeline;
    QList<store::NodeInfo> nodes;
    QList<store::Checkpoint> checkpoints;
    if (auto read = readOverview(**store, timeline, nodes, checkpoints); !read) {
        qCWarning(lcHistory).noquote() << "cannot read" << path << ":" << read.error();
        return std::unexpected(tr("Cannot read %1: %2").arg(path, read.error()));
    }
    m_store = std::move(*store);
    m_timeline = timeline;
    m_nodes = std::move(nodes);
    m_checkpoints = std::move(checkpoints);
    applyNodeNames();
    m_cursor.setStore(m_store.get());
    // A node this database never saw cannot be the scope.
    if (const auto node = m_cursor.scope()) {
        const bool known = std::ranges::any_of(
            m_nodes, [&](const store::NodeInfo &info) { return info.node == *node; });
        if (!known)
            m_cursor.setScope(std::nullopt);
    }
    m_positionError.clear();
    m_rankingError.clear();
    qCInfo(lcHistory).noquote() << "opened" << path << "with" << m_nodes.size() << "nodes";
    emit opened();
    emit scopeChanged();
    moveToLast();
    m_interval = m_timeline.defaultInterval();
    rank();
    return {};
}

void HistorySession::applyNodeNames() {
    QHash<NodeId, QString> names;
    for (const store::NodeInfo &info : m_nodes)
        names.insert(info.node, info.hostname);
    m_processes->setNodeNames(names);
    m_ranking->setNodeNames(names);
}

void HistorySession::refresh() {
    if (!m_store)
        return;
    Timeline timeline;
    QList<store::NodeInfo> nodes;
    QList<store::Checkpoint> checkpoints;
    if (auto read = readOverview(*m_store, timeline, nodes, checkpoints); !read) {
        qCWarning(lcHistory).noquote() << "cannot refresh" << path() << ":" << read.error();
        m_positionError = tr("Cannot read %1: %2").arg(path(), read.error());
        emit noticeChanged();
        return;
    }
    const bool changed = timeline != m_timeline || nodes != m_nodes || checkpoints != m_checkpoints;
    if (!changed)
        return;
    // Following the newest snapshot: keep following it.
    const bool atNewest = m_cursor.snapshot().t && !m_cursor.canStepNext();
    m_timeline = timeline;
    m_nodes = std::move(nodes);
    m_checkpoints = std::move(checkpoints);
    applyNodeNames();
    emit rangeChanged();
    if (atNewest)
        moveToLast();
    else
        afterMove(m_cursor.reload(), tr("Cannot read the processes"));
}

QString HistorySession::nodeName(NodeId node) const {
    for (const store::NodeInfo &info : m_nodes) {
        if (info.node == node)
            return nodeText(node, info.hostname);
    }
    return nodeText(node, {});
}

QString HistorySession::scopeName() const {
    return scope() ? nodeName(*scope()) : tr("any node");
}

void HistorySession::setScope(std::optional<NodeId> node) {
    if (node == scope())
        return;
    m_cursor.setScope(node);
    emit scopeChanged();
    if (!m_store)
        return;
    if (m_cursor.asked())
        afterMove(m_cursor.reload(), tr("Cannot read the processes"));
    else
        moveToLast();
    rank();
}

void HistorySession::afterMove(const store::StoreResult<void> &moved, const QString &what) {
    if (!moved) {
        qCWarning(lcHistory).noquote() << path() << ":" << moved.error().message;
        m_positionError =
            tr("%1 of %2 from %3: %4").arg(what, scopeName(), path(), moved.error().message);
        emit noticeChanged();
        return;
    }
    m_positionError.clear();
    m_processes->setProcesses(m_cursor.snapshot().processes);
    emit positionChanged();
    emit noticeChanged();
}

void HistorySession::moveTo(std::int64_t t) {
    if (!m_store)
        return;
    t = m_timeline.clamp(t);
    afterMove(m_cursor.moveTo(t), tr("Cannot read the processes at %1").arg(timeText(t)));
}

bool HistorySession::stepNext() {
    if (!m_store || !m_cursor.canStepNext())
        return false;
    afterMove(m_cursor.stepNext().transform([](bool) {}), tr("Cannot read the next snapshot"));
    return m_positionError.isEmpty();
}

bool HistorySession::stepPrevious() {
    if (!m_store || !m_cursor.canStepPrevious())
        return false;
    afterMove(m_cursor.stepPrevious().transform([](bool) {}),
              tr("Cannot read the previous snapshot"));
    return m_positionError.isEmpty();
}

bool HistorySession::moveToFirst() {
    if (!m_store)
        return false;
    auto moved = m_cursor.moveToFirst();
    if (moved && !*moved && m_timeline.range()) {
        // No snapshot in this scope: stand at the start so the notice says so.
        afterMove(m_cursor.moveTo(m_timeline.range()->first), tr("Cannot read the processes"));
        return false;
    }
    afterMove(moved.transform([](bool) {}), tr("Cannot read the first snapshot"));
    return moved && *moved;
}

bool HistorySession::moveToLast() {
    if (!m_store)
        return false;
    auto moved = m_cursor.moveToLast();
    if (moved && !*moved && m_timeline.range()) {
        afterMove(m_cursor.moveTo(m_timeline.range()->last), tr("Cannot read the processes"));
        return false;
    }
    afterMove(moved.transform([](bool) {}), tr("Cannot read the newest snapshot"));
    return moved && *moved;
}

QString HistorySession::notice() const {
    if (!m_store)
        return tr("No collector database is open.");
    if (!m_positionError.isEmpty())
        return m_positionError;
    if (m_timeline.isEmpty())
        return tr("%1 holds no data yet: the collector has not recorded anything into it.")
            .arg(path());
    return m_cursor.notice(scopeName());
}

void HistorySession::setInterval(std::int64_t t1, std::int64_t t2) {
    const auto interval = m_timeline.interval(t1, t2);
    if (!interval) {
        // Outside the data: nothing changes, the notice says why.
        m_rankingError =
            m_timeline.isEmpty()
                ? tr("There is no data to rank.")
                : tr("%1 to %2 lies outside the recorded range (%3 to %4).")
                      .arg(timeText(std::min(t1, t2)), timeText(std::max(t1, t2)),
                           timeText(m_timeline.range()->first), timeText(m_timeline.range()->last));
        emit intervalChanged();
        return;
    }
    m_interval = interval;
    rank();
}

void HistorySession::setIncludeGuests(bool include) {
    if (include == m_includeGuests)
        return;
    m_includeGuests = include;
    rank();
}

void HistorySession::rank() {
    m_rankingError.clear();
    if (!m_store || !m_interval) {
        m_ranking->setRanking({}, {});
        m_rankedCpuMs = 0;
        m_rankedCount = 0;
        emit intervalChanged();
        return;
    }
    auto top = m_store->topCpu(scope(), m_interval->first, m_interval->last, RankingLimit,
                               m_includeGuests);
    if (!top) {
        qCWarning(lcHistory).noquote() << path() << ": ranking failed:" << top.error().message;
        m_rankingError = tr("Cannot rank the processes of %1 from %2: %3")
                             .arg(scopeName(), path(), top.error().message);
        emit intervalChanged();
        return;
    }
    m_rankedCpuMs = 0;
    for (const store::ProcessUsage &usage : *top)
        m_rankedCpuMs += usage.cpuMs;
    m_rankedCount = top->size();
    m_ranking->setRanking(*top, *m_interval);
    emit intervalChanged();
}

QString HistorySession::rankingNotice() const {
    if (!m_rankingError.isEmpty())
        return m_rankingError;
    if (!m_store || !m_interval)
        return m_store ? tr("There is no data to rank.") : QString();
    if (m_rankedCount == 0)
        return tr("No process snapshots of %1 between %2 and %3.")
            .arg(scopeName(), timeText(m_interval->first), timeText(m_interval->last));
    if (m_rankedCount >= RankingLimit)
        return tr("Showing the %1 processes that used the most CPU time.").arg(RankingLimit);
    return {};
}

store::StoreResult<LoadCurve> HistorySession::loadCurve(int columns) {
    if (!m_store || !m_timeline.range())
        return LoadCurve{};
    store::SeriesQuery query;
    query.node = scope();
    query.metric = store::Metric::Load;
    query.from = m_timeline.range()->first;
    query.to = m_timeline.range()->last;
    query.maxPoints = std::clamp(4 * columns, 4, 100000);
    auto series = m_store->series(query);
    if (!series) {
        qCWarning(lcHistory).noquote()
            << path() << ": load of" << scopeName() << ":" << series.error().message;
        return std::unexpected(series.error());
    }
    return LoadCurve::fromSeries(*series);
}

} // namespace omview::history
