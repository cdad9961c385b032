// The marks of the PID column, as openMosixprocs had them: a process that migrated away, a
// guest from another node, one locked to its node, one that cannot migrate. Drawn from the
// rows' roles, in the palette's colours; the Node, Lock and Can't move columns say why.
#pragma once

#include <QStyledItemDelegate>

namespace omview::procs {

class ProcessMarkDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    enum class Mark { None, Away, Guest, Locked, CantMove };
    Q_ENUM(Mark)

    explicit ProcessMarkDelegate(QObject *parent = nullptr);
    ~ProcessMarkDelegate() override;

    // The mark of a row: where it runs first (away, guest), then what holds it.
    static Mark markOf(const QModelIndex &index);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace omview::procs
