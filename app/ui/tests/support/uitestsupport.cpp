#include "uitestsupport.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>
#include <QWidget>
#include <csignal>
#include <omview/protocol/localsockettransport.h>
#include <sys/prctl.h>

using namespace Qt::StringLiterals;

namespace omview::uitest {

namespace {

// A port free for TCP and UDP on every loopback address the nodes use.
quint16 freePort() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTcpServer tcp;
        if (!tcp.listen(QHostAddress::LocalHost, 0))
            continue;
        QUdpSocket udp;
        if (udp.bind(QHostAddress::Any, tcp.serverPort()))
            return tcp.serverPort();
    }
    return 0;
}

template<class T> std::optional<T> wait(QFuture<T> future, int timeoutMs = 30000) {
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs))
        return std::nullopt;
    return future.result();
}

} // namespace

TestCluster::TestCluster(int nodes)
    : m_nodes(nodes) {}

TestCluster::~TestCluster() {
    for (auto &agent : m_agents) {
        if (agent && agent->state() != QProcess::NotRunning) {
            agent->terminate();
            if (!agent->waitForFinished(10000)) {
                agent->kill();
                agent->waitForFinished(5000);
            }
        }
    }
}

QString TestCluster::socketPath(int node) const {
    return m_dir.filePath(u"node%1.sock"_s.arg(node));
}

QString TestCluster::log(int node) const {
    QFile f(m_dir.filePath(u"node%1.log"_s.arg(node)));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

std::expected<void, QString> TestCluster::start() {
    if (!m_dir.isValid())
        return std::unexpected(u"no temporary directory"_s);
    const QString key = m_dir.filePath(u"cluster.key"_s);
    const QString map = m_dir.filePath(u"openmosix.map"_s);
    QFile k(key);
    if (!k.open(QIODevice::WriteOnly) ||
        k.write("omview ui test cluster key, 32 bytes or more\n") < 0)
        return std::unexpected(u"cannot write %1"_s.arg(key));
    k.close();
    k.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QFile m(map);
    if (!m.open(QIODevice::WriteOnly) || m.write(u"1 127.0.0.1 %1\n"_s.arg(m_nodes).toUtf8()) < 0)
        return std::unexpected(u"cannot write %1"_s.arg(map));
    m.close();
    m_port = freePort();
    if (m_port == 0)
        return std::unexpected(u"no free port"_s);
    for (int node = 1; node <= m_nodes; ++node) {
        auto agent = std::make_unique<QProcess>();
        // Killed with the test, however it ends: a crashed test leaves no agents behind.
        agent->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
        agent->setStandardOutputFile(m_dir.filePath(u"node%1.log"_s.arg(node)));
        agent->setStandardErrorFile(m_dir.filePath(u"node%1.log"_s.arg(node)));
        const QString port = QString::number(m_port);
        agent->start(QStringLiteral(OMAGENTD_PATH),
                     {u"--config"_s, u"/dev/null"_s, u"--hpc=emulated"_s, u"--socket"_s,
                      socketPath(node), u"--cluster-key"_s, key, u"--map"_s, map, u"--node-id"_s,
                      QString::number(node), u"--bind"_s, u"127.0.0.%1"_s.arg(node),
                      u"--gossip-port"_s, port, u"--channel-port"_s, port, u"--admin-group"_s,
                      u"nogroup"_s});
        if (!agent->waitForStarted(10000))
            return std::unexpected(u"cannot start omagentd: %1"_s.arg(agent->errorString()));
        m_agents.push_back(std::move(agent));
    }
    for (int node = 1; node <= m_nodes; ++node) {
        QProcess *agent = m_agents[size_t(node - 1)].get();
        if (!QTest::qWaitFor(
                [&] {
                    return QFileInfo::exists(socketPath(node)) ||
                           agent->state() == QProcess::NotRunning;
                },
                30000) ||
            agent->state() == QProcess::NotRunning)
            return std::unexpected(u"node %1 did not start: %2"_s.arg(node).arg(log(node)));
    }
    AgentReader reader(socketPath(1));
    if (!reader.connect())
        return std::unexpected(u"cannot connect to node 1"_s);
    if (!reader.waitForAlive(m_nodes))
        return std::unexpected(u"the nodes did not all come up in node 1's table"_s);
    return {};
}

void TestCluster::kill(int node) {
    QProcess *agent = m_agents.at(size_t(node - 1)).get();
    agent->kill();
    agent->waitForFinished(10000);
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
