#include <QDialog>
#include <omview/console/clustersession.h>
#include <omview/console/promptdialogs.h>
#include <omview/console/sessionprompts.h>

namespace omview {

SessionPrompts::SessionPrompts(QWidget *window)
    : QObject(window)
    , m_window(window) {}

SessionPrompts::~SessionPrompts() = default;

void SessionPrompts::follow(ClusterSession *session) {
    withdraw();
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (!session)
        return;
    connect(session, &ClusterSession::hostKeyUnknown, this, &SessionPrompts::onHostKey);
    connect(session, &ClusterSession::credentialsRequested, this, &SessionPrompts::onCredentials);
    connect(session, &ClusterSession::promptWithdrawn, this, &SessionPrompts::withdraw);
}

HostKeyDialog *SessionPrompts::hostKeyDialog() const {
    return m_hostKey;
}

CredentialsDialog *SessionPrompts::credentialsDialog() const {
    return m_credentials;
}

void SessionPrompts::onHostKey(const HostKeyPrompt &prompt) {
    withdraw();
    m_hostKey = new HostKeyDialog(prompt, m_window);
    m_hostKey->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_hostKey, &QDialog::finished, this, [this](int result) {
        SshTransport *ssh = m_session ? m_session->sshTransport() : nullptr;
        if (!ssh)
            return;
        if (result == QDialog::Accepted) {
            ssh->acceptHostKey();
            emit message(tr("Host key of %1 trusted").arg(m_hostKey->prompt().host));
        } else {
            ssh->rejectHostKey();
            emit message(
                tr("Host key of %1 not trusted: not connecting").arg(m_hostKey->prompt().host));
        }
    });
    m_hostKey->open();
}

void SessionPrompts::onCredentials(const CredentialsPrompt &prompt) {
    withdraw();
    m_credentials = new CredentialsDialog(prompt, m_window);
    m_credentials->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_credentials, &QDialog::finished, this, [this](int result) {
        SshTransport *ssh = m_session ? m_session->sshTransport() : nullptr;
        if (!ssh)
            return;
        if (result == QDialog::Accepted)
            ssh->answerCredentials(m_credentials->answers());
        else
            ssh->cancelCredentials();
    });
    m_credentials->open();
}

void SessionPrompts::withdraw() {
    for (QDialog *dialog :
         {static_cast<QDialog *>(m_hostKey.data()), static_cast<QDialog *>(m_credentials.data())}) {
        if (dialog) {
            dialog->disconnect(this);
            dialog->close();
        }
    }
}

} // namespace omview
