// The migration monitor (openMosixmigmon reworked): the nodes around a circle (a grid past 32),
// each process that runs away from home as a dot on the node it runs on with a line to its
// home, and the moves animated as their `migrations` events come. Dragging a dot onto another
// node asks for a move there, a double-click for a move home: the monitor only asks
// (migrateRequested()), whoever holds the agent connection carries it out.
#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <omview/procs/clusterguests.h>
#include <omview/procs/monitorlayout.h>
#include <omview/protocol/methods.h>
#include <omview/protocol/types.h>
#include <optional>

class QVariantAnimation;

namespace omview::procs {

class ClusterProcessModel;
class MigrationLogModel;

class MigrationMonitor : public QWidget {
    Q_OBJECT

public:
    // A guest as drawn.
    struct Dot {
        GuestProcess guest;
        QPointF position;
    };

    // @processes says which guests run where; @log (may be null) brings the moves, whose
    // figures the tooltips show. Neither is owned.
    explicit MigrationMonitor(ClusterProcessModel *processes, MigrationLogModel *log = nullptr,
                              QWidget *parent = nullptr);
    ~MigrationMonitor() override;

    QList<NodeId> nodes() const { return m_nodes; }
    // Null when the node is not shown.
    std::optional<QPointF> nodeCentre(NodeId node) const;
    QList<Dot> dots() const { return m_dots; }
    std::optional<Dot> dotAt(QPointF position) const;
    // 0 when no node's disc is there.
    NodeId nodeAt(QPointF position) const;
    // The moves under way (between their first step and their end) and the animations of moves
    // that just ended, still playing.
    int movesUnderWay() const { return int(m_underWay.size()); }
    int animationsRunning() const { return int(m_effects.size()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public slots:
    // Steps of moves as a `migrations` subscription reports them; the log's eventsAdded() is
    // connected here already.
    void showEvents(const QList<omview::MigrationEvent> &events);

signals:
    // The user asked to move the process `pid` of `reportingNode`'s list (the node to send
    // proc.migrate to) to `target`.
    void migrateRequested(omview::NodeId reportingNode, int pid,
                          const omview::MigrateTarget &target);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct UnderWay {
        MigrationEvent last;
    };
    // A move that ended, drawn for a moment: the process flying to its target, or a red flash
    // on the source for a failure.
    struct Effect {
        MigrationEvent event;
        QVariantAnimation *animation = nullptr;
        qreal progress = 0;
    };
    struct Drag {
        Dot dot;
        QPointF pressedAt;
        QPointF at;
        bool started = false;
    };

    void relayout();
    void startEffect(const MigrationEvent &event);
    QString dotToolTip(const Dot &dot) const;
    QString nodeToolTip(NodeId node) const;
    QColor nodeColour(NodeId node) const;
    bool darkPalette() const;
    QRectF drawingArea() const;

    void paintNodes(QPainter &p) const;
    void paintGuests(QPainter &p) const;
    void paintMoves(QPainter &p) const;
    void paintDrag(QPainter &p) const;

    ClusterGuests m_guests;
    QPointer<MigrationLogModel> m_log;
    QList<NodeId> m_nodes;
    NodeLayout m_layout;
    QHash<NodeId, QPointF> m_centres;
    QHash<NodeId, qsizetype> m_hidden; // guests that did not fit, per node
    QList<Dot> m_dots;
    QHash<QString, UnderWay> m_underWay; // by move id
    QList<Effect> m_effects;
    std::optional<Drag> m_drag;
    std::optional<qsizetype> m_hovered; // index into m_dots
};

} // namespace omview::procs
