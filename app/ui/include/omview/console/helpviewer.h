// The help window and the About box.
#pragma once

#include <QDialog>
#include <QMainWindow>
#include <QUrl>

class QTextBrowser;

namespace omview {

// Shows omview's HTML help (compiled in) with Back, Forward and Contents; links to other sites
// open in the desktop's browser.
class HelpViewer : public QMainWindow {
    Q_OBJECT

public:
    static inline const QUrl Home{QStringLiteral("qrc:/help/omview.html")};

    explicit HelpViewer(QWidget *parent = nullptr);
    // Shows a page or an anchor of it ("#nodes").
    void showPage(const QUrl &url);
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

// What omview is, its version, and the Qt it runs on.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace omview
