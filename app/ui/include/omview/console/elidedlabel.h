// A one-line text that ends in "…" when it does not fit, for the status bar.
#pragma once

#include <QFrame>
#include <QString>

namespace omview {

// Shows one line of plain text, cut with "…" to the width it is given, the whole text in its
// tooltip and accessible name: the status bar's "what was done last", whose lines (a retry's
// reason, a file name) can be longer than the window is wide and must not be clipped mid-word.
class ElidedLabel : public QFrame {
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // The text as it is drawn at the current width.
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString m_text;
};

} // namespace omview
