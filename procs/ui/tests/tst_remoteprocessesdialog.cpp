// RemoteProcessesDialog on real models: only the node's guests are listed, with their homes;
// the buttons follow the selection and the guests; each request's outcome is shown (here
// refused: no connection, so nothing moves).
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QTreeView>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processcommands.h>
#include <omview/procs/processlistmodel.h>
#include <omview/procs/remoteprocessesdialog.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;

namespace {

ProcessInfo process(std::int32_t pid, const QString &command, NodeId home = 0) {
    ProcessInfo p;
    p.pid = pid;
    p.user = u"ada"_s;
    p.command = command;
    p.state = 'R';
    p.cpuPercent = 99;
    p.guest = home != 0;
    p.home = home;
    return p;
}

} // namespace

class RemoteProcessesDialogTest : public QObject {
    Q_OBJECT

private slots:
    void guestsAndTheirRequests() {
        ClusterProcessModel tree;
        ProcessListModel one, two;
        one.reset({process(10, u"bash"_s)});
        two.reset({process(20, u"sshd"_s), process(21, u"render"_s, 1),
                   process(22, u"povray"_s, 3)});
        QVERIFY(tree.addNode(1, &one));
        QVERIFY(tree.addNode(2, &two));
        ProcessCommands commands(&tree); // no connection: every request is refused
        RemoteProcessesDialog dialog(&tree, &commands, 2);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QAbstractItemModel *shown = dialog.view()->model();
        QCOMPARE(shown->rowCount(), 2);
        for (int row = 0; row < 2; ++row)
            QVERIFY(shown->index(row, 0).data(ProcessListModel::GuestRole).toBool());
        QCOMPARE(shown->index(0, ProcessListModel::HomeColumn).data().toString(), u"1"_s);
        auto *home = dialog.findChild<QPushButton *>(u"sendHome"_s);
        auto *allHome = dialog.findChild<QPushButton *>(u"sendAllHome"_s);
        QVERIFY(!home->isEnabled());
        QVERIFY(allHome->isEnabled());

        dialog.view()->selectionModel()->select(
            shown->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(home->isEnabled());
        home->click();
        QTRY_VERIFY(dialog.outcomeText().contains(u"process 21 (render)"_s));
        QVERIFY2(dialog.outcomeText().contains(u"not connected"_s), qPrintable(dialog.outcomeText()));
        allHome->click();
        QTRY_COMPARE(dialog.outcomeText().count(u'\n'), 2);
        QVERIFY(dialog.outcomeText().contains(u"process 22 (povray)"_s));

        const QString dir = qEnvironmentVariable("OMVIEW_SCREENSHOT_DIR",
                                                 QStringLiteral(OMVIEW_DEFAULT_SCREENSHOT_DIR));
        QVERIFY(QDir().mkpath(dir));
        QVERIFY(dialog.grab().save(dir + u"/remote-processes.png"_s));

        // A guest that leaves goes from the list; with none left, the buttons are off.
        two.reset({process(20, u"sshd"_s)});
        QCOMPARE(shown->rowCount(), 0);
        QVERIFY(!allHome->isEnabled());
        tree.removeNode(2);
        tree.removeNode(1);
    }
};

QTEST_MAIN(RemoteProcessesDialogTest)
#include "tst_remoteprocessesdialog.moc"
