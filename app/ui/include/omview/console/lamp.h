// The console's status lamps: one look for node states, the connection and the collector.
#pragma once

#include <QColor>
#include <QLabel>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <QWidget>

namespace omview {

// The colours of a lamp, chosen to read as green/red/grey/amber on light and dark palettes.
struct LampColor {
    static QColor up() { return QColor(0x27, 0xae, 0x60); }
    static QColor down() { return QColor(0xda, 0x44, 0x53); }
    static QColor unknown() { return QColor(0x8c, 0x93, 0x96); }
    static QColor busy() { return QColor(0xf6, 0x74, 0x00); }
};

// Draws a round lamp of that colour filling (centred in) rect, lit from above.
void paintLamp(QPainter &painter, const QRectF &rect, const QColor &color);

// A lamp followed by a text, for the status bar (connection state, collector on/off).
class LampLabel : public QWidget {
    Q_OBJECT

public:
    explicit LampLabel(QWidget *parent = nullptr);

    void setState(const QColor &color, const QString &text);
    QColor color() const { return m_color; }
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor m_color;
    QLabel *m_label;
};

} // namespace omview
