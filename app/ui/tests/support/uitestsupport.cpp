#include "uitestsupport.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QTest>
#include <QWidget>
#include <omview/protocol/localsockettransport.h>

using namespace Qt::StringLiterals;

namespace omview::uitest {

namespace {

template<class T> std::optional<T> wait(QFuture<T> future, int timeoutMs = 30000) {
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        return std::nullopt;
    return future.result();
}

} // namespace

std::expected<void, QString> startCluster(test::AgentCluster &cluster) {
    if (auto started = cluster.start(); !started)
        return started;
    AgentReader reader(cluster.socketPath(1));
    if (!reader.connect())
        return std::unexpected(u"cannot connect to node 1"_s);
    if (!reader.waitForAlive(cluster.size()))
        return std::unexpected(u"the nodes did not all come up in node 1's table"_s);
    return {};
}

AgentReader::AgentReader(const QString &socketPath)
    : m_client(std::make_unique<AgentClient>(std::make_unique<LocalSocketTransport>(socketPath),
                                             u"omview ui tests"_s)) {}

AgentReader::~AgentReader() = default;

bool AgentReader::connect(int timeoutMs) {
    m_client->connectToAgent();
    return QTest::qWaitFor([this] { return m_client->state() == AgentClient::State::Ready; },
                           timeoutMs);
}

std::optional<Settings> AgentReader::settings(std::optional<NodeId> node) {
    const auto r = wait(m_client->settings(node));
    if (!r || !*r)
        return std::nullopt;
    return **r;
}

std::expected<Settings, QString> AgentReader::setSettings(NodeId node,
                                                          const SettingsChange &change) {
    const auto r = wait(m_client->setSettings(change, node));
    if (!r)
        return std::unexpected(u"timeout"_s);
    if (!*r)
        return std::unexpected(r->error().toString());
    return **r;
}

std::optional<QList<NodeRecord>> AgentReader::clusterNodes() {
    const auto r = wait(m_client->clusterNodes());
    if (!r || !*r)
        return std::nullopt;
    return **r;
}

bool AgentReader::waitForAlive(int count, int timeoutMs) {
    return QTest::qWaitFor(
        [&] {
            const auto nodes = clusterNodes();
            if (!nodes)
                return false;
            int alive = 0;
            for (const NodeRecord &n : *nodes)
                alive += n.alive && (n.node.status & StatusUp) ? 1 : 0;
            return alive >= count;
        },
        timeoutMs);
}

QString screenshotDir() {
    QString dir = qEnvironmentVariable("OMVIEW_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(OMVIEW_DEFAULT_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return dir;
}

bool saveScreenshot(QWidget *widget, const QString &name) {
    if (!widget)
        return false;
    QWidget *window = widget->window();
    const QString file = QDir(screenshotDir()).filePath(name + u".png"_s);
    const bool ok = window->grab().save(file);
    if (ok)
        qInfo("screenshot: %s", qPrintable(file));
    return ok;
}

QStringList controlsWithoutWhatsThis(QWidget *root) {
    QStringList missing;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w) ||
                             qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w) ||
                             qobject_cast<QAbstractItemView *>(w);
        if (!control || !w->whatsThis().isEmpty())
            continue;
        // Parts of a spin box, a combo box, a line edit (its clear button), a scroll area or a
        // tool bar's extension button.
        QWidget *parent = w->parentWidget();
        if (qobject_cast<QAbstractSpinBox *>(parent) || qobject_cast<QComboBox *>(parent) ||
            qobject_cast<QLineEdit *>(parent) || w->objectName().startsWith(u"qt_"_s) ||
            (parent && parent->objectName().startsWith(u"qt_"_s)) ||
            (parent && parent->parentWidget() && qobject_cast<QComboBox *>(parent->parentWidget())))
            continue;
        const auto *button = qobject_cast<QAbstractButton *>(w);
        missing.append(u"%1 \"%2\" (%3)"_s.arg(QString::fromLatin1(w->metaObject()->className()),
                                               button ? button->text() : QString(),
                                               w->objectName()));
    }
    return missing;
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2a, 0x2e, 0x32);
    const QColor base(0x1b, 0x1e, 0x20);
    const QColor text(0xfc, 0xfc, 0xfc);
    const QColor disabledText(0x7f, 0x82, 0x85);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabledText);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x40, 0x46, 0x4c));
    p.setColor(QPalette::Midlight, QColor(0x36, 0x3b, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x28, 0x2b));
    p.setColor(QPalette::Dark, QColor(0x18, 0x1a, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, text);
    p.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    return p;
}

} // namespace omview::uitest
