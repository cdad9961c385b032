// The nodes pane: the cluster row and its nodes, with lamps, buttons, sliders and bars.
#pragma once

#include <QList>
#include <QTreeView>
#include <cstdint>
#include <omview/procs/processcommands.h>
#include <omview/protocol/types.h>

class KSelectionProxyModel;

namespace omview {

class NodeButtonDelegate;
class SpeedDelegate;
class UsageBarDelegate;

// A tree view of NodeTableModel (through any proxies) showing the cluster row expanded as the
// single top-level row with every node under it. It only shows and forwards: the node buttons
// ask for settings dialogs, the sliders for speeds; what happens is the window's business.
// Columns can be moved, hidden and sorted; rows multi-selected.
class NodesView : public QTreeView {
    Q_OBJECT

public:
    // The rows the user selected: every node, or a set of them.
    struct Selection {
        bool cluster = false; // the cluster row is selected: "all nodes"
        QList<NodeId> nodes;  // the selected node rows, in view order
        bool isEmpty() const { return !cluster && nodes.isEmpty(); }
    };

    explicit NodesView(QWidget *parent = nullptr);
    ~NodesView() override;

    void setModel(QAbstractItemModel *model) override;

    Selection selection() const;
    // The node of the current row (nullopt on the cluster row or none).
    std::optional<NodeId> currentNode() const;

    int warningThreshold() const;
    // Percent (1..100) above which load and memory bars are red.
    void setWarningThreshold(int percent);

    SpeedDelegate *speedDelegate() const { return m_speed; }
    NodeButtonDelegate *buttonDelegate() const { return m_button; }
    // Where a node's button / slider is, in viewport coordinates (empty when not shown).
    QRect buttonRect(NodeId node) const;
    QRect clusterButtonRect() const;
    QRect sliderRect(NodeId node) const;
    QModelIndex indexOfNode(NodeId node, int column) const;

signals:
    void nodeSettingsRequested(omview::NodeId node);
    void allNodesSettingsRequested();
    void speedChosen(omview::NodeId node, std::uint32_t speed);
    // The selection changed (for enabling actions).
    void selectionChanged();
    // Processes dragged from a processes pane were dropped on a node: to migrate there.
    void processesDropped(omview::NodeId node, const QList<omview::procs::ProcessRef> &processes);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    // Dragged processes are taken by node rows, not by the cluster row nor by other columns'
    // editors; anything else dragged here is refused.
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void onButton(const QModelIndex &index);
    void keepClusterExpanded();
    // The node row a drop at @pos would land on, 0 for none.
    NodeId dropNode(const QPoint &pos) const;

    NodeButtonDelegate *m_button;
    SpeedDelegate *m_speed;
    UsageBarDelegate *m_load;
    UsageBarDelegate *m_memory;
    KSelectionProxyModel *m_selected = nullptr; // the view's selection as a model
};

} // namespace omview
