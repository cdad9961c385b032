// The small load chart above the browser's slider: the scope's load line with
// its gaps, checkpoints as labelled markers, the moment shown as a line and
// the ranking interval as a band. A click picks a moment, a drag an interval.
#pragma once

#include <QChartView>
#include <QList>
#include <cstdint>
#include <omview/history/loadcurve.h>
#include <omview/store/types.h>
#include <optional>

class QDateTimeAxis;
class QValueAxis;

namespace omview::history {

class LoadChartView : public QChartView {
    Q_OBJECT

public:
    explicit LoadChartView(QWidget *parent = nullptr);

    void setRange(std::optional<store::TimeRange> range);
    void setCurve(const LoadCurve &curve);
    void setCheckpoints(const QList<store::Checkpoint> &checkpoints);
    void setMoment(std::optional<std::int64_t> t);
    void setInterval(std::optional<store::TimeRange> interval);
    // Shown across the plot when there is nothing to draw.
    void setPlaceholder(const QString &text);

    // The plot area in viewport coordinates, and where a moment is in it.
    QRect plotRect() const;
    int xOf(std::int64_t t) const;
    std::int64_t timeAt(int x) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void momentClicked(std::int64_t t);
    void intervalDragged(std::int64_t from, std::int64_t to);
    void plotRectChanged(const QRect &rect);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyPalette();
    void updateAxes();
    QRectF plotSceneRect() const;
    double sceneXOf(std::int64_t t) const;

    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_loadAxis;
    std::optional<store::TimeRange> m_range;
    double m_maxValue = 0;
    QList<store::Checkpoint> m_checkpoints;
    std::optional<std::int64_t> m_moment;
    std::optional<store::TimeRange> m_interval;
    QString m_placeholder;
    std::optional<int> m_pressX;
    std::optional<int> m_dragX;
};

} // namespace omview::history
