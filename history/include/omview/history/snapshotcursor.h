// Where the browser stands among a store's process snapshots: the node (or
// every node), the snapshot at or before the moment asked for, its neighbours,
// and what people should be told about it (nothing recorded, a gap).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <cstdint>
#include <omview/store/collectorstore.h>
#include <optional>

namespace omview::history {

class SnapshotCursor {
    Q_DECLARE_TR_FUNCTIONS(omview::history::SnapshotCursor)

public:
    enum class Situation {
        Nowhere,     // no moment asked for yet
        NoSnapshots, // the scope has no process snapshot at all
        BeforeFirst, // the moment is before the scope's first snapshot
        AtSnapshot,  // the snapshot shown is the one the moment belongs to
        InGap,       // the moment lies in a stretch without snapshots
        AfterLast,   // the moment is well after the scope's last snapshot
    };

    explicit SnapshotCursor(store::CollectorStore *store = nullptr);

    // Forgets the position. The store must outlive its use here.
    void setStore(store::CollectorStore *store);
    std::optional<store::NodeId> scope() const { return m_scope; }
    // Takes effect with the next move (reload() keeps the moment).
    void setScope(std::optional<store::NodeId> node) { m_scope = node; }

    // Shows the snapshot at or before t. On an error nothing changes.
    store::StoreResult<void> moveTo(std::int64_t t);
    // The moment asked for last, read again (another scope, more data).
    store::StoreResult<void> reload();
    // To the neighbouring snapshot; false (and nothing changes) when there is none.
    store::StoreResult<bool> stepNext();
    store::StoreResult<bool> stepPrevious();
    store::StoreResult<bool> moveToFirst();
    store::StoreResult<bool> moveToLast();

    bool canStepNext() const { return m_snapshot.next.has_value(); }
    bool canStepPrevious() const { return m_snapshot.previous.has_value(); }

    std::optional<std::int64_t> asked() const { return m_asked; }
    const store::ProcessSnapshot &snapshot() const { return m_snapshot; }
    Situation situation() const;
    // The usual distance between snapshots here, guessed from the neighbours.
    std::optional<std::int64_t> snapshotInterval() const;
    // What to tell people about the snapshot shown; empty for AtSnapshot.
    QString notice(const QString &scopeName) const;

private:
    store::CollectorStore *m_store = nullptr;
    std::optional<store::NodeId> m_scope;
    std::optional<std::int64_t> m_asked;
    store::ProcessSnapshot m_snapshot;
};

} // namespace omview::history
