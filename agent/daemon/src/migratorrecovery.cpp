#include "migratorparts.h"
#include "omview/agent/agentlog.h"
#include "omview/agent/heaprelease.h"
#include "omview/agent/jobhost.h"
#include "omview/agent/localnode.h"
#include "omview/agent/migrator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>
#include <omview/hpc/hpcbackend.h>
#include <omview/migration/criu.h>
#include <omview/migration/movability.h>

using namespace Qt::StringLiterals;
using omview::migration::Criu;

namespace omview::agent {

using namespace moves;

// ---- after a crash --------------------------------------------------------------------

void Migrator::askSource(const QString &id, const Incoming &in) {
    const QByteArray asked = m_store.state(id);
    m_peers.forward(in.from, migrationMethods::status, QJsonObject{{u"id"_s, id}},
                    [this, id, in, asked](Result<QJsonValue> r) {
                        if (!r || m_store.state(id) != asked)
                            return; // asked again later; or settled meanwhile
                        const QString s = r->toObject().value(u"state"_s).toString();
                        if (s == u"committed"_s && asked == "restored") {
                            qCInfo(lcAgent).noquote()
                                << "move" << id << "was committed by its source: resumed here";
                            (void)commitHere(QJsonObject{{u"id"_s, id}});
                        } else if (s != u"dumped"_s && s != u"dumping"_s) {
                            qCInfo(lcAgent).noquote()
                                << "move" << id << "was called off by its source: dropped here";
                            // Only a restored copy is ours to kill; while receiving, the
                            // tree's PIDs here belong to other processes.
                            if (asked == "restored")
                                killTree(in.tree);
                            m_store.remove(id);
                            releaseFreedHeapSoon();
                        }
                    });
}

// A process restored here waits, stopped, for its source's commit; images being received
// wait for more chunks. When the source goes quiet (it crashed, or the link broke and it
// gave the move up, its abort lost on the way) this asks it what became of the move,
// until it answers: a move called off leaves nothing here, neither process nor images.
void Migrator::settleWaiting() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : m_store.ids()) {
        Incoming in;
        const QByteArray state = m_store.state(id);
        if ((state != "restored" && state != "receiving") || !readIncoming(id, in))
            continue;
        if (lastActivity(id).msecsTo(now) >= SettleAfterMs)
            askSource(id, in);
    }
}

// When a move's directory last changed: its record, or the last chunk written.
QDateTime Migrator::lastActivity(const QString &id) const {
    QDateTime last;
    const QDir dir(m_store.dirOf(id));
    for (const QFileInfo &f : dir.entryInfoList(QDir::Files))
        if (!last.isValid() || f.lastModified() > last)
            last = f.lastModified();
    return last;
}

void Migrator::recover() {
    bool later = false;
    for (const QString &id : m_store.ids()) {
        // A criu the crash left running finishes its dump or restore first: only then is
        // the process in the state the record can settle.
        if (criuWorksOn(m_store.dirOf(id))) {
            later = true;
            continue;
        }
        const QByteArray state = m_store.state(id);
        Incoming in;
        if (readIncoming(id, in)) {
            // Target side: restored but not yet let run; the source decides.
            if (state == "restored") {
                askSource(id, in);
                continue;
            }
            // Receiving or restoring when the crash came: the source never heard that the
            // process was restored, so it resumed it. A copy criu restored meanwhile goes.
            QList<pid_t> stopped;
            for (pid_t p : std::as_const(in.tree))
                if (stateOf(p) == 'T')
                    stopped.append(p);
            killTree(stopped);
            m_store.remove(id);
            continue;
        }
        // Source side. Nothing was committed: the move is off, whatever the target holds
        // (it drops it, or asks us and hears "unknown"), and the process runs here again.
        // Committed: the local copy must be gone; the record stays to answer the target.
        const QList<QByteArray> words = state.split(' ');
        QList<pid_t> tree;
        for (qsizetype i = 2; i < words.size(); ++i)
            if (const int p = words[i].toInt(); p > 0)
                tree.append(pid_t(p));
        if (words.first() == "committed") {
            // Only a copy still stopped is the one the crash left: a PID that runs may be the
            // process back here since, or another one.
            QList<pid_t> stopped;
            for (pid_t p : std::as_const(tree))
                if (stateOf(p) == 'T')
                    stopped.append(p);
            killTree(stopped);
            continue;
        }
        if (words.size() >= 2)
            m_peers.forward(NodeId(words[1].toUInt()), migrationMethods::abort,
                            QJsonObject{{u"id"_s, id}}, [](Result<QJsonValue>) {});
        resumeTree(tree);
        m_store.remove(id);
        qCInfo(lcAgent).noquote() << "move" << id << "was interrupted before commit: resumed here";
    }
    if (later)
        QTimer::singleShot(500, this, &Migrator::recover);
}

bool Migrator::criuWorksOn(const QString &dir) const {
    const QByteArray wanted = QFile::encodeName(dir);
    for (const QString &pid : QDir(m_procRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (!pid.front().isDigit())
            continue;
        QFile f(m_procRoot + u'/' + pid + u"/cmdline"_s);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> args = f.readAll().split('\0');
        if (!args.isEmpty() && args.first().endsWith("criu") && args.contains(wanted))
            return true;
    }
    return false;
}

} // namespace omview::agent
