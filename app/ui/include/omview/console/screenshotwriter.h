// `omview --screenshot`: the main window as a PNG file, for a console without a display.
#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <chrono>
#include <expected>

namespace omview {

// Writes a widget as PNG when told the first time (once the cluster is shown), then every
// interval if one is given. Each write replaces the file atomically, so a viewer polling the
// file never reads half an image.
class ScreenshotWriter : public QObject {
    Q_OBJECT

public:
    ScreenshotWriter(QWidget *widget, QString file, std::chrono::seconds interval,
                     QObject *parent = nullptr);

    // The first write (later calls do nothing); starts the interval.
    void start();
    // One write now.
    std::expected<void, QString> write();
    int written() const { return m_written; }

    // Writes a widget as PNG to file atomically.
    static std::expected<void, QString> save(QWidget *widget, const QString &file);

signals:
    void wrote(const QString &file);
    void failed(const QString &error);

private:
    QPointer<QWidget> m_widget;
    QString m_file;
    QTimer m_timer;
    bool m_started = false;
    int m_written = 0;
};

} // namespace omview
