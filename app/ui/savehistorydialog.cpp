#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <omview/console/savehistorydialog.h>

using namespace Qt::StringLiterals;

namespace omview {

SaveHistoryDialog::SaveHistoryDialog(QWidget *parent, const QDateTime &now)
    : QDialog(parent)
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_file(new QLineEdit(this))
    , m_format(new QComboBox(this))
    , m_message(new QLabel(this)) {
    setObjectName(u"saveHistoryDialog"_s);
    setWindowTitle(tr("Save History"));
    m_from->setObjectName(u"from"_s);
    m_to->setObjectName(u"to"_s);
    m_file->setObjectName(u"file"_s);
    m_format->setObjectName(u"format"_s);
    m_message->setObjectName(u"message"_s);
    m_message->setWordWrap(true);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd HH:mm:ss"_s);
    }
    m_format->addItem(tr("SQLite database"), int(collector::SaveFormat::Sqlite));
    m_format->addItem(tr("CSV files"), int(collector::SaveFormat::Csv));
    m_file->setPlaceholderText(tr("a new file"));
    m_from->setWhatsThis(tr("<p>The first second to copy.</p>"));
    m_to->setWhatsThis(tr("<p>The last second to copy.</p>"));
    m_file->setWhatsThis(tr("<p>Where the copy goes: a new file (an existing one is never "
                            "overwritten). The collector writes it, so it must be a place the "
                            "collector's user may write to.</p>"));
    m_format->setWhatsThis(tr("<p>An SQLite database the history views can open, or CSV files "
                              "(one for the nodes, one for the processes) for other "
                              "programs.</p>"));
    setRange(now.addSecs(-3600), now);
    setFile(QDir::home().filePath(u"omview-history-%1.db"_s.arg(now.toString(u"yyyyMMdd-HHmm"_s))));

    auto *browse = new QToolButton(this);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose the file"));
    browse->setWhatsThis(tr("<p>Opens a file chooser for the file to write.</p>"));
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getSaveFileName(
            this, tr("Save History As"), m_file->text(),
            format() == collector::SaveFormat::Csv ? tr("CSV files (*.csv)")
                                                   : tr("SQLite databases (*.db *.sqlite)"),
            nullptr, QFileDialog::DontConfirmOverwrite);
        if (!chosen.isEmpty())
            m_file->setText(chosen);
    });
    auto *fileRow = new QWidget(this);
    auto *fileLayout = new QHBoxLayout(fileRow);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    fileLayout->addWidget(m_file, 1);
    fileLayout->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("F&ile:"), fileRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(fileRow)))
        label->setBuddy(m_file);
    // The suggested name follows the format; a name the user typed is left alone.
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        QString name = file();
        const bool csv = format() == collector::SaveFormat::Csv;
        if (csv && name.endsWith(u".db"_s))
            name.replace(name.size() - 3, 3, u".csv"_s);
        else if (!csv && name.endsWith(u".csv"_s))
            name.replace(name.size() - 4, 4, u".db"_s);
        m_file->setText(name);
    });
    form->addRow(tr("F&ormat:"), m_format);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(u"save"_s);
    buttons->button(QDialogButtonBox::Save)
        ->setWhatsThis(tr("<p>Asks the collector to write the copy.</p>"));
    buttons->button(QDialogButtonBox::Cancel)
        ->setWhatsThis(tr("<p>Closes the dialog; nothing is saved.</p>"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SaveHistoryDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(u'x') * 70);
}

QDateTime SaveHistoryDialog::from() const {
    return m_from->dateTime();
}

QDateTime SaveHistoryDialog::to() const {
    return m_to->dateTime();
}

QString SaveHistoryDialog::file() const {
    return m_file->text().trimmed();
}

collector::SaveFormat SaveHistoryDialog::format() const {
    return static_cast<collector::SaveFormat>(m_format->currentData().toInt());
}

void SaveHistoryDialog::setRange(const QDateTime &from, const QDateTime &to) {
    m_from->setDateTime(from);
    m_to->setDateTime(to);
}

void SaveHistoryDialog::setFile(const QString &file) {
    m_file->setText(file);
}

void SaveHistoryDialog::setFormat(collector::SaveFormat format) {
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

QString SaveHistoryDialog::problem() const {
    if (from() >= to())
        return tr("The range is empty: “From” must be before “To”.");
    const QString path = file();
    if (path.isEmpty())
        return tr("Give the file to write.");
    const QFileInfo info(path);
    if (!info.isAbsolute())
        return tr("Give the file as a full path (the collector writes it, from its own "
                  "directory).");
    if (!info.absoluteDir().exists())
        return tr("The directory %1 does not exist.").arg(info.absolutePath());
    if (info.exists())
        return tr("%1 exists; the collector writes only new files. Choose another name.").arg(path);
    return {};
}

void SaveHistoryDialog::accept() {
    if (const QString why = problem(); !why.isEmpty()) {
        m_message->setText(why);
        return;
    }
    QDialog::accept();
}

} // namespace omview
