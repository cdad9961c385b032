// The analyzer as a widget the console embeds: the range, threshold and
// follow controls, the node picker, a chart per shown node (the cluster's
// first) and the statistics table. Charts are built when they come into view
// and re-queried when the range, their width or (only at the tail) the data
// change. A click in a chart asks for the history at that moment.
#pragma once

#include <QDateTime>
#include <QHash>
#include <QTimer>
#include <QWidget>
#include <expected>
#include <memory>
#include <omview/analyzer/chartdata.h>
#include <omview/store/types.h>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QListView;
class QPrinter;
class QPushButton;
class QScrollArea;
class QSortFilterProxyModel;
class QSpinBox;
class QTableView;
class QToolButton;
class QVBoxLayout;

namespace omview::analyzer {

class AnalyzerSession;
class ChartReport;
class ChartView;

class AnalyzerWidget : public QWidget {
    Q_OBJECT

public:
    explicit AnalyzerWidget(QWidget *parent = nullptr);
    ~AnalyzerWidget() override;

    // Opens a collector database (replacing the one shown). On failure the
    // widget keeps what it showed.
    std::expected<void, QString> open(const QString &path);
    AnalyzerSession *session() const { return m_session.get(); }

    ChartView *chartView(NodeId node) const;
    QTableView *statisticsView() const { return m_table; }
    QListView *nodeView() const { return m_nodeList; }
    void scrollToChart(NodeId node);

    // Every visible chart is built for the current range and width.
    bool chartsCurrent() const;
    // The shown charts, in order, each brought up to date first (charts out
    // of sight are otherwise built only when they come into view).
    QList<ChartData> shownCharts();
    ChartReport report();

    std::expected<void, QString> exportPng(const QString &path);
    std::expected<void, QString> exportPdf(const QString &path);
    std::expected<QStringList, QString> exportCsv(const QString &path);
    std::expected<void, QString> print(QPrinter &printer);

signals:
    // The history at @p at on @p node (0: the whole cluster) was asked for.
    void historyRequested(omview::analyzer::NodeId node, const QDateTime &at);
    void errorOccurred(const QString &message);
    // A refresh pass finished (charts built or extended).
    void chartsRefreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Slot {
        ChartView *view = nullptr;
        std::optional<ChartData> data;
        bool needsBuild = true;
        std::optional<std::int64_t> tailFrom; // rows after this were written
    };

    void buildControls();
    void connectSession();
    void syncControls();
    void rebuildCharts();
    void insertCharts(int first, int last);
    void removeCharts(int first, int last);
    void rangeChanged();
    void dataAppended(std::int64_t previousNewest);
    void thresholdChanged(double threshold);
    void scheduleRefresh(int delayMs = 0);
    void refreshVisible();
    bool refreshChart(Slot &slot);
    bool inView(const ChartView *view) const;
    void applyCustomRange();
    void selectPreset(int index);
    void showError(const QString &message);
    void updateInfo();
    void updateLegend();
    // "minute rows": what the charts are drawn from.
    static QString tierWords(store::Tier tier);
    // "5 min": a column's width in time.
    static QString durationWords(std::int64_t seconds);

    std::unique_ptr<AnalyzerSession> m_session;
    QHash<NodeId, Slot> m_slots;
    QTimer m_refresh;

    QComboBox *m_range = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QLabel *m_dash = nullptr;
    QPushButton *m_apply = nullptr;
    QSpinBox *m_threshold = nullptr;
    QCheckBox *m_follow = nullptr;
    QToolButton *m_resetZoom = nullptr;
    QLabel *m_info = nullptr;
    QLabel *m_legend = nullptr;
    QListView *m_nodeList = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_chartsPane = nullptr;
    QVBoxLayout *m_chartsLayout = nullptr;
    QTableView *m_table = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
};

} // namespace omview::analyzer
