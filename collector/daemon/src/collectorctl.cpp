#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QLocale>
#include <omview/collector/collectorctl.h>
#include <omview/collector/controlclient.h>
#include <omview/collector/timespec.h>

using namespace Qt::StringLiterals;

namespace omview::collector {

namespace {

template<class T> T wait(QFuture<T> future) {
    QEventLoop loop;
    future.then(&loop, [&loop](const T &) { loop.quit(); });
    if (!future.isFinished())
        loop.exec();
    return future.result();
}

QString timeText(std::optional<std::int64_t> t) {
    if (!t)
        return u"-"_s;
    return QDateTime::fromSecsSinceEpoch(*t).toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString bytesText(std::int64_t bytes) {
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

void printStatus(const CollectorStatus &s, QTextStream &out) {
    out << "state:      " << s.state;
    if (!s.error.isEmpty())
        out << " (" << s.error << ")";
    out << "\n";
    out << "database:   " << s.database << " (" << bytesText(s.databaseBytes) << ")\n";
    out << "history:    " << timeText(s.first) << " .. " << timeText(s.last) << "\n";
    out << "agent:      " << s.agent << ", " << s.agentState;
    if (s.agentNode)
        out << ", node " << *s.agentNode;
    if (!s.agentError.isEmpty())
        out << " (" << s.agentError << ")";
    out << "\n";
    out << "nodes:      " << s.nodes << " in the last tick, processes of " << s.processNodes
        << (s.processIntervalS ? u" every %1 s"_s.arg(s.processIntervalS) : u" (off)"_s) << "\n";
    out << "ticks:      " << s.ticksWritten << " written, " << s.ticksDropped << " dropped, last "
        << timeText(s.lastTick) << "\n";
    out << "retention:  raw " << formatDuration(std::chrono::seconds(s.retentionRawS))
        << ", minute " << formatDuration(std::chrono::seconds(s.retentionMinuteS)) << ", hour "
        << formatDuration(std::chrono::seconds(s.retentionHourS)) << ", processes "
        << formatDuration(std::chrono::seconds(s.retentionProcessesS)) << "\n";
    out << "pid:        " << s.pid << ", running since " << timeText(s.startedAt) << "\n";
}

int fail(const RpcError &error, QTextStream &err) {
    err << "omcollectord ctl: " << error.message << "\n";
    return 1;
}

} // namespace

int runCtl(const CtlCommand &command, QTextStream &out, QTextStream &err) {
    ControlClient client(command.controlSocket);
    int status = 0;
    switch (command.kind) {
    case CtlCommand::Kind::Status: {
        auto r = wait(client.status());
        if (!r)
            return fail(r.error(), err);
        if (command.json)
            out << QJsonDocument(toJson(*r)).toJson(QJsonDocument::Indented);
        else
            printStatus(*r, out);
        break;
    }
    case CtlCommand::Kind::Checkpoint: {
        auto r = wait(client.checkpoint(command.checkpoint));
        if (!r)
            return fail(r.error(), err);
        out << "checkpoint " << r->id << " at " << timeText(r->time) << ": " << r->label << "\n";
        break;
    }
    case CtlCommand::Kind::Save: {
        auto r = wait(client.save(command.save));
        if (!r)
            return fail(r.error(), err);
        out << "saved " << r->nodeRows << " node rows and " << r->processRows
            << " process samples to " << r->files.join(u", "_s) << "\n";
        break;
    }
    case CtlCommand::Kind::Stop: {
        auto r = wait(client.stop());
        if (!r)
            return fail(r.error(), err);
        out << "stopped\n";
        break;
    }
    }
    out.flush();
    return status;
}

} // namespace omview::collector
