// Test support for the console's widgets: starting a cluster of real omagentd processes
// (app/session/tests' AgentCluster), a client to read back what the widgets changed on the agents,
// and screenshots.
#pragma once

#include "agentcluster.h"

#include <QPalette>
#include <QString>
#include <QStringList>
#include <expected>
#include <memory>
#include <omview/protocol/agentclient.h>
#include <omview/protocol/types.h>
#include <optional>

class QWidget;

namespace omview::uitest {

// Starts the cluster's agents and waits until node 1 sees every node alive, so that a
// window connected to node 1 shows them all from its first update.
std::expected<void, QString> startCluster(test::AgentCluster &cluster);

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
