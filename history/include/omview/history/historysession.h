// An open collector database as the history browser presents it: the node
// scope, the snapshot shown (a SnapshotCursor filling a ProcessSnapshotModel),
// the ranking interval (filling a CpuRankingModel), the load curve and the
// notices about them. The window only displays this state and forwards input.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QString>
#include <expected>
#include <memory>
#include <omview/history/loadcurve.h>
#include <omview/history/snapshotcursor.h>
#include <omview/history/timeline.h>
#include <omview/store/collectorstore.h>
#include <optional>

namespace omview::history {

class CpuRankingModel;
class ProcessSnapshotModel;

class HistorySession : public QObject {
    Q_OBJECT

public:
    // topCpu's limit: the ranking lists at most this many processes.
    static constexpr int RankingLimit = 500;

    explicit HistorySession(QObject *parent = nullptr);
    ~HistorySession() override;

    // Opens a collector database read-only, shows its newest snapshot and
    // ranks its last hour. On failure the message names the file and the
    // session stays as it was.
    std::expected<void, QString> open(const QString &path);
    bool isOpen() const { return m_store != nullptr; }
    QString path() const;

    // Reads the range, the nodes and the checkpoints again (a collector may
    // still be writing). The moment shown stays, unless it was the newest
    // snapshot: then the newest one is shown.
    void refresh();

    const Timeline &timeline() const { return m_timeline; }
    const QList<store::NodeInfo> &nodes() const { return m_nodes; }
    const QList<store::Checkpoint> &checkpoints() const { return m_checkpoints; }
    QString nodeName(store::NodeId node) const;

    // nullopt: every node.
    std::optional<store::NodeId> scope() const { return m_cursor.scope(); }
    QString scopeName() const;
    void setScope(std::optional<store::NodeId> node);

    // The snapshot at or before t (clamped into the range).
    void moveTo(std::int64_t t);
    bool stepNext();
    bool stepPrevious();
    bool moveToFirst();
    bool moveToLast();
    const SnapshotCursor &cursor() const { return m_cursor; }
    // What the browser should say about the snapshot shown: an empty
    // database, a gap, no snapshot yet, a failed query. Empty: nothing.
    QString notice() const;

    // Ranks the processes by CPU time within [t1, t2] (either order, clamped).
    void setInterval(std::int64_t t1, std::int64_t t2);
    std::optional<store::TimeRange> interval() const { return m_interval; }
    // Guests (processes that migrated in) in the ranking; see ProcessFilterModel.
    void setIncludeGuests(bool include);
    bool includeGuests() const { return m_includeGuests; }
    // What the browser should say about the ranking; empty: nothing.
    QString rankingNotice() const;
    std::int64_t rankedCpuMs() const { return m_rankedCpuMs; }

    // The scope's load over the whole range, at most 4 * columns points.
    store::StoreResult<LoadCurve> loadCurve(int columns);

    ProcessSnapshotModel *processes() const { return m_processes; }
    CpuRankingModel *ranking() const { return m_ranking; }

signals:
    void opened();       // another database: range, nodes, checkpoints are new
    void rangeChanged(); // refresh() found more data, nodes or checkpoints
    void scopeChanged();
    void positionChanged(); // the snapshot shown or the moment asked for changed
    void intervalChanged(); // the ranking's interval or its rows changed
    void noticeChanged();

private:
    std::expected<void, QString> readOverview(store::CollectorStore &store, Timeline &timeline,
                                              QList<store::NodeInfo> &nodes,
                                              QList<store::Checkpoint> &checkpoints) const;
    void applyNodeNames();
    // Pushes the cursor's snapshot into the model, or keeps the model and
    // records the error of a failed move.
    void afterMove(const store::StoreResult<void> &moved, const QString &what);
    void rank();
    void setNotice(QString &slot, const QString &text);

    std::unique_ptr<store::CollectorStore> m_store;
    Timeline m_timeline;
    QList<store::NodeInfo> m_nodes;
    QList<store::Checkpoint> m_checkpoints;
    SnapshotCursor m_cursor;
    std::optional<store::TimeRange> m_interval;
    bool m_includeGuests = false;
    std::int64_t m_rankedCpuMs = 0;
    qsizetype m_rankedCount = 0;
    QString m_positionError;
    QString m_rankingError;
    ProcessSnapshotModel *m_processes;
    CpuRankingModel *m_ranking;
};

} // namespace omview::history
