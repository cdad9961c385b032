// The console's Collector menu without its widgets: whether omcollectord runs, and starting,
// stopping, checkpoints and saving history through its control socket.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <chrono>
#include <cstdint>
#include <memory>
#include <omview/collector/controlclient.h>
#include <omview/collector/controlprotocol.h>
#include <omview/console/connectionprofile.h>
#include <optional>

namespace omview {

// Watches one collector through its control socket (asking its status every few seconds) and
// drives it. start() runs omcollectord detached (it outlives the console: it is a daemon), for
// the cluster the console's profile reaches, with its output in a log file; the collector is
// Running once its control socket answers. Every outcome is one message() line, already tr()'d;
// failures of what the user asked for also come as failed().
class CollectorControl : public QObject {
    Q_OBJECT

public:
    enum class State { Unknown, Stopped, Starting, Running, Stopping };
    Q_ENUM(State)

    explicit CollectorControl(QString controlSocket, QObject *parent = nullptr);
    ~CollectorControl() override;

    const QString &controlSocket() const { return m_socket; }
    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    // The last status the collector gave (while Running).
    const std::optional<collector::CollectorStatus> &status() const { return m_status; }

    // The omcollectord start() runs: next to this program, on PATH, or in the install's sbin.
    static QString findProgram();
    QString program() const { return m_program; }
    void setProgram(const QString &program) { m_program = program; }
    // The database the started collector writes; empty: the collector's default.
    void setDatabase(const QString &path) { m_database = path; }
    const QString &database() const { return m_database; }
    // The database the history views read: the running collector's, else the one start()
    // would write (setDatabase()); empty when neither is known.
    QString historyDatabase() const;
    // Where the started collector's output goes (default: the user's state directory).
    QString logFile() const { return m_logFile; }
    void setLogFile(const QString &path) { m_logFile = path; }
    // How often the status is asked; 0 stops asking (tests, or no collector menu).
    void setPollInterval(std::chrono::milliseconds interval);
    // How long start() and stop() wait for the collector to come or go.
    void setStartTimeout(std::chrono::milliseconds timeout) { m_startTimeout = timeout; }

    // The command line of a collector for that profile's cluster.
    QStringList arguments(const ConnectionProfile &profile) const;

    // Asks the status now.
    void refresh();
    // Starts a collector for that profile unless one answers already.
    void start(const ConnectionProfile &profile);
    void stop();
    void checkpoint(const QString &label);
    // Copies the history from..to (seconds since the epoch) to a new file.
    void saveHistory(std::int64_t from, std::int64_t to, const QString &file,
                     collector::SaveFormat format);

signals:
    void stateChanged(omview::CollectorControl::State state);
    void message(const QString &text);
    void failed(const QString &text);
    // A checkpoint or a save finished (with its message); for dialogs waiting on it.
    void checkpointDone(bool ok);
    void saveDone(bool ok);

private:
    void setState(State state);
    void onStatus(const Result<collector::CollectorStatus> &result);
    void waitForStart();
    void waitForStop();
    QString logTail() const;
    collector::ControlClient &client();

    QString m_socket;
    QString m_program;
    QString m_database;
    QString m_logFile;
    std::unique_ptr<collector::ControlClient> m_client;
    State m_state = State::Unknown;
    std::optional<collector::CollectorStatus> m_status;
    QTimer m_poll;
    QTimer m_wait; // while Starting or Stopping
    std::chrono::steady_clock::time_point m_waitUntil;
    std::chrono::milliseconds m_startTimeout{20000};
    qint64 m_startedPid = 0;
    bool m_statusPending = false;
};

} // namespace omview
