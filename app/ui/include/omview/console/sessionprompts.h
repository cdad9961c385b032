// What a connection asks the user — an unknown host key, a password or passphrase — as
// dialogs over a window, answered on the session's SSH transport. Shared by the console and
// omview-procs.
#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace omview {

class ClusterSession;
class CredentialsDialog;
class HostKeyDialog;
struct CredentialsPrompt;
struct HostKeyPrompt;

class SessionPrompts : public QObject {
    Q_OBJECT

public:
    // The dialogs open over @window (not owned, the parent of this object).
    explicit SessionPrompts(QWidget *window);
    ~SessionPrompts() override;

    // Answers @session's questions from now on (null: none); an open dialog of the session
    // before is closed unanswered.
    void follow(ClusterSession *session);
    // Closes the open dialog without answering: the question was settled elsewhere.
    void withdraw();

    // The dialog asking now, else null.
    HostKeyDialog *hostKeyDialog() const;
    CredentialsDialog *credentialsDialog() const;

signals:
    // "Host key of … trusted" (tr'd), for a status bar.
    void message(const QString &text);

private:
    void onHostKey(const HostKeyPrompt &prompt);
    void onCredentials(const CredentialsPrompt &prompt);

    QWidget *m_window;
    QPointer<ClusterSession> m_session;
    QPointer<HostKeyDialog> m_hostKey;
    QPointer<CredentialsDialog> m_credentials;
};

} // namespace omview
