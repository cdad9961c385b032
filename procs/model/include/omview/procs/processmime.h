// Processes dragged out of the processes panes: onto a node to migrate them there.
#pragma once

#include <QList>
#include <QModelIndexList>
#include <QString>
#include <omview/procs/processcommands.h>

class QMimeData;

namespace omview::procs {

class ProcessMime {
public:
    // The one type dragged processes travel as.
    static QString type();
    // The processes of the rows among @indexes (each row once, node rows left out); null
    // when there is none.
    static QMimeData *encode(const QModelIndexList &indexes);
    static QMimeData *encode(const QList<ProcessRef> &processes);
    // What encode() made; empty for anything else (another type, bad or foreign data).
    static QList<ProcessRef> decode(const QMimeData *data);
};

} // namespace omview::procs
