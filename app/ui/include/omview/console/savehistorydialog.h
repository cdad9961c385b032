// Collector → Save History…: a time range, a new file and its format.
#pragma once

#include <QDateTime>
#include <QDialog>
#include <omview/collector/controlprotocol.h>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;

namespace omview {

// Asks what part of the collector's history to copy where; refuses (with the reason, keeping
// the dialog open) an empty or reversed range, a relative path, a missing directory or a file
// that exists (the collector never overwrites one).
class SaveHistoryDialog : public QDialog {
    Q_OBJECT

public:
    explicit SaveHistoryDialog(QWidget *parent = nullptr,
                               const QDateTime &now = QDateTime::currentDateTime());

    QDateTime from() const;
    QDateTime to() const;
    QString file() const;
    collector::SaveFormat format() const;

    void setRange(const QDateTime &from, const QDateTime &to);
    void setFile(const QString &file);
    void setFormat(collector::SaveFormat format);
    // The reason the dialog's values cannot be used, empty when they can.
    QString problem() const;

    void accept() override;

private:
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLineEdit *m_file;
    QComboBox *m_format;
    QLabel *m_message;
};

} // namespace omview
