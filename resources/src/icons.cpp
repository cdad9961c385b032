#include <QFile>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>
#include <omview/resources/icons.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcIcons, "omview.console.ui.icons", QtInfoMsg)

// Outside any namespace, as Q_INIT_RESOURCE requires. Referencing the resource's initialiser
// keeps the linker from dropping its object file from the static library.
static void initOmviewResources() {
    Q_INIT_RESOURCE(omview_resources);
}

namespace omview {

namespace {

// The ink of the bundled SVGs; replaced by the palette's text colour when drawn.
constexpr QByteArrayView Ink = "#232629";

QString bundledPath(const QString &name) {
    return u":/icons/%1.svg"_s.arg(name);
}

QColor inkFor(QIcon::Mode mode) {
    const QPalette palette = QGuiApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

} // namespace

PaletteIconEngine::PaletteIconEngine(QByteArray svg)
    : m_svg(std::move(svg)) {}

QByteArray PaletteIconEngine::coloured(QIcon::Mode mode) const {
    if (!m_svg.contains(Ink))
        return m_svg;
    QByteArray svg = m_svg;
    return svg.replace(Ink, inkFor(mode).name(QColor::HexRgb).toLatin1());
}

void PaletteIconEngine::paint(QPainter *painter, const QRect &rect, QIcon::Mode mode,
                              QIcon::State) {
    QSvgRenderer renderer(coloured(mode));
    if (!renderer.isValid())
        return;
    // Keep the aspect ratio: an icon asked for a wide rect is centred in it.
    QSizeF size = renderer.defaultSize();
    size.scale(rect.size(), Qt::KeepAspectRatio);
    QRectF target(QPointF(), size);
    target.moveCenter(QRectF(rect).center());
    renderer.render(painter, target);
}

QPixmap PaletteIconEngine::pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) {
    return scaledPixmap(size, mode, state, 1.0);
}

QPixmap PaletteIconEngine::scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                                        qreal scale) {
    if (size.isEmpty())
        return {};
    const QString key = u"%1,%2,%3,%4,%5"_s.arg(size.width())
                            .arg(size.height())
                            .arg(scale)
                            .arg(int(mode))
                            .arg(inkFor(mode).rgba());
    if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
        return *it;
    QPixmap pixmap(size * scale);
    pixmap.setDevicePixelRatio(scale);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        paint(&painter, QRect(QPoint(), size), mode, state);
    }
    // A palette change (light to dark) makes new keys; the cache stays small in practice.
    if (m_cache.size() > 64)
        m_cache.clear();
    m_cache.insert(key, pixmap);
    return pixmap;
}

QSize PaletteIconEngine::actualSize(const QSize &size, QIcon::Mode, QIcon::State) {
    return size;
}

QIconEngine *PaletteIconEngine::clone() const {
    return new PaletteIconEngine(m_svg);
}

QString PaletteIconEngine::key() const {
    return u"omview.palette-svg"_s;
}

bool PaletteIconEngine::isNull() {
    return m_svg.isEmpty();
}

void ensureResources() {
    static const bool done = [] {
        initOmviewResources();
        return true;
    }();
    Q_UNUSED(done);
}

QStringList bundledIconNames() {
    ensureResources();
    QStringList names;
    for (const QString &name : {u"application-exit"_s,
                                u"bookmark-new"_s,
                                u"configure"_s,
                                u"document-save"_s,
                                u"document-save-as"_s,
                                u"edit-find"_s,
                                u"go-home"_s,
                                u"go-next"_s,
                                u"go-previous"_s,
                                u"help-about"_s,
                                u"help-contents"_s,
                                u"help-contextual"_s,
                                u"media-playback-start"_s,
                                u"media-playback-stop"_s,
                                u"network-connect"_s,
                                u"network-server"_s,
                                u"office-chart-line"_s,
                                u"omview"_s,
                                u"utilities-terminal"_s,
                                u"view-filter"_s,
                                u"view-history"_s,
                                u"view-refresh"_s}) {
        if (QFile::exists(bundledPath(name)))
            names.append(name);
    }
    return names;
}

QIcon themedIcon(const QStringList &names) {
    ensureResources();
    QIcon bundled;
    for (const QString &name : names) {
        QFile file(bundledPath(name));
        if (file.open(QIODevice::ReadOnly)) {
            bundled = QIcon(new PaletteIconEngine(file.readAll()));
            break;
        }
    }
    for (const QString &name : names) {
        if (QIcon::hasThemeIcon(name))
            return QIcon::fromTheme(name, bundled);
    }
    if (bundled.isNull())
        qCWarning(lcIcons) << "no icon for" << names << "in the theme or among omview's own";
    return bundled;
}

QIcon themedIcon(const QString &name) {
    return themedIcon(QStringList{name});
}

QIcon applicationIcon() {
    return themedIcon(u"omview"_s);
}

} // namespace omview
