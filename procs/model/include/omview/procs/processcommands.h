// What the processes panes do to a process: migrate it, signal it, renice it, lock it. Each
// request goes to the agent that can carry it out and comes back as a sentence for the
// operator, saying what happened or why not and where the process is now.
#pragma once

#include <QFuture>
#include <QList>
#include <QModelIndex>
#include <QObject>
#include <QPointer>
#include <QString>
#include <expected>
#include <omview/protocol/methods.h>
#include <omview/protocol/types.h>
#include <optional>

namespace omview {
class AgentClient;
}

namespace omview::procs {

class ClusterProcessModel;

// One process as a row of the processes models shows it, enough to address requests about
// it after the row has gone.
struct ProcessRef {
    NodeId node = 0; // the node reporting it: its agent takes requests about this row
    std::int32_t pid = 0;
    QString command;
    NodeId where = 0; // the node it runs on, 0 = `node`
    NodeId home = 0;
    bool guest = false; // runs on `node`, its home is another
    bool away = false;  // `node` is its home, it runs on `where`
    bool locked = false;
    int nice = 0;

    NodeId runsOn() const { return where == 0 ? node : where; }
    // From a row of ProcessListModel or ClusterProcessModel (or a proxy over them, which
    // passes the roles on); nullopt for a node row or an invalid index.
    static std::optional<ProcessRef> fromIndex(const QModelIndex &index);
    bool operator==(const ProcessRef &) const = default;
};

class ProcessCommands : public QObject {
    Q_OBJECT

public:
    // What became of one request. `result`: on success what happened, on failure why not
    // (both tr'd sentences naming the process).
    struct Outcome {
        ProcessRef process;
        std::expected<QString, QString> result;
        // After a migration: the node it runs on now (where it ran before if it failed).
        NodeId nowOn = 0;
    };

    // @processes (not owned, may be null) finds the row of a process on the node it runs on,
    // for requests about a process that is away from home.
    explicit ProcessCommands(ClusterProcessModel *processes, QObject *parent = nullptr);
    ~ProcessCommands() override;

    // The connection the requests go through (not owned; null: none, every request fails
    // at once saying so).
    void setClient(AgentClient *client);
    AgentClient *client() const;

    // Through the agent of the row's node (the home keeps an away process's record; a guest
    // is moved by the node it runs on).
    QFuture<Outcome> migrate(const ProcessRef &process, const MigrateTarget &target);
    QFuture<Outcome> setLocked(const ProcessRef &process, bool locked);
    // Through the agent of the node the process runs on: an away process is signalled as
    // the guest its host lists.
    QFuture<Outcome> sendSignal(const ProcessRef &process, ProcessSignal signal);
    // @nice must be −20..19: anything else fails without asking anyone.
    QFuture<Outcome> renice(const ProcessRef &process, int nice);

    // "Terminate", "Kill", ... as a menu or button says it (tr'd).
    static QString signalAction(ProcessSignal signal);
    // "node 3", "its home node", "the best node" (tr'd).
    static QString targetText(const MigrateTarget &target);
    // "process 4242 (povray)".
    static QString describe(const ProcessRef &process);

signals:
    // Every request's outcome, as its future gives it: for a status bar or a log.
    void finished(const omview::procs::ProcessCommands::Outcome &outcome);

private:
    // The row of an away process on the node it runs on: the request is addressed there.
    std::optional<ProcessRef> running(const ProcessRef &process) const;
    QFuture<Outcome> failNow(const ProcessRef &process, const QString &why);
    QFuture<Outcome> report(QFuture<Outcome> future);

    QPointer<ClusterProcessModel> m_processes;
    QPointer<AgentClient> m_client;
};

} // namespace omview::procs

Q_DECLARE_METATYPE(omview::procs::ProcessRef)
Q_DECLARE_METATYPE(omview::procs::ProcessCommands::Outcome)
