// One open collector database as the analyzer sees it (no widgets): the store,
// the node list and statistics models, the range shown (a selection, perhaps
// zoomed into), the load threshold, and live follow -- polling the store for
// new rows and saying which charts to extend, so charts re-query only their
// newest columns and nothing at all when nothing was written.
#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <atomic>
#include <memory>
#include <omview/analyzer/chartdata.h>
#include <omview/analyzer/rangeselection.h>
#include <omview/analyzer/seriesbuilder.h>
#include <omview/store/collectorstore.h>
#include <optional>

namespace omview::analyzer {

class NodeListModel;
class StatisticsModel;

class AnalyzerSession : public QObject {
    Q_OBJECT

public:
    static store::StoreResult<std::unique_ptr<AnalyzerSession>> open(const QString &path,
                                                                     QObject *parent = nullptr);
    ~AnalyzerSession() override;

    const QString &path() const;
    store::CollectorStore &store() { return *m_store; }
    SeriesBuilder &builder() { return m_builder; }
    NodeListModel *nodes() const { return m_nodes; }
    StatisticsModel *statistics() const { return m_statistics; }

    // What the file holds (nullopt: nothing yet), as of the last poll.
    std::optional<store::TimeRange> dataRange() const { return m_data; }

    RangeSelection selection() const { return m_selection; }
    // Refused (and nothing changes) when the selection is invalid.
    std::expected<void, QString> setSelection(const RangeSelection &selection);
    // A zoom (or pan) within the selection: shown instead of it until reset.
    std::expected<void, QString> zoomTo(const store::TimeRange &range);
    void resetZoom();
    std::optional<store::TimeRange> zoom() const { return m_zoom; }
    // The range every chart shows.
    store::TimeRange visibleRange() const;

    // Load units: 100 = every CPU of a node busy. 1..10000, else refused.
    double threshold() const { return m_threshold; }
    std::expected<void, QString> setThreshold(double threshold);

    // Polls the store every interval while on (and while the shown range can
    // move: not zoomed, not fixed in the past).
    bool isFollowing() const { return m_following; }
    void setFollowing(bool following);
    void setPollInterval(std::chrono::milliseconds interval);
    // Statistics follow new rows at most this often (they read the whole range).
    void setStatisticsInterval(std::chrono::milliseconds interval);

    // What a chart of @p node needs: the visible range, its title, the threshold.
    ChartRequest chartRequest(NodeId node, int widthPx) const;

    // Checks for rows written since the last poll: false (and nothing
    // emitted) when there are none; otherwise updates the node list, emits
    // dataAppended, and refreshes the statistics when due.
    store::StoreResult<bool> poll();

    // Recomputes every node's statistics over the visible range on a worker
    // thread (its own connection); statisticsReady when they are in the model.
    void refreshStatistics();
    bool statisticsPending() const { return m_statisticsPending > 0; }

signals:
    // The visible range changed (selection, zoom, or the data moved it):
    // charts build anew.
    void rangeChanged(const omview::store::TimeRange &range);
    // Rows were written after @p previousNewest; the visible range is now
    // @p range (moved forward, or unchanged): charts extend their tails.
    void dataAppended(const omview::store::TimeRange &range, std::int64_t previousNewest);
    void thresholdChanged(double threshold);
    void followingChanged(bool following);
    void statisticsReady();
    void errorOccurred(const QString &message);

private:
    AnalyzerSession(std::unique_ptr<store::CollectorStore> store, QObject *parent);
    void updateTimer();
    void emitRange();

    std::unique_ptr<store::CollectorStore> m_store;
    SeriesBuilder m_builder;
    NodeListModel *m_nodes;
    StatisticsModel *m_statistics;
    std::optional<store::TimeRange> m_data;
    RangeSelection m_selection = RangeSelection::last(3600);
    std::optional<store::TimeRange> m_zoom;
    double m_threshold = 75;
    bool m_following = true;
    QTimer m_poll;
    std::chrono::milliseconds m_statisticsInterval{10000};
    std::int64_t m_statisticsDoneMs = 0;        // steady clock, ms
    std::atomic<int> m_statisticsGeneration{0}; // read by the worker
    int m_statisticsPending = 0;
    QThreadPool m_workers;
};

} // namespace omview::analyzer
