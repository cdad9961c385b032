#include <omview/history/snapshotcursor.h>
#include <omview/history/textformat.h>

namespace omview::history {

using store::StoreError;
using store::StoreResult;

namespace {
StoreError noStore() {
    return StoreError{StoreError::Kind::InvalidArgument,
                      SnapshotCursor::tr("No collector database is open."), 0};
}
} // namespace

SnapshotCursor::SnapshotCursor(store::CollectorStore *store)
    : m_store(store) {}

void SnapshotCursor::setStore(store::CollectorStore *store) {
    m_store = store;
    m_asked.reset();
    m_snapshot = {};
}

StoreResult<void> SnapshotCursor::moveTo(std::int64_t t) {
    if (!m_store)
        return std::unexpected(noStore());
    auto snapshot = m_store->processSnapshot(m_scope, t);
    if (!snapshot)
        return std::unexpected(snapshot.error());
    m_asked = t;
    m_snapshot = std::move(*snapshot);
    return {};
}

StoreResult<void> SnapshotCursor::reload() {
    if (!m_asked)
        return moveToLast().transform([](bool) {});
    return moveTo(*m_asked);
}

StoreResult<bool> SnapshotCursor::stepNext() {
    if (!m_snapshot.next)
        return false;
    return moveTo(*m_snapshot.next).transform([] { return true; });
}

StoreResult<bool> SnapshotCursor::stepPrevious() {
    if (!m_snapshot.previous)
        return false;
    return moveTo(*m_snapshot.previous).transform([] { return true; });
}

StoreResult<bool> SnapshotCursor::moveToFirst() {
    if (!m_store)
        return std::unexpected(noStore());
    // Nothing is at or before second 0, so its "next" is the first snapshot.
    auto probe = m_store->processSnapshot(m_scope, 0);
    if (!probe)
        return std::unexpected(probe.error());
    const std::optional<std::int64_t> first = probe->t ? probe->t : probe->next;
    if (!first)
        return false;
    return moveTo(*first).transform([] { return true; });
}

StoreResult<bool> SnapshotCursor::moveToLast() {
    if (!m_store)
        return std::unexpected(noStore());
    auto range = m_store->range();
    if (!range)
        return std::unexpected(range.error());
    if (!*range)
        return false;
    auto probe = m_store->processSnapshot(m_scope, (*range)->last);
    if (!probe)
        return std::unexpected(probe.error());
    if (!probe->t)
        return false;
    m_asked = *probe->t;
    m_snapshot = std::move(*probe);
    return true;
}

std::optional<std::int64_t> SnapshotCursor::snapshotInterval() const {
    if (!m_snapshot.t)
        return std::nullopt;
    if (m_snapshot.previous)
        return *m_snapshot.t - *m_snapshot.previous;
    if (m_snapshot.next)
        return *m_snapshot.next - *m_snapshot.t;
    return std::nullopt;
}

SnapshotCursor::Situation SnapshotCursor::situation() const {
    if (!m_asked)
        return Situation::Nowhere;
    if (!m_snapshot.t)
        return m_snapshot.next ? Situation::BeforeFirst : Situation::NoSnapshots;
    const std::int64_t shown = *m_snapshot.t;
    const std::int64_t late = *m_asked - shown;
    // A snapshot is missing when the next one is more than one interval
    // late; the moment is in the gap once it is past where the missing one
    // would have been.
    const std::int64_t interval = snapshotInterval().value_or(60);
    if (m_snapshot.next) {
        const bool gap = *m_snapshot.next - shown > 2 * interval;
        return gap && late >= interval ? Situation::InGap : Situation::AtSnapshot;
    }
    return late > 2 * interval ? Situation::AfterLast : Situation::AtSnapshot;
}

QString SnapshotCursor::notice(const QString &scopeName) const {
    switch (situation()) {
    case Situation::Nowhere:
    case Situation::AtSnapshot:
        return {};
    case Situation::NoSnapshots:
        return tr("There are no process snapshots of %1 in this database.").arg(scopeName);
    case Situation::BeforeFirst:
        return tr("No process snapshot of %1 at or before %2: the first one was taken at %3.")
            .arg(scopeName, timeText(*m_asked), timeText(*m_snapshot.next));
    case Situation::InGap:
        return tr("No process snapshots of %1 from %2 to %3 (%4): the collector or the node was "
                  "not recording. The table shows the processes as of %2.")
            .arg(scopeName, timeText(*m_snapshot.t), timeText(*m_snapshot.next),
                 spanText(*m_snapshot.next - *m_snapshot.t));
    case Situation::AfterLast:
        return tr("The last process snapshot of %1 was taken at %2, %3 before the chosen moment. "
                  "The table shows the processes as of then.")
            .arg(scopeName, timeText(*m_snapshot.t), spanText(*m_asked - *m_snapshot.t));
    }
    return {};
}

} // namespace omview::history
