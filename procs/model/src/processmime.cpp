#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QSet>
#include <omview/procs/processmime.h>

using namespace Qt::StringLiterals;

namespace omview::procs {

QString ProcessMime::type() {
    return u"application/x-omview-processes"_s;
}

QMimeData *ProcessMime::encode(const QModelIndexList &indexes) {
    QList<ProcessRef> processes;
    // A selection has an index per column: one process per row.
    QSet<std::pair<NodeId, std::int32_t>> seen;
    for (const QModelIndex &index : indexes) {
        const auto ref = ProcessRef::fromIndex(index);
        if (ref && !seen.contains({ref->node, ref->pid})) {
            seen.insert({ref->node, ref->pid});
            processes.append(*ref);
        }
    }
    return encode(processes);
}

QMimeData *ProcessMime::encode(const QList<ProcessRef> &processes) {
    if (processes.isEmpty())
        return nullptr;
    QJsonArray rows;
    for (const ProcessRef &p : processes)
        rows.append(QJsonObject{{u"node"_s, qint64(p.node)},
                                {u"pid"_s, p.pid},
                                {u"command"_s, p.command},
                                {u"where"_s, qint64(p.where)},
                                {u"home"_s, qint64(p.home)},
                                {u"guest"_s, p.guest},
                                {u"away"_s, p.away},
                                {u"locked"_s, p.locked},
                                {u"nice"_s, p.nice}});
    auto *data = new QMimeData;
    data->setData(type(), QJsonDocument(rows).toJson(QJsonDocument::Compact));
    return data;
}

QList<ProcessRef> ProcessMime::decode(const QMimeData *data) {
    if (!data || !data->hasFormat(type()))
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(data->data(type()));
    QList<ProcessRef> out;
    for (const QJsonValue &row : doc.array()) {
        const QJsonObject o = row.toObject();
        const qint64 node = o.value(u"node"_s).toInteger(-1);
        const qint64 pid = o.value(u"pid"_s).toInteger(-1);
        // Drops come from other programs too: only whole, sane rows count.
        if (node < 1 || node > qint64(UINT32_MAX) || pid < 1 || pid > INT32_MAX)
            continue;
        ProcessRef p;
        p.node = NodeId(node);
        p.pid = std::int32_t(pid);
        p.command = o.value(u"command"_s).toString();
        p.where = NodeId(qBound<qint64>(0, o.value(u"where"_s).toInteger(), UINT32_MAX));
        p.home = NodeId(qBound<qint64>(0, o.value(u"home"_s).toInteger(), UINT32_MAX));
        p.guest = o.value(u"guest"_s).toBool();
        p.away = o.value(u"away"_s).toBool();
        p.locked = o.value(u"locked"_s).toBool();
        p.nice = qBound(-20, o.value(u"nice"_s).toInt(), 19);
        out.append(p);
    }
    return out;
}

} // namespace omview::procs
