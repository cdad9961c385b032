#include "logging.h"

#include <QTimer>
#include <omview/console/childwindow.h>
#include <omview/console/connectionsdialog.h>
#include <omview/console/lamp.h>
#include <omview/console/mainwindow.h>
#include <omview/console/nodesettingsdialog.h>
#include <omview/console/nodetablemodel.h>
#include <omview/console/promptdialogs.h>
#include <omview/console/sessionprompts.h>
#include <omview/console/settingseditor.h>

using namespace Qt::StringLiterals;

// MainWindow's connection: opening a session, its state on screen, the SSH questions.
namespace omview {

// ---- connection

void MainWindow::closeSessionDialogs() {
    for (const auto &dialog : std::as_const(m_dialogs)) {
        if (dialog)
            dialog->close();
    }
    m_dialogs.clear();
    m_prompts->withdraw();
}

void MainWindow::connectTo(const ConnectionProfile &profile) {
    closeSessionDialogs();
    // The processes of the cluster left go with their subscriptions, before the connection.
    setProcessClient(nullptr);
    followNodes({});
    if (m_session)
        m_session->close();
    m_commands.reset();
    m_session.reset();
    m_shownCluster = false;

    m_session = std::make_unique<ClusterSession>(profile);
    m_commands = std::make_unique<ClusterCommands>(m_session.get());
    m_model->follow(m_session.get());
    m_model->trackSpeedChanges(m_commands.get());
    connect(m_session.get(), &ClusterSession::stateChanged, this, &MainWindow::onSessionState);
    connect(m_session.get(), &ClusterSession::message, this, &MainWindow::showMessage);
    m_prompts->follow(m_session.get());
    connect(m_commands.get(), &ClusterCommands::done, this, &MainWindow::showMessage);
    // The model follows the session through an earlier connection, so it has the rows by now.
    // The processes pane lists the nodes the cluster table lists.
    connect(m_session.get(), &ClusterSession::clusterUpdated, this,
            [this](const QList<NodeRecord> &nodes) {
                QList<NodeId> ids;
                for (const NodeRecord &n : nodes)
                    ids.append(n.node.id);
                followNodes(ids);
            });
    connect(m_session.get(), &ClusterSession::clusterUpdated, this, [this] {
        if (m_shownCluster)
            return;
        m_shownCluster = true;
        QTimer::singleShot(0, this, &MainWindow::clusterShown);
    });

    if (m_profiles.profile(profile.name))
        m_profiles.setLastUsed(profile.name);
    setWindowTitle(tr("%1 — omview").arg(profile.description()));
    // open() says what it does ("Connecting to …", or why it cannot) through message().
    m_session->open();
    onSessionState(m_session->state());
}

ConnectionsDialog *MainWindow::showConnections() {
    return openChildWindow(
        m_connections,
        [this] {
            auto *dialog = new ConnectionsDialog(m_profiles, this);
            connect(dialog, &ConnectionsDialog::connectRequested, this, &MainWindow::connectTo);
            return dialog;
        },
        [](ConnectionsDialog &dialog, bool fresh) {
            if (fresh)
                dialog.open(); // window-modal, as before
            return true;
        });
}

void MainWindow::useSsh(bool on) {
    if (!on)
        return connectTo(m_profiles.preferredLocal());
    if (const auto ssh = m_profiles.preferredSsh())
        return connectTo(*ssh);
    m_actions.useSsh->setChecked(false);
    showMessage(tr("No SSH profile yet: add one under Connections"));
    ConnectionsDialog *dialog = showConnections();
    dialog->editor()->setProfile(ConnectionProfile::overSsh(SshTarget{}, QString()));
}

void MainWindow::onSessionState(ClusterSession::State state) {
    QColor color = LampColor::unknown();
    switch (state) {
    case ClusterSession::State::Connected:
        color = LampColor::up();
        // Connected, or connected again: every node's processes are followed anew.
        if (m_session)
            setProcessClient(m_session->client());
        break;
    case ClusterSession::State::Connecting:
    case ClusterSession::State::Reconnecting:
        color = LampColor::busy();
        break;
    case ClusterSession::State::Failed:
        color = LampColor::down();
        break;
    case ClusterSession::State::Disconnected:
        break;
    }
    // The lamp says the state in a word or two and nothing more: the session's own line
    // ("Connected to node 1 (root@host:22)", "Retrying in 4 s: …") is the message beside it
    // and the lamp's tooltip, so the status bar does not say the same thing twice.
    QString text;
    switch (state) {
    case ClusterSession::State::Connected:
        text = tr("Connected");
        break;
    case ClusterSession::State::Connecting:
        text = tr("Connecting…");
        break;
    case ClusterSession::State::Reconnecting:
        text = tr("Reconnecting…");
        break;
    case ClusterSession::State::Failed:
        text = tr("Connection failed");
        break;
    case ClusterSession::State::Disconnected:
        text = tr("Not connected");
        break;
    }
    m_connection->setState(color, text);
    // A failure that retrying cannot cure (a refused or changed host key, refused
    // credentials) needs the user: say it where it cannot be missed.
    if (state == ClusterSession::State::Failed && m_session &&
        m_failureShownFor != m_session.get()) {
        m_failureShownFor = m_session.get();
        const QString why =
            m_session->lastError().isEmpty() ? m_session->stateText() : m_session->lastError();
        showError(
            tr("Connection Failed"),
            tr("Could not connect to %1.\n\n%2").arg(m_session->profile().description(), why));
    }
    const QString detail = m_session ? m_session->stateText() : QString();
    m_connection->setToolTip(detail.isEmpty() ? tr("Not connected — File → Connect…") : detail);
    const QSignalBlocker block(m_actions.useSsh);
    m_actions.useSsh
        ->setChecked(m_session && m_session->profile().kind == ConnectionProfile::Kind::Ssh);
    updateActions();
}

HostKeyDialog *MainWindow::hostKeyDialog() const {
    return m_prompts->hostKeyDialog();
}

CredentialsDialog *MainWindow::credentialsDialog() const {
    return m_prompts->credentialsDialog();
}

} // namespace omview
