#include <QEvent>
#include <QFontMetricsF>
#include <QPainter>
#include <QStyle>
#include <cmath>
#include <omview/console/elidedlabel.h>

namespace omview {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QFrame(parent) {
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidedLabel::setText(const QString &text) {
    // One line: a message with line breaks would be cut after its first.
    QString line = text;
    line.replace(u'\n', u' ');
    if (line == m_text)
        return;
    m_text = line;
    setToolTip(m_text);
    setAccessibleName(m_text);
    updateGeometry();
    update();
}

QString ElidedLabel::shownText() const {
    return fontMetrics().elidedText(m_text, Qt::ElideRight, contentsRect().width());
}

QSize ElidedLabel::sizeHint() const {
    const QMargins m = contentsMargins();
    // Rounded up: elidedText() compares the exact width, horizontalAdvance() rounds it.
    const int width = int(std::ceil(QFontMetricsF(font()).horizontalAdvance(m_text)));
    return {width + m.left() + m.right(), fontMetrics().height() + m.top() + m.bottom()};
}

QSize ElidedLabel::minimumSizeHint() const {
    // Room for "…" and little more: the rest of the status bar keeps its place.
    const QMargins m = contentsMargins();
    return {fontMetrics().horizontalAdvance(QStringLiteral("x…")) + m.left() + m.right(),
            fontMetrics().height() + m.top() + m.bottom()};
}

void ElidedLabel::paintEvent(QPaintEvent *event) {
    QFrame::paintEvent(event);
    QPainter painter(this);
    style()->drawItemText(&painter, contentsRect(), Qt::AlignLeading | Qt::AlignVCenter, palette(),
                          isEnabled(), shownText(), foregroundRole());
}

void ElidedLabel::changeEvent(QEvent *event) {
    if (event->type() == QEvent::FontChange)
        updateGeometry();
    QFrame::changeEvent(event);
}

} // namespace omview
