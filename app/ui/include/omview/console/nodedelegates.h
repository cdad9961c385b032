// The nodes pane's cells: lamp, node button, speed slider or efficiency, load and memory bars.
#pragma once

#include <QPersistentModelIndex>
#include <QPointer>
#include <QStyledItemDelegate>
#include <cstdint>
#include <omview/protocol/types.h>
#include <optional>

class QAbstractItemView;
class QStyleOptionSlider;

namespace omview {

// What every cell of the nodes pane shares: the cluster row in bold, and a row height that
// fits a button and a slider.
class NodeCellDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
    // The item's background (selection, alternating rows) without its text.
    static void paintBackground(QPainter *painter, const QStyleOptionViewItem &option);
    // The row height every delegate asks for.
    static int rowHeight(const QStyleOptionViewItem &option);
};

// The ID column: the node's state lamp (green up, red down, grey unknown) and its ID.
class StatusLampDelegate : public NodeCellDelegate {
    Q_OBJECT

public:
    using NodeCellDelegate::NodeCellDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

// The node column: a push button with the node's address and name ("All nodes" on the
// cluster row), drawn by the style; a click on it emits clicked().
class NodeButtonDelegate : public NodeCellDelegate {
    Q_OBJECT

public:
    using NodeCellDelegate::NodeCellDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    // The button's text for a row.
    static QString buttonText(const QModelIndex &index);

signals:
    void clicked(const QModelIndex &index);

private:
    static QRect buttonRect(const QRect &cell);
    QPersistentModelIndex m_pressed;
};

// The speed column: on a node's row a slider (logarithmic, SpeedScale) and the value beside
// it; dragging it and letting go emits speedChosen(); F2 opens a spin box for an exact value,
// which also ends in speedChosen(), never in the model. On the cluster row, the load-balancing
// efficiency as a bar.
class SpeedDelegate : public NodeCellDelegate {
    Q_OBJECT

public:
    explicit SpeedDelegate(QAbstractItemView *view);
    ~SpeedDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;

    // The slider's part of a cell (the value's text takes the rest).
    QRect sliderRect(const QStyleOptionViewItem &option) const;

signals:
    void speedChosen(omview::NodeId node, std::uint32_t speed);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void initSlider(QStyleOptionSlider &slider, const QStyleOptionViewItem &option,
                    std::uint32_t speed) const;
    int positionAt(const QStyleOptionViewItem &option, const QPoint &point) const;
    void endDrag(bool commit);
    int valueTextWidth(const QStyleOptionViewItem &option) const;

    QPointer<QAbstractItemView> m_view;
    QPersistentModelIndex m_drag; // while the mouse drags a slider
    int m_dragPosition = 0;
    std::uint32_t m_dragStartSpeed = 0;
};

// The load and used-memory columns: a bar of the share (of the CPUs, of the memory) with the
// cell's text on it, red above the warning threshold; greyed while the node's state is unknown.
class UsageBarDelegate : public NodeCellDelegate {
    Q_OBJECT

public:
    // fractionRole: NodeTableModel::LoadFractionRole or MemFractionRole.
    UsageBarDelegate(int fractionRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    int threshold() const { return m_threshold; }
    // Percent (1..100) above which the bar is red.
    void setThreshold(int percent);
    // Whether a share (1.0 = 100 %) is above the threshold.
    bool isAlarming(double fraction) const { return fraction * 100.0 > m_threshold; }

    // Draws a bar of fraction (0..1, clamped) with text, red when alarm, as the style draws
    // progress bars; shared with the efficiency bar.
    static void paintBar(QPainter *painter, const QStyleOptionViewItem &option, double fraction,
                         const QString &text, bool alarm, bool enabled);

private:
    int m_fractionRole;
    int m_threshold = 75;
};

} // namespace omview
