// How the processes panes write a process for people: the cells of the process columns,
// their tooltips and headers, and the words behind state letters and cantmove reasons.
// Shared by the models and by the views that show a process in full (the details dialog).
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVariant>
#include <cstdint>
#include <omview/protocol/types.h>

namespace omview::procs {

class ProcessFormat {
    Q_DECLARE_TR_FUNCTIONS(omview::procs::ProcessFormat)

public:
    // The node a process runs on, 0 for the node reporting it (a `where` equal to the
    // reporting node counts as 0 too).
    static NodeId runsOn(const ProcessInfo &process, NodeId reporting);
    // Its home node: the guest's `home`, else the reporting node's (when `home` is unset).
    static NodeId homeOf(const ProcessInfo &process, NodeId reporting);
    // Migrated away: its home reports it while it runs on another node.
    static bool isAway(const ProcessInfo &process, NodeId reporting);

    // "running", "sleeping", ... for a /proc state letter; "unknown" for others.
    static QString stateWord(char state);
    // "12.5 %" (of one CPU).
    static QString cpuText(double percent);
    // CPU time: "0.25 s", "42 s", "3:05", "1:02:03".
    static QString cpuTimeText(std::int64_t ms);
    // A cantmove word explained ("mem_lock: it has locked memory (mlock)"); an
    // unknown word as it came.
    static QString cantMoveReason(const QString &word);

    // The cell of a ProcessListModel::Column for Qt::DisplayRole, a process reported by
    // `reporting` (0 when not known yet).
    static QString display(const ProcessInfo &process, NodeId reporting, int column);
    // What Qt::ToolTipRole shows for the cell: rich text made of escaped plain text, so that
    // a command line such as `<img src="/dev/zero">` is shown as written and never read as
    // markup (QToolTip takes any text that looks like HTML as HTML).
    static QString toolTip(const ProcessInfo &process, NodeId reporting, int column);
    // A key that sorts the column as people expect: numbers for numeric columns.
    static QVariant sortKey(const ProcessInfo &process, NodeId reporting, int column);
    // Qt::DisplayRole, Qt::ToolTipRole and Qt::WhatsThisRole of a column's header.
    static QVariant header(int column, int role);

    // Plain text (untrusted parts included) as rich text: every character escaped, lines
    // kept. What the tooltips are made with.
    static QString escapedRichText(const QString &plain);
};

} // namespace omview::procs
