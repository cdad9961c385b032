#include "logging.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPixmap>
#include <QSaveFile>
#include <omview/console/screenshotwriter.h>

namespace omview {

ScreenshotWriter::ScreenshotWriter(QWidget *widget, QString file, std::chrono::seconds interval,
                                   QObject *parent)
    : QObject(parent)
    , m_widget(widget)
    , m_file(std::move(file)) {
    m_timer.setInterval(interval);
    connect(&m_timer, &QTimer::timeout, this, [this] { write(); });
}

void ScreenshotWriter::start() {
    if (m_started)
        return;
    m_started = true;
    write();
    if (m_timer.interval() > 0)
        m_timer.start();
}

std::expected<void, QString> ScreenshotWriter::write() {
    auto result = save(m_widget, m_file);
    if (!result) {
        qCWarning(lcUi) << "screenshot:" << result.error();
        emit failed(result.error());
        return result;
    }
    ++m_written;
    emit wrote(m_file);
    return {};
}

std::expected<void, QString> ScreenshotWriter::save(QWidget *widget, const QString &file) {
    if (!widget)
        return std::unexpected(
            QCoreApplication::translate("omview::ScreenshotWriter", "%1: the window is gone")
                .arg(file));
    const QPixmap pixmap = widget->grab();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (pixmap.isNull() || !pixmap.save(&buffer, "PNG"))
        return std::unexpected(QCoreApplication::translate("omview::ScreenshotWriter",
                                                           "%1: could not render the window")
                                   .arg(file));
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(png) != png.size() || !out.commit())
        return std::unexpected(QCoreApplication::translate("omview::ScreenshotWriter", "%1: %2")
                                   .arg(file, out.errorString()));
    return {};
}

} // namespace omview
