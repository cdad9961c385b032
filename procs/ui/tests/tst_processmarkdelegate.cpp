// ProcessMarkDelegate: each kind of process gets its mark (away before guest before locked
// before can't move), and every row keeps the room of one so that PIDs stay aligned.
#include <QApplication>
#include <QStyleOptionViewItem>
#include <QTest>
#include <omview/procs/processlistmodel.h>
#include <omview/procs/processmarkdelegate.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;
using Mark = ProcessMarkDelegate::Mark;

namespace {

// Exposes the option a view would paint with.
class Probe : public ProcessMarkDelegate {
public:
    QStyleOptionViewItem optionFor(const QModelIndex &index) const {
        QStyleOptionViewItem option;
        initStyleOption(&option, index);
        return option;
    }
};

} // namespace

class ProcessMarkDelegateTest : public QObject {
    Q_OBJECT

private slots:
    void marks() {
        ProcessInfo plain;
        plain.pid = 10;
        ProcessInfo away = plain;
        away.pid = 11;
        away.where = 3;
        away.locked = true; // where it runs tells more than its lock
        ProcessInfo guest = plain;
        guest.pid = 12;
        guest.guest = true;
        guest.home = 2;
        ProcessInfo locked = plain;
        locked.pid = 13;
        locked.locked = true;
        locked.cantmove = u"user_lock"_s;
        ProcessInfo pinned = plain;
        pinned.pid = 14;
        pinned.cantmove = u"mem_lock"_s;
        ProcessListModel model;
        model.setNode(1);
        model.reset({plain, away, guest, locked, pinned});
        const QList<Mark> expected{Mark::None, Mark::Away, Mark::Guest, Mark::Locked,
                                   Mark::CantMove};
        Probe probe;
        QSize room;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex pid = model.index(row, ProcessListModel::PidColumn);
            QCOMPARE(ProcessMarkDelegate::markOf(pid), expected.at(row));
            const QStyleOptionViewItem option = probe.optionFor(pid);
            QVERIFY(option.features & QStyleOptionViewItem::HasDecoration);
            QVERIFY(!option.icon.isNull());
            QCOMPARE(option.text, QString::number(pid.data(ProcessListModel::PidRole).toInt()));
            if (row > 0)
                QCOMPARE(option.decorationSize, room);
            room = option.decorationSize;
        }
    }
};

QTEST_MAIN(ProcessMarkDelegateTest)
#include "tst_processmarkdelegate.moc"
