// The processes that run away from home, per node they run on, as the ClusterProcessModel's
// rows say: what the migration monitor draws.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <cstdint>
#include <map>
#include <omview/protocol/types.h>

class QModelIndex;

namespace omview::procs {

class ClusterProcessModel;

struct GuestProcess {
    NodeId on = 0;        // the node it runs on
    NodeId home = 0;      // its home node
    NodeId reporting = 0; // the node whose list has it: where to send proc.migrate
    std::int32_t pid = 0; // there (criu keeps a process's PID when it moves)
    QString command;
    QString commandLine;
    bool operator==(const GuestProcess &) const = default;
};

// Follows the model's signals (never polls): a change under a node's row marks only that node
// to be read again, once, when the guests are next asked for; changes of the columns that do
// not say where a process runs (CPU, memory) are not even that. changed() comes at most once
// per turn of the event loop, and only when the guests or the nodes differ. A guest is listed
// once even when both the node it runs on (as a guest) and its home (as away) report it; the
// node it runs on wins, as it has the freshest view of it.
class ClusterGuests : public QObject {
    Q_OBJECT

public:
    // @model is not owned.
    explicit ClusterGuests(ClusterProcessModel *model, QObject *parent = nullptr);
    ~ClusterGuests() override;

    // The model's nodes, in ID order.
    QList<NodeId> nodes() const;
    // The guests running on the node, by home then pid.
    QList<GuestProcess> guestsOn(NodeId node) const;
    // Every guest, by the node it runs on, then home, then pid.
    QList<GuestProcess> all() const;

signals:
    void changed();

private:
    void markDirty(const QModelIndex &parent);
    void markAllDirty();
    void scheduleSignal();
    void refresh() const;

    QPointer<ClusterProcessModel> m_model;
    // What each node's list reports (guests and its own processes away), read again when dirty.
    mutable std::map<NodeId, QList<GuestProcess>> m_reported;
    mutable std::map<NodeId, QList<GuestProcess>> m_byNode; // merged, by the node they run on
    mutable QSet<NodeId> m_dirty;
    mutable bool m_allDirty = true;
    mutable bool m_mergeNeeded = true;
    bool m_signalPending = false;
};

} // namespace omview::procs
