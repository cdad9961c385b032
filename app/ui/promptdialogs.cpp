#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>
#include <omview/console/promptdialogs.h>

using namespace Qt::StringLiterals;

namespace omview {

namespace {

QLabel *iconLabel(QWidget *parent, QStyle::StandardPixmap which) {
    auto *label = new QLabel(parent);
    const int size = parent->style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, parent);
    label->setPixmap(parent->style()->standardIcon(which, nullptr, parent).pixmap(size, size));
    label->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    return label;
}

QLabel *plainLabel(const QString &text, QWidget *parent) {
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// The part of the host key's file name that names its type: ssh_host_<kind>_key.pub.
QString hostKeyFileKind(const QString &keyType) {
    if (keyType.startsWith(u"ecdsa"_s))
        return u"ecdsa"_s;
    if (keyType.contains(u"rsa"_s))
        return u"rsa"_s;
    return u"ed25519"_s;
}

} // namespace

HostKeyDialog::HostKeyDialog(const HostKeyPrompt &prompt, QWidget *parent)
    : QDialog(parent)
    , m_prompt(prompt) {
    setObjectName(u"hostKeyDialog"_s);
    setWindowTitle(tr("Unknown Host Key — %1").arg(prompt.host));

    auto *intro = new QLabel(
        tr("<p><b>The authenticity of %1 cannot be established.</b></p>"
           "<p>omview has never connected to this host before. Compare the fingerprint below "
           "with the one the host's administrator gives you (on the host: <tt>ssh-keygen -lf "
           "/etc/ssh/ssh_host_%2_key.pub</tt>). Trust it only if they are the same: a different "
           "key can mean someone is intercepting the connection.</p>")
            .arg(prompt.host.toHtmlEscaped(), hostKeyFileKind(prompt.keyType)),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);

    auto *fingerprint = new QLabel(prompt.fingerprint, this);
    fingerprint->setObjectName(u"fingerprint"_s);
    fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    fingerprint->setWhatsThis(tr("<p>The SHA256 fingerprint of the key the host presented, as "
                                 "<tt>ssh-keygen -l</tt> prints it.</p>"));
    auto *form = new QFormLayout;
    form->addRow(tr("Host:"), plainLabel(prompt.host, this));
    form->addRow(tr("Key type:"), plainLabel(prompt.keyType, this));
    form->addRow(tr("Fingerprint:"), fingerprint);
    auto *file = plainLabel(prompt.knownHostsFile, this);
    file->setWhatsThis(tr("<p>Where the key is recorded when you trust it; later connections "
                          "check the host against it.</p>"));
    form->addRow(tr("Recorded in:"), file);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *trust = buttons->addButton(tr("&Trust and Connect"), QDialogButtonBox::AcceptRole);
    QPushButton *reject = buttons->addButton(tr("&Do Not Connect"), QDialogButtonBox::RejectRole);
    trust->setObjectName(u"trust"_s);
    reject->setObjectName(u"reject"_s);
    trust->setAutoDefault(false);
    reject->setDefault(true);
    trust->setWhatsThis(tr("<p>Records the key as this host's and connects.</p>"));
    reject->setWhatsThis(tr("<p>Does not connect; nothing is recorded.</p>"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(intro);
    text->addLayout(form);
    auto *top = new QHBoxLayout;
    top->addWidget(iconLabel(this, QStyle::SP_MessageBoxWarning));
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(u'x') * 70);
}

CredentialsDialog::CredentialsDialog(const CredentialsPrompt &prompt, QWidget *parent)
    : QDialog(parent)
    , m_prompt(prompt) {
    setObjectName(u"credentialsDialog"_s);
    const QString who =
        prompt.user.isEmpty() ? prompt.host : u"%1@%2"_s.arg(prompt.user, prompt.host);
    setWindowTitle(prompt.kind == CredentialsPrompt::Kind::Password
                       ? tr("Password for %1").arg(who)
                       : tr("Authentication for %1").arg(who));

    auto *text = new QVBoxLayout;
    QString intro = prompt.kind == CredentialsPrompt::Kind::Password
                        ? tr("<p><b>%1 asks for a password.</b></p>").arg(who.toHtmlEscaped())
                        : tr("<p><b>%1 asks for authentication.</b></p>").arg(who.toHtmlEscaped());
    if (!prompt.name.isEmpty())
        intro += u"<p>%1</p>"_s.arg(prompt.name.toHtmlEscaped());
    if (!prompt.instruction.isEmpty())
        intro += u"<p>%1</p>"_s.arg(prompt.instruction.toHtmlEscaped());
    if (prompt.attempt > 1)
        intro += tr("<p>The last answer was not accepted (attempt %1).</p>").arg(prompt.attempt);
    auto *label = new QLabel(intro, this);
    label->setObjectName(u"instruction"_s);
    label->setWordWrap(true);
    text->addWidget(label);

    auto *form = new QFormLayout;
    QList<CredentialsPrompt::Field> fields = prompt.fields;
    if (fields.isEmpty())
        fields.append({tr("Password:"), false});
    for (const auto &field : fields) {
        auto *edit = new QLineEdit(this);
        edit->setEchoMode(field.echo ? QLineEdit::Normal : QLineEdit::Password);
        edit->setObjectName(u"answer%1"_s.arg(m_fields.size()));
        edit->setWhatsThis(field.echo ? tr("<p>Your answer to the host's question.</p>")
                                      : tr("<p>A secret the host asks for; it is sent to the "
                                           "host only and not kept.</p>"));
        form->addRow(plainLabel(field.prompt.trimmed(), this), edit);
        m_fields.append(edit);
    }
    text->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Log In"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"ok"_s);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(u"cancel"_s);
    buttons->button(QDialogButtonBox::Ok)
        ->setWhatsThis(tr("<p>Sends the answers to the host.</p>"));
    buttons->button(QDialogButtonBox::Cancel)
        ->setWhatsThis(tr("<p>Does not answer: the connection is not made.</p>"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(iconLabel(this, QStyle::SP_MessageBoxQuestion));
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(u'x') * 55);
    if (!m_fields.isEmpty())
        m_fields.first()->setFocus();
}

QStringList CredentialsDialog::answers() const {
    QStringList list;
    for (const QLineEdit *edit : m_fields)
        list.append(edit->text());
    return list;
}

} // namespace omview
