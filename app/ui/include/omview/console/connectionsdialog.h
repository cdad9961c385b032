// The connection profiles: list, edit, save, remove, and connect with one.
#pragma once

#include <QDialog>
#include <QWidget>
#include <omview/console/connectionprofile.h>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QFormLayout;

namespace omview {

class ProfileStore;

// The form of one profile: the local socket, or SSH to an entry node with its user, port,
// key, ssh-agent, known_hosts, client configuration, ProxyJump and the agent's socket there.
class ProfileEditor : public QWidget {
    Q_OBJECT

public:
    explicit ProfileEditor(QWidget *parent = nullptr);

    void setProfile(const ConnectionProfile &profile);
    // The profile as the form shows it (check it with problem()).
    ConnectionProfile profile() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindBox() const { return m_kind; }
    QLineEdit *socketEdit() const { return m_socket; }
    QLineEdit *hostEdit() const { return m_host; }
    QSpinBox *portBox() const { return m_port; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *identityEdit() const { return m_identity; }
    QLineEdit *knownHostsEdit() const { return m_knownHosts; }
    QComboBox *configBox() const { return m_config; }
    QLineEdit *configEdit() const { return m_configFile; }

signals:
    void changed();

private:
    void showKindRows();
    // The line edit with a button that fills it from a file chooser.
    QWidget *fileRow(QLineEdit *edit, const QString &title);

    QLineEdit *m_name;
    QComboBox *m_kind;
    QFormLayout *m_form;
    QLineEdit *m_socket;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QLineEdit *m_identity;
    QCheckBox *m_useAgent;
    QLineEdit *m_knownHosts;
    QComboBox *m_config;
    QLineEdit *m_configFile;
    QWidget *m_configRow = nullptr;
    QLineEdit *m_proxyJump;
    QLineEdit *m_agentSocket;
    QComboBox *m_access;
    SshTarget m_base; // fields the form does not show are kept as they were
};

// Lists the saved profiles and edits them; Connect hands the chosen profile (saved or not) to
// the window. Nothing is saved without Save, and a profile that cannot work is refused with
// the reason, changing nothing.
class ConnectionsDialog : public QDialog {
    Q_OBJECT

public:
    ConnectionsDialog(ProfileStore &store, QWidget *parent = nullptr);

    ProfileEditor *editor() const { return m_editor; }
    QListWidget *list() const { return m_list; }
    QString messageText() const;
    // Selects the profile of that name (false when there is none).
    bool select(const QString &name);
    // Saves the form's profile; false (and the reason shown) when refused.
    bool saveProfile();
    bool removeProfile();

signals:
    void connectRequested(const omview::ConnectionProfile &profile);

private:
    void refresh(const QString &select = {});
    void onSelected();
    void showMessage(const QString &text, bool error);

    ProfileStore &m_store;
    QListWidget *m_list;
    ProfileEditor *m_editor;
    QLabel *m_message;
    QPushButton *m_remove;
    QPushButton *m_connect;
};

} // namespace omview
