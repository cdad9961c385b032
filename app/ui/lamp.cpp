#include <QHBoxLayout>
#include <QRadialGradient>
#include <omview/console/lamp.h>

namespace omview {

void paintLamp(QPainter &painter, const QRectF &rect, const QColor &color) {
    const qreal d = std::min(rect.width(), rect.height());
    QRectF r(0, 0, d, d);
    r.moveCenter(rect.center());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    QRadialGradient light(r.center().x() - d * 0.15, r.center().y() - d * 0.2, d * 0.65);
    light.setColorAt(0, color.lighter(150));
    light.setColorAt(0.6, color);
    light.setColorAt(1, color.darker(125));
    painter.setBrush(light);
    painter.setPen(QPen(color.darker(160), std::max<qreal>(1.0, d / 14)));
    painter.drawEllipse(r.adjusted(0.5, 0.5, -0.5, -0.5));
    painter.restore();
}

LampLabel::LampLabel(QWidget *parent)
    : QWidget(parent)
    , m_color(LampColor::unknown())
    , m_label(new QLabel(this)) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(fontMetrics().height() + 6, 0, 0, 0);
    layout->addWidget(m_label);
}

void LampLabel::setState(const QColor &color, const QString &text) {
    m_color = color;
    m_label->setText(text);
    update();
}

QString LampLabel::text() const {
    return m_label->text();
}

QSize LampLabel::sizeHint() const {
    const QSize label = m_label->sizeHint();
    return {label.width() + fontMetrics().height() + 6,
            std::max(label.height(), fontMetrics().height())};
}

QSize LampLabel::minimumSizeHint() const {
    return sizeHint();
}

void LampLabel::paintEvent(QPaintEvent *) {
    QPainter painter(this);
    const int d = fontMetrics().height() * 3 / 4;
    paintLamp(painter, QRectF(2, (height() - d) / 2.0, d, d), m_color);
}

} // namespace omview
