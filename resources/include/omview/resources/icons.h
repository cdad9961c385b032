// The console's icons: the desktop theme's where it has them, else the SVGs compiled into
// omview, drawn in the colours of the current palette so they stay visible on dark themes.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QIcon>
#include <QIconEngine>
#include <QPixmap>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace omview {

// An icon for a freedesktop/KDE theme name ("document-save"): the theme's icon for the first
// of names it has, else omview's own SVG of the first of names it ships (a null icon when
// neither has any: a programming error, logged).
QIcon themedIcon(const QStringList &names);
QIcon themedIcon(const QString &name);
// The application icon (theme "omview", else the compiled-in SVG).
QIcon applicationIcon();
// Registers the compiled-in resources (:/icons, :/help); the functions here call it themselves.
void ensureResources();
// The theme names omview ships an SVG for.
QStringList bundledIconNames();

// Draws one monochrome SVG at any size and scale (crisp on HiDPI), replacing its ink colour
// (#232629, the colour Breeze's symbolic icons use in their sources) with the palette's text
// colour for the icon's mode; SVGs without that colour are drawn as they are.
class PaletteIconEngine : public QIconEngine {
public:
    explicit PaletteIconEngine(QByteArray svg);

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override;
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override;
    QSize actualSize(const QSize &size, QIcon::Mode mode, QIcon::State state) override;
    QIconEngine *clone() const override;
    QString key() const override;
    bool isNull() override;

    // The SVG as it is drawn in this mode with the application palette of the moment.
    QByteArray coloured(QIcon::Mode mode) const;

private:
    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache; // "w,h,scale,mode,colour"
};

} // namespace omview
