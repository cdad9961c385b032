// The process history browser: pick a node (or all), move the slider over
// the collected range and see the processes as they were, step between
// snapshots, and rank the processes by the CPU time they used between two
// moments. It displays a HistorySession and forwards what people do to it.
#pragma once

#include <QDateTime>
#include <QMainWindow>
#include <QString>
#include <expected>
#include <omview/store/types.h>

class QAction;
class QComboBox;
class QDateTimeEdit;
class QHeaderView;
class QLabel;
class QLineEdit;
class QMenu;
class QSlider;
class QSplitter;
class QTabWidget;
class QTableView;
class QTimer;
class QWidget;

namespace omview::history {

class HistorySession;
class LoadChartView;
class ProcessFilterModel;

class HistoryWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit HistoryWindow(QWidget *parent = nullptr);
    ~HistoryWindow() override;

    // Opens a collector database (read-only) and shows its newest snapshot, on
    // the node chosen last time if the database knows it. On failure the
    // window keeps what it showed and says why.
    std::expected<void, QString> openDatabase(const QString &path);
    HistorySession *session() const { return m_session; }

public slots:
    // The processes of a node (0: every node) at the snapshot at or before
    // @p at, e.g. for a click on a chart.
    void showMoment(omview::store::NodeId node, const QDateTime &at);
    // The processes of a node (0: every node) ranked by the CPU time they used
    // between two moments.
    void showCpuRanking(omview::store::NodeId node, const QDateTime &from, const QDateTime &to);
    void refresh();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildActions();
    void buildWidgets();
    void buildMenus();
    QWidget *buildRankingTab();
    void setUpTable(QTableView *view, ProcessFilterModel *proxy, QMenu *columnsMenu,
                    const QList<int> &hiddenByDefault);
    void restoreSettings();
    void saveSettings() const;
    void chooseDatabase();

    void fillNodes();
    void onOpened();
    void onRangeChanged();
    void onPosition();
    void onInterval();
    void onNotice();
    void reloadCurve();
    void alignSlider();
    void fitColumns(QTableView *view);
    void updateStatus();
    void styleNotice();
    void setScopeFromCombo();

    HistorySession *m_session;
    ProcessFilterModel *m_processFilter;
    ProcessFilterModel *m_rankingFilter;
    QString m_openError;
    bool m_syncing = false;
    bool m_fitProcessColumns = true;
    bool m_fitRankingColumns = true;
    int m_curveWidth = 0;

    QAction *m_openAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_closeAction = nullptr;
    QAction *m_firstAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_lastAction = nullptr;
    QAction *m_goToAction = nullptr;
    QAction *m_guestsAction = nullptr;
    QAction *m_processesTabAction = nullptr;
    QAction *m_rankingTabAction = nullptr;
    QMenu *m_processColumnsMenu = nullptr;
    QMenu *m_rankingColumnsMenu = nullptr;

    QComboBox *m_nodeCombo = nullptr;
    QLineEdit *m_userFilter = nullptr;
    QLineEdit *m_commandFilter = nullptr;
    QLabel *m_notice = nullptr;
    QSplitter *m_splitter = nullptr;
    LoadChartView *m_chart = nullptr;
    QWidget *m_sliderRow = nullptr;
    QSlider *m_slider = nullptr;
    QDateTimeEdit *m_momentEdit = nullptr;
    QLabel *m_snapshotLabel = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTableView *m_processView = nullptr;
    QTableView *m_rankingView = nullptr;
    QDateTimeEdit *m_rankFrom = nullptr;
    QDateTimeEdit *m_rankTo = nullptr;
    QLabel *m_rankingSummary = nullptr;
    QLabel *m_rankingNotice = nullptr;
    QLabel *m_statusLabel = nullptr;
    QTimer *m_curveTimer = nullptr;
    QTimer *m_refreshTimer = nullptr;
};

} // namespace omview::history
