#include "logging.h"

#include <QLocale>
#include <QPromise>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processcommands.h>
#include <omview/procs/processlistmodel.h>
#include <omview/protocol/agentclient.h>

namespace omview::procs {

namespace {

using Outcome = ProcessCommands::Outcome;

QString nodeText(NodeId node) {
    return ProcessCommands::tr("node %1").arg(node);
}

// The agent's message as a sentence, to go on with another.
QString sentence(const QString &message) {
    return message.endsWith(u'.') ? message : message + u'.';
}

QString seconds(std::int64_t ms) {
    return QLocale().toString(double(ms) / 1000.0, 'f', 1);
}

} // namespace

std::optional<ProcessRef> ProcessRef::fromIndex(const QModelIndex &index) {
    if (!index.isValid() || index.data(ClusterProcessModel::NodeRowRole).toBool())
        return std::nullopt;
    const QVariant pid = index.data(ProcessListModel::PidRole);
    if (!pid.isValid())
        return std::nullopt;
    ProcessRef ref;
    ref.node = index.data(ProcessListModel::NodeIdRole).toUInt();
    ref.pid = pid.toInt();
    const auto info = index.data(ProcessListModel::ProcessRole).value<ProcessInfo>();
    ref.command = info.command;
    ref.nice = info.nice;
    ref.where = index.data(ProcessListModel::WhereRole).toUInt();
    ref.home = index.data(ProcessListModel::HomeRole).toUInt();
    ref.guest = index.data(ProcessListModel::GuestRole).toBool();
    ref.away = index.data(ProcessListModel::AwayRole).toBool();
    ref.locked = index.data(ProcessListModel::LockedRole).toBool();
    return ref;
}

ProcessCommands::ProcessCommands(ClusterProcessModel *processes, QObject *parent)
    : QObject(parent)
    , m_processes(processes) {}

ProcessCommands::~ProcessCommands() = default;

void ProcessCommands::setClient(AgentClient *client) {
    m_client = client;
}

AgentClient *ProcessCommands::client() const {
    return m_client;
}

QString ProcessCommands::describe(const ProcessRef &process) {
    return process.command.isEmpty()
               ? tr("process %1").arg(process.pid)
               : tr("process %1 (%2)").arg(process.pid).arg(process.command);
}

QString ProcessCommands::signalAction(ProcessSignal signal) {
    switch (signal) {
    case ProcessSignal::Term:
        return tr("Terminate");
    case ProcessSignal::Kill:
        return tr("Kill");
    case ProcessSignal::Stop:
        return tr("Stop");
    case ProcessSignal::Cont:
        return tr("Continue");
    }
    return {};
}

QString ProcessCommands::targetText(const MigrateTarget &target) {
    switch (target.kind) {
    case MigrateTarget::Kind::Node:
        return nodeText(target.node);
    case MigrateTarget::Kind::Home:
        return tr("its home node");
    case MigrateTarget::Kind::Balance:
        return tr("the best node");
    }
    return {};
}

QFuture<Outcome> ProcessCommands::failNow(const ProcessRef &process, const QString &why) {
    QPromise<Outcome> promise;
    promise.start();
    promise.addResult(Outcome{process, std::unexpected(why), process.runsOn()});
    promise.finish();
    return report(promise.future());
}

QFuture<Outcome> ProcessCommands::report(QFuture<Outcome> future) {
    return future.then(this, [this](Outcome outcome) {
        if (outcome.result)
            qCInfo(lcProcsModel).noquote() << *outcome.result;
        else
            qCInfo(lcProcsModel).noquote() << outcome.result.error();
        emit finished(outcome);
        return outcome;
    });
}

std::optional<ProcessRef> ProcessCommands::running(const ProcessRef &process) const {
    if (!process.away)
        return process;
    if (!m_processes)
        return std::nullopt;
    // A process restored on another node keeps its PID there, unless it is a job (a PID
    // namespace of its own, whose outer PID the host chose): the guest with this home and
    // this PID is the one.
    const QModelIndex row = m_processes->indexOfProcess(process.where, process.pid);
    const auto there = ProcessRef::fromIndex(row);
    if (!there || !there->guest || there->home != process.node)
        return std::nullopt;
    return there;
}

QFuture<Outcome> ProcessCommands::migrate(const ProcessRef &process, const MigrateTarget &target) {
    if (!m_client)
        return failNow(process, tr("Cannot move %1: not connected.").arg(describe(process)));
    qCInfo(lcProcsModel).noquote() << "moving" << describe(process) << "of node" << process.node
                                   << "to" << targetText(target);
    return report(m_client->procMigrate(process.pid, target, process.node)
                      .then(this, [process, target](Result<MigrateResult> r) {
                          if (!r)
                              return Outcome{
                                  process,
                                  std::unexpected(
                                      tr("Could not move %1 to %2: %3 It still runs on %4.")
                                          .arg(describe(process), targetText(target),
                                               sentence(r.error().message),
                                               nodeText(process.runsOn()))),
                                  process.runsOn()};
                          return Outcome{
                              process,
                              tr("Moved %1 to node %2 in %3 s (%4).")
                                  .arg(describe(process))
                                  .arg(r->node)
                                  .arg(seconds(r->totalMs),
                                       QLocale().formattedDataSize(r->bytes)),
                              r->node};
                      }));
}

QFuture<Outcome> ProcessCommands::setLocked(const ProcessRef &process, bool locked) {
    if (!m_client)
        return failNow(process, tr("Cannot change the lock of %1: not connected.")
                                    .arg(describe(process)));
    return report(m_client->setProcessLocked(process.pid, locked, process.node)
                      .then(this, [process, locked](Result<void> r) {
                          if (!r)
                              return Outcome{process,
                                             std::unexpected(
                                                 tr("Could not change the lock of %1: %2")
                                                     .arg(describe(process), r.error().message)),
                                             process.runsOn()};
                          return Outcome{process,
                                         locked ? tr("Locked %1 to %2.")
                                                      .arg(describe(process),
                                                           nodeText(process.runsOn()))
                                                : tr("Unlocked %1: it may migrate.")
                                                      .arg(describe(process)),
                                         process.runsOn()};
                      }));
}

QFuture<Outcome> ProcessCommands::sendSignal(const ProcessRef &process, ProcessSignal signal) {
    const QString action = signalAction(signal);
    if (!m_client)
        return failNow(process, tr("%1 %2: not connected.").arg(action, describe(process)));
    const auto there = running(process);
    if (!there)
        return failNow(process, tr("%1 %2: it runs on %3, which does not list it yet.")
                                    .arg(action, describe(process), nodeText(process.runsOn())));
    return report(m_client->signalProcess(there->pid, signal, there->node)
                      .then(this, [process, action](Result<void> r) {
                          if (!r)
                              return Outcome{process,
                                             std::unexpected(tr("%1 %2 failed: %3")
                                                                 .arg(action, describe(process),
                                                                      r.error().message)),
                                             process.runsOn()};
                          return Outcome{process,
                                         tr("%1 %2: done.").arg(action, describe(process)),
                                         process.runsOn()};
                      }));
}

QFuture<Outcome> ProcessCommands::renice(const ProcessRef &process, int nice) {
    if (nice < -20 || nice > 19)
        return failNow(process, tr("Cannot renice %1 to %2: the nice value must be −20 … 19.")
                                    .arg(describe(process))
                                    .arg(nice));
    if (!m_client)
        return failNow(process, tr("Cannot renice %1: not connected.").arg(describe(process)));
    const auto there = running(process);
    if (!there)
        return failNow(process, tr("Cannot renice %1: it runs on %2, which does not list it yet.")
                                    .arg(describe(process), nodeText(process.runsOn())));
    return report(m_client->renice(there->pid, nice, there->node)
                      .then(this, [process, nice](Result<void> r) {
                          if (!r)
                              return Outcome{process,
                                             std::unexpected(tr("Could not renice %1: %2")
                                                                 .arg(describe(process),
                                                                      r.error().message)),
                                             process.runsOn()};
                          return Outcome{process,
                                         tr("Reniced %1 to %2.").arg(describe(process)).arg(nice),
                                         process.runsOn()};
                      }));
}

} // namespace omview::procs
