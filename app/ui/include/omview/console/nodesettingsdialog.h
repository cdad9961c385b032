// The settings dialog of one node, of several, or of the whole cluster.
#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>
#include <omview/console/clustercommands.h>
#include <omview/console/settingsaggregate.h>
#include <omview/protocol/types.h>
#include <utility>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace omview {

class SettingsEditor;

// Reads the nodes' current settings from their agents when it opens (and on Reload), shows
// them (mixed where the nodes differ), checks what the user changes as the module would, and
// writes only what changed, to every node it could read. Expel, bring home and start/stop act
// at once. A node that cannot be read is named and left alone.
class NodeSettingsDialog : public QDialog {
    Q_OBJECT

public:
    enum class Scope { Node, Selection, Cluster };
    Q_ENUM(Scope)

    // `title` names the nodes for people ("Node 3 — 10.0.0.3 (node3)", "All nodes").
    NodeSettingsDialog(Scope scope, QList<NodeId> nodes, const QString &title,
                       ClusterCommands *commands, QWidget *parent = nullptr);
    ~NodeSettingsDialog() override;

    Scope scope() const { return m_scope; }
    const QList<NodeId> &nodes() const { return m_nodes; }
    SettingsEditor *editor() const { return m_editor; }
    // The nodes read and their settings, as last read.
    const QList<std::pair<NodeId, Settings>> &current() const { return m_read; }
    bool isBusy() const { return m_busy; }
    // The text of the message line (results, errors).
    QString messageText() const;
    bool hasError() const { return m_error; }
    QPushButton *button(const QString &objectName) const;

    // Re-reads every node's settings.
    void reload();
    // Writes what the user changed; closes the dialog afterwards when `thenClose`.
    void apply(bool thenClose = false);

signals:
    // The user asked for a terminal on the node (single-node dialog).
    void terminalRequested(omview::NodeId node);
    // A read, write or action finished (for tests and the status bar).
    void operationFinished();

private:
    void setBusy(bool busy, const QString &text = {});
    void showMessage(const QString &text, bool error);
    void showResult(const QString &text, bool error);
    void validate();
    // Waits for an action's results, shows them and reads the settings again.
    void runAction(const QString &what, QFuture<QList<ClusterCommands::NodeResult>> future);
    void onRead(const QList<std::pair<NodeId, Result<Settings>>> &results);
    QString nodeName(NodeId node) const;
    // A refused value for people, with the form's names of the fields.
    static QString describe(const ProtocolError &error);
    // The nodes whose settings were read: the ones written to.
    QList<NodeId> readNodes() const;

    Scope m_scope;
    QList<NodeId> m_nodes;
    QPointer<ClusterCommands> m_commands;
    SettingsEditor *m_editor;
    QLabel *m_participation;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_expel;
    QPushButton *m_bring;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_terminal = nullptr;
    QPushButton *m_reload;
    QList<std::pair<NodeId, Settings>> m_read;
    SettingsAggregate m_aggregate;
    QString m_readError; // of the last read
    bool m_busy = false;
    bool m_error = false;
    bool m_invalid = false;
    int m_running = 0; // nodes read with openMosix running
};

} // namespace omview
