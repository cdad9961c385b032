#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <omview/console/connectionsdialog.h>
#include <omview/console/profilestore.h>

using namespace Qt::StringLiterals;

namespace omview {

// ---- ProfileEditor

ProfileEditor::ProfileEditor(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_socket(new QLineEdit(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_user(new QLineEdit(this))
    , m_identity(new QLineEdit(this))
    , m_useAgent(new QCheckBox(tr("Offer the keys of ssh-&agent"), this))
    , m_knownHosts(new QLineEdit(this))
    , m_config(new QComboBox(this))
    , m_configFile(new QLineEdit(this))
    , m_proxyJump(new QLineEdit(this))
    , m_agentSocket(new QLineEdit(this))
    , m_access(new QComboBox(this)) {
    m_name->setObjectName(u"name"_s);
    m_kind->setObjectName(u"kind"_s);
    m_socket->setObjectName(u"socket"_s);
    m_host->setObjectName(u"host"_s);
    m_port->setObjectName(u"port"_s);
    m_user->setObjectName(u"user"_s);
    m_identity->setObjectName(u"identity"_s);
    m_knownHosts->setObjectName(u"knownHosts"_s);
    m_config->setObjectName(u"config"_s);
    m_configFile->setObjectName(u"configFile"_s);

    m_kind->addItem(tr("Local agent socket"));
    m_kind->addItem(tr("SSH to an entry node"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("default"));
    m_config->addItem(tr("~/.ssh/config (default)"));
    m_config->addItem(tr("None"));
    m_config->addItem(tr("This file:"));
    m_access->addItem(tr("Socket, else the bridge"));
    m_access->addItem(tr("Socket forwarding only"));
    m_access->addItem(tr("Bridge command only"));
    m_name->setPlaceholderText(tr("e.g. lab cluster"));
    m_socket->setPlaceholderText(ConnectionProfile::DefaultSocketPath);
    m_host->setPlaceholderText(tr("name, address or ~/.ssh/config alias"));
    m_user->setPlaceholderText(tr("from ~/.ssh/config, else your user name"));
    m_identity->setPlaceholderText(tr("from ~/.ssh/config and ~/.ssh/id_*"));
    m_knownHosts->setPlaceholderText(tr("~/.ssh/known_hosts"));
    m_proxyJump->setPlaceholderText(tr("[user@]host[:port], from ~/.ssh/config"));
    m_agentSocket->setPlaceholderText(SshTarget::DefaultAgentSocket);

    m_name->setWhatsThis(tr("<p>The profile's name, as the Connections list shows it.</p>"));
    m_kind->setWhatsThis(tr("<p>How omview reaches the cluster: the agent of this machine "
                            "through its socket, or an entry node's agent over SSH. Any node "
                            "leads to the whole cluster.</p>"));
    m_socket->setWhatsThis(tr("<p>The agent's socket on this machine.</p>"));
    m_host->setWhatsThis(tr("<p>The entry node: a host name, an address, or a Host alias of "
                            "your SSH client configuration.</p>"));
    m_port->setWhatsThis(tr("<p>The SSH port; <i>default</i> takes it from the client "
                            "configuration, else 22.</p>"));
    m_user->setWhatsThis(tr("<p>The user to log in as; empty takes it from the client "
                            "configuration, else your own user name.</p>"));
    m_identity->setWhatsThis(tr("<p>A private key to try before the configured and default "
                                "ones.</p>"));
    m_useAgent->setWhatsThis(tr("<p>Offer the keys held by your ssh-agent first.</p>"));
    m_knownHosts->setWhatsThis(tr("<p>The known_hosts file host keys are checked against and "
                                  "accepted keys are written to.</p>"));
    m_config->setWhatsThis(tr("<p>Which OpenSSH client configuration to honour (Host aliases, "
                              "User, Port, IdentityFile, ProxyJump, UserKnownHostsFile).</p>"));
    m_configFile->setWhatsThis(tr("<p>The OpenSSH client configuration file to read when "
                                  "<i>This file</i> is chosen.</p>"));
    m_proxyJump->setWhatsThis(tr("<p>Hosts to go through on the way, as ssh -J takes "
                                 "them.</p>"));
    m_agentSocket->setWhatsThis(tr("<p>omagentd's socket on the entry node.</p>"));
    m_access->setWhatsThis(tr("<p>How SSH reaches the agent: forwarding its socket (sshd's "
                              "AllowStreamLocalForwarding), or running <tt>omagentd "
                              "--bridge</tt> on the node.</p>"));

    // One form for both kinds, so that every field lines up; the kind shows its own rows.
    m_form = new QFormLayout;
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("Connec&t with:"), m_kind);
    m_form->addRow(tr("&Socket:"), fileRow(m_socket, tr("Agent Socket")));
    m_form->addRow(tr("&Host:"), m_host);
    m_form->addRow(tr("&Port:"), m_port);
    m_form->addRow(tr("&User:"), m_user);
    m_form->addRow(tr("&Key file:"), fileRow(m_identity, tr("Private Key")));
    m_form->addRow(QString(), m_useAgent);
    m_form->addRow(tr("Known &hosts:"), fileRow(m_knownHosts, tr("Known Hosts File")));
    auto *configRow = new QWidget(this);
    auto *configLayout = new QHBoxLayout(configRow);
    configLayout->setContentsMargins(0, 0, 0, 0);
    configLayout->addWidget(m_config);
    m_configRow = fileRow(m_configFile, tr("SSH Client Configuration"));
    configLayout->addWidget(m_configRow, 1);
    m_form->addRow(tr("&Configuration:"), configRow);
    auto *configLabel = qobject_cast<QLabel *>(m_form->labelForField(configRow));
    if (configLabel)
        configLabel->setBuddy(m_config);
    m_form->addRow(tr("Pro&xyJump:"), m_proxyJump);
    m_form->addRow(tr("A&gent socket:"), m_agentSocket);
    m_form->addRow(tr("Agent &access:"), m_access);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_form);
    layout->addStretch(1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileEditor::showKindRows);
    connect(m_config, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_configRow->setEnabled(index == 2); });
    for (QLineEdit *e : {m_name, m_socket, m_host, m_user, m_identity, m_knownHosts, m_configFile,
                         m_proxyJump, m_agentSocket})
        connect(e, &QLineEdit::textChanged, this, &ProfileEditor::changed);
    for (QComboBox *c : {m_kind, m_config, m_access})
        connect(c, &QComboBox::currentIndexChanged, this, &ProfileEditor::changed);
    connect(m_port, &QSpinBox::valueChanged, this, &ProfileEditor::changed);
    connect(m_useAgent, &QCheckBox::toggled, this, &ProfileEditor::changed);
    setProfile(ConnectionProfile::localSocket());
}

QWidget *ProfileEditor::fileRow(QLineEdit *edit, const QString &title) {
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QToolButton(row);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose a file"));
    browse->setWhatsThis(tr("<p>Opens a file chooser for the field beside it.</p>"));
    layout->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        const QString start = edit->text().isEmpty() ? QDir::homePath() : edit->text();
        const QString chosen = QFileDialog::getOpenFileName(this, title, start, QString(), nullptr,
                                                            QFileDialog::DontResolveSymlinks);
        if (!chosen.isEmpty())
            edit->setText(chosen);
    });
    return row;
}

void ProfileEditor::showKindRows() {
    const bool ssh = m_kind->currentIndex() == 1;
    // Rows 0 and 1 are the name and the kind; 2 the socket; the rest SSH's.
    m_form->setRowVisible(2, !ssh);
    for (int row = 3; row < m_form->rowCount(); ++row)
        m_form->setRowVisible(row, ssh);
}

void ProfileEditor::setProfile(const ConnectionProfile &profile) {
    const SshTarget &t = profile.ssh;
    m_base = t;
    m_name->setText(profile.name);
    m_kind->setCurrentIndex(profile.kind == ConnectionProfile::Kind::Ssh ? 1 : 0);
    showKindRows();
    m_socket->setText(profile.socketPath == ConnectionProfile::DefaultSocketPath
                          ? QString()
                          : profile.socketPath);
    m_host->setText(t.host);
    m_port->setValue(t.port ? int(*t.port) : 0);
    m_user->setText(t.user);
    m_identity->setText(t.identityFile);
    m_useAgent->setChecked(t.useSshAgent);
    m_knownHosts->setText(t.knownHostsFile);
    m_config->setCurrentIndex(!t.readConfig ? 1 : t.configFile.isEmpty() ? 0 : 2);
    m_configFile->setText(t.configFile);
    m_configRow->setEnabled(m_config->currentIndex() == 2);
    m_proxyJump->setText(t.proxyJump);
    m_agentSocket->setText(t.agentSocket == SshTarget::DefaultAgentSocket ? QString()
                                                                          : t.agentSocket);
    m_access->setCurrentIndex(t.access == AgentAccess::Socket   ? 1
                              : t.access == AgentAccess::Bridge ? 2
                                                                : 0);
}

ConnectionProfile ProfileEditor::profile() const {
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.kind = m_kind->currentIndex() == 1 ? ConnectionProfile::Kind::Ssh
                                         : ConnectionProfile::Kind::LocalSocket;
    p.socketPath = m_socket->text().trimmed().isEmpty() ? ConnectionProfile::DefaultSocketPath
                                                        : m_socket->text().trimmed();
    SshTarget t = m_base;
    t.host = m_host->text().trimmed();
    t.port = m_port->value() == 0 ? std::nullopt : std::optional<quint16>(quint16(m_port->value()));
    t.user = m_user->text().trimmed();
    t.identityFile = m_identity->text().trimmed();
    t.useSshAgent = m_useAgent->isChecked();
    t.knownHostsFile = m_knownHosts->text().trimmed();
    t.readConfig = m_config->currentIndex() != 1;
    t.configFile = m_config->currentIndex() == 2 ? m_configFile->text().trimmed() : QString();
    t.proxyJump = m_proxyJump->text().trimmed();
    t.agentSocket = m_agentSocket->text().trimmed().isEmpty() ? SshTarget::DefaultAgentSocket
                                                              : m_agentSocket->text().trimmed();
    t.access = m_access->currentIndex() == 1   ? AgentAccess::Socket
               : m_access->currentIndex() == 2 ? AgentAccess::Bridge
                                               : AgentAccess::Auto;
    p.ssh = t;
    return p;
}

// ---- ConnectionsDialog

ConnectionsDialog::ConnectionsDialog(ProfileStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_list(new QListWidget(this))
    , m_editor(new ProfileEditor(this))
    , m_message(new QLabel(this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_connect(new QPushButton(tr("&Connect"), this)) {
    setObjectName(u"connectionsDialog"_s);
    setWindowTitle(tr("Connections"));
    m_list->setObjectName(u"profiles"_s);
    m_list->setWhatsThis(tr("<p>Your saved connection profiles. Select one to see or edit it; "
                            "double-click to connect with it.</p>"));
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);

    auto *add = new QPushButton(tr("&New"), this);
    auto *save = new QPushButton(tr("&Save"), this);
    add->setObjectName(u"new"_s);
    save->setObjectName(u"save"_s);
    m_remove->setObjectName(u"remove"_s);
    m_connect->setObjectName(u"connect"_s);
    add->setWhatsThis(tr("<p>Starts a new profile in the form.</p>"));
    save->setWhatsThis(tr("<p>Saves the form as a profile under its name, replacing a profile "
                          "of the same name.</p>"));
    m_remove->setWhatsThis(tr("<p>Removes the selected profile.</p>"));
    m_connect->setWhatsThis(tr("<p>Connects with the profile in the form (saved or not), "
                               "closing the current connection.</p>"));
    m_connect->setDefault(true);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    auto *right = new QVBoxLayout;
    right->addWidget(m_editor, 1);
    right->addWidget(m_message);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(save, QDialogButtonBox::ActionRole);
    buttons->addButton(m_connect, QDialogButtonBox::AcceptRole);
    buttons->button(QDialogButtonBox::Close)
        ->setWhatsThis(tr("<p>Closes the dialog; profiles not saved are dropped.</p>"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionsDialog::onSelected);
    connect(m_list, &QListWidget::itemDoubleClicked, m_connect, &QPushButton::click);
    connect(add, &QPushButton::clicked, this, [this] {
        m_list->setCurrentRow(-1);
        m_editor->setProfile(ConnectionProfile::overSsh(SshTarget{}, QString()));
        m_editor->nameEdit()->clear();
        m_editor->nameEdit()->setFocus();
        showMessage(tr("Fill in the new profile, then Save or Connect."), false);
    });
    connect(save, &QPushButton::clicked, this, &ConnectionsDialog::saveProfile);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionsDialog::removeProfile);
    connect(m_connect, &QPushButton::clicked, this, [this] {
        ConnectionProfile p = m_editor->profile();
        if (p.name.isEmpty())
            p.name = p.description();
        if (const auto problem = p.problem()) {
            showMessage(*problem, true);
            return;
        }
        emit connectRequested(p);
        accept();
    });
    refresh(m_store.lastUsed());
    resize(sizeHint().expandedTo(QSize(fontMetrics().horizontalAdvance(u'x') * 100, 0)));
}

QString ConnectionsDialog::messageText() const {
    return m_message->text();
}

void ConnectionsDialog::showMessage(const QString &text, bool error) {
    m_message->setText(error ? u"<span style=\"color:%1\">%2</span>"_s.arg(
                                   QColor(0xda, 0x44, 0x53).name(), text.toHtmlEscaped())
                             : text.toHtmlEscaped());
}

void ConnectionsDialog::refresh(const QString &selectName) {
    m_list->clear();
    for (const ConnectionProfile &p : m_store.profiles()) {
        auto *item = new QListWidgetItem(p.name, m_list);
        item->setToolTip(p.description());
        item->setData(Qt::UserRole, p.name);
    }
    m_remove->setEnabled(m_list->count() > 0);
    if (!selectName.isEmpty())
        select(selectName);
    if (m_list->currentRow() < 0 && m_list->count() > 0)
        m_list->setCurrentRow(0);
}

bool ConnectionsDialog::select(const QString &name) {
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == name) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void ConnectionsDialog::onSelected() {
    QListWidgetItem *item = m_list->currentItem();
    m_remove->setEnabled(item != nullptr);
    if (!item)
        return;
    if (const auto p = m_store.profile(item->data(Qt::UserRole).toString()))
        m_editor->setProfile(*p);
    m_message->clear();
}

bool ConnectionsDialog::saveProfile() {
    const ConnectionProfile p = m_editor->profile();
    if (const auto saved = m_store.save(p); !saved) {
        showMessage(tr("Not saved: %1").arg(saved.error()), true);
        return false;
    }
    refresh(p.name);
    showMessage(tr("Saved “%1”.").arg(p.name), false);
    return true;
}

bool ConnectionsDialog::removeProfile() {
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return false;
    const QString name = item->data(Qt::UserRole).toString();
    if (!m_store.remove(name)) {
        showMessage(tr("There is no profile “%1” any more.").arg(name), true);
        refresh();
        return false;
    }
    refresh();
    showMessage(tr("Removed “%1”.").arg(name), false);
    return true;
}

} // namespace omview
