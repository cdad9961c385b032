#include <QApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>
#include <omview/console/helpviewer.h>
#include <omview/resources/icons.h>

using namespace Qt::StringLiterals;

namespace omview {

HelpViewer::HelpViewer(QWidget *parent)
    : QMainWindow(parent)
    , m_browser(new QTextBrowser(this)) {
    ensureResources();
    setObjectName(u"helpViewer"_s);
    setWindowTitle(tr("omview Help"));
    setWindowIcon(applicationIcon());
    m_browser->setObjectName(u"helpBrowser"_s);
    m_browser->setOpenExternalLinks(false);
    m_browser->setOpenLinks(false); // anchorClicked decides where a link goes
    m_browser->setSearchPaths({u":/help"_s});
    m_browser->setWhatsThis(tr("<p>omview's manual. Links within it jump to their section; "
                               "Back and Forward retrace them.</p>"));
    setCentralWidget(m_browser);

    auto *bar = addToolBar(tr("Navigation"));
    bar->setObjectName(u"navigation"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction *back = bar->addAction(themedIcon(u"go-previous"_s), tr("&Back"));
    QAction *forward = bar->addAction(themedIcon(u"go-next"_s), tr("&Forward"));
    QAction *home = bar->addAction(themedIcon(u"go-home"_s), tr("&Contents"));
    back->setShortcut(QKeySequence::Back);
    forward->setShortcut(QKeySequence::Forward);
    back->setWhatsThis(tr("<p>The page shown before this one.</p>"));
    forward->setWhatsThis(tr("<p>The page shown after this one, after going back.</p>"));
    home->setWhatsThis(tr("<p>The start of the manual, with its contents.</p>"));
    back->setEnabled(false);
    forward->setEnabled(false);
    connect(back, &QAction::triggered, m_browser, &QTextBrowser::backward);
    connect(forward, &QAction::triggered, m_browser, &QTextBrowser::forward);
    connect(home, &QAction::triggered, this, [this] { showPage(Home); });
    connect(m_browser, &QTextBrowser::backwardAvailable, back, &QAction::setEnabled);
    connect(m_browser, &QTextBrowser::forwardAvailable, forward, &QAction::setEnabled);
    // Pages of the help stay here; anything else is the desktop's business.
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        const QUrl target = m_browser->source().resolved(url);
        if (target.scheme() == u"qrc"_s)
            m_browser->setSource(target);
        else
            QDesktopServices::openUrl(target);
    });
    showPage(Home);
    resize(fontMetrics().horizontalAdvance(u'x') * 95, fontMetrics().height() * 40);
}

void HelpViewer::showPage(const QUrl &url) {
    if (url.isRelative() && url.path().isEmpty() && url.hasFragment()) {
        QUrl target = Home;
        target.setFragment(url.fragment());
        m_browser->setSource(target);
        return;
    }
    m_browser->setSource(url);
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent) {
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About omview"));
    auto *icon = new QLabel(this);
    const int size = fontMetrics().height() * 4;
    icon->setPixmap(applicationIcon().pixmap(QSize(size, size), devicePixelRatio()));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    auto *text = new QLabel(
        tr("<h2>omview %1</h2>"
           "<p>The console of a process-migration cluster: every node's state, load, memory "
           "and speed at a glance, and the settings that decide how work moves between "
           "them.</p>"
           "<p>A modern successor of openMosixview, talking to the omagentd agent on each "
           "node, over SSH or the local socket.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())),
        this);
    text->setObjectName(u"aboutText"_s);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setOpenExternalLinks(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setWhatsThis(tr("<p>Closes this box.</p>"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(fontMetrics().horizontalAdvance(u'x') * 60);
}

} // namespace omview
