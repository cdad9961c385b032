// The questions an SSH connection asks: accept an unknown host key, give a password or answers.
#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>
#include <omview/ssh/sshstatus.h>

class QLineEdit;

namespace omview {

// Shows an unknown host's key (type and SHA256 fingerprint, and where it would be recorded)
// for the user to compare with the real one. Accepting means "trust and remember"; the
// default button is Reject, so a hasty Enter never trusts a key.
class HostKeyDialog : public QDialog {
    Q_OBJECT

public:
    explicit HostKeyDialog(const HostKeyPrompt &prompt, QWidget *parent = nullptr);
    const HostKeyPrompt &prompt() const { return m_prompt; }

private:
    HostKeyPrompt m_prompt;
};

// Asks for a password or the answers of a keyboard-interactive round, one field per question,
// hiding what is typed for secrets.
class CredentialsDialog : public QDialog {
    Q_OBJECT

public:
    explicit CredentialsDialog(const CredentialsPrompt &prompt, QWidget *parent = nullptr);
    const CredentialsPrompt &prompt() const { return m_prompt; }
    // One answer per field, in order.
    QStringList answers() const;
    QList<QLineEdit *> fields() const { return m_fields; }

private:
    CredentialsPrompt m_prompt;
    QList<QLineEdit *> m_fields;
};

} // namespace omview
