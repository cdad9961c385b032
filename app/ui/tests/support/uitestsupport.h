// Test support for the console's widgets: a small cluster of real omagentd processes on
// loopback, a client to read back what the widgets changed on the agents, and screenshots.
#pragma once

#include <QPalette>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <expected>
#include <memory>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/types.h>
#include <optional>
#include <vector>

class QWidget;

namespace omview::uitest {

// Nodes 1..N on 127.0.0.1..N (emulated /proc/hpc, one cluster key, one peer port), each on
// its own socket in a temporary directory; agents are child processes, so a test can kill
// one as a node that dies.
class TestCluster {
public:
    explicit TestCluster(int nodes);
    ~TestCluster();
    TestCluster(const TestCluster &) = delete;
    TestCluster &operator=(const TestCluster &) = delete;

    // Starts every agent, waits for the sockets and until node 1 sees every node alive.
    std::expected<void, QString> start();
    void kill(int node);
    QString socketPath(int node) const;
    QString dir() const { return m_dir.path(); }
    int size() const { return m_nodes; }
    QString log(int node) const;

private:
    int m_nodes;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::vector<std::unique_ptr<QProcess>> m_agents;
};

// An AgentClient on an agent's socket whose calls the test waits for (spinning the event
// loop, so the widgets under test keep running).
class AgentReader {
public:
    explicit AgentReader(const QString &socketPath);
    ~AgentReader();
    bool connect(int timeoutMs = 20000);
    // A node's settings through the entry agent; nullopt: the entry node's own (which works
    // even when it has left the cluster and has no ID).
    std::optional<Settings> settings(std::optional<NodeId> node);
    std::expected<Settings, QString> setSettings(NodeId node, const SettingsChange &change);
    std::optional<QList<NodeRecord>> clusterNodes();
    // Waits until the entry node's table shows `count` nodes alive.
    bool waitForAlive(int count, int timeoutMs = 60000);

private:
    std::unique_ptr<AgentClient> m_client;
};

// The error of an expected for QVERIFY2's message (which is built even when the check passes).
template<class E> QByteArray why(const E &expected) {
    if (expected)
        return {};
    if constexpr (requires { expected.error().toLocal8Bit(); })
        return expected.error().toLocal8Bit();
    else
        return expected.error().toString().toLocal8Bit();
}

// Where GUI tests put screenshots: $OMVIEW_SCREENSHOT_DIR, else the build's screenshots/.
QString screenshotDir();
// Grabs the widget (the whole window of a dialog) as <dir>/<name>.png; false if it failed.
bool saveScreenshot(QWidget *widget, const QString &name);
// The controls under root (buttons, fields, boxes, lists) that have no What's This text,
// described for a failure message; the parts of composite controls are not counted.
QStringList controlsWithoutWhatsThis(QWidget *root);
// A dark palette like the desktops' dark themes, for the dark screenshots.
QPalette darkPalette();

} // namespace omview::uitest
