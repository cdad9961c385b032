// ProcessMime: the rows dragged out of a processes pane come back as the same processes,
// once each, node rows left out; anything else dropped decodes to nothing.
#include <QMimeData>
#include <QTest>
#include <memory>
#include <omview/procs/clusterprocessmodel.h>
#include <omview/procs/processlistmodel.h>
#include <omview/procs/processmime.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;

class ProcessMimeTest : public QObject {
    Q_OBJECT

private slots:
    void rowsOfATreeRoundTrip() {
        ProcessInfo local;
        local.pid = 10;
        local.command = u"render"_s;
        local.locked = true;
        ProcessInfo away;
        away.pid = 11;
        away.command = u"povray"_s;
        away.where = 3;
        away.home = 2;
        ProcessListModel list;
        list.setNode(2);
        list.reset({local, away});
        ClusterProcessModel tree;
        QVERIFY(tree.addNode(2, &list));

        // Every column of both rows, and the node row: two processes.
        QModelIndexList indexes{tree.indexOfNode(2)};
        for (int column = 0; column < ProcessListModel::ColumnCount; ++column)
            for (const std::int32_t pid : {10, 11})
                indexes.append(tree.indexOfProcess(2, pid, column));
        QVERIFY(tree.flags(indexes.at(1)) & Qt::ItemIsDragEnabled);
        QVERIFY(!(tree.flags(indexes.at(0)) & Qt::ItemIsDragEnabled));
        QCOMPARE(tree.mimeTypes(), QStringList{ProcessMime::type()});
        std::unique_ptr<QMimeData> data(tree.mimeData(indexes));
        QVERIFY(data);
        const QList<ProcessRef> back = ProcessMime::decode(data.get());
        QCOMPARE(back.size(), 2);
        QCOMPARE(back.at(0), *ProcessRef::fromIndex(tree.indexOfProcess(2, 10)));
        QCOMPARE(back.at(0).command, u"render"_s);
        QVERIFY(back.at(0).locked);
        QCOMPARE(back.at(1).node, 2u);
        QCOMPARE(back.at(1).pid, 11);
        QVERIFY(back.at(1).away);
        QCOMPARE(back.at(1).runsOn(), 3u);
        tree.removeNode(2);
    }

    void nothingToDrag() {
        QVERIFY(!ProcessMime::encode(QModelIndexList{}));
        QVERIFY(!ProcessMime::encode(QList<ProcessRef>{}));
    }

    void foreignDataIsNothing() {
        QCOMPARE(ProcessMime::decode(nullptr).size(), 0);
        QMimeData text;
        text.setText(u"4242"_s);
        QCOMPARE(ProcessMime::decode(&text).size(), 0);
        for (const QByteArray &bad :
             {QByteArray("not json"), QByteArray("{\"node\":1,\"pid\":2}"), QByteArray("[1,2]"),
              QByteArray("[{\"node\":0,\"pid\":5}]"), QByteArray("[{\"node\":1,\"pid\":-5}]"),
              QByteArray("[{\"node\":1,\"pid\":99999999999}]"), QByteArray("[{\"pid\":5}]")}) {
            QMimeData data;
            data.setData(ProcessMime::type(), bad);
            QVERIFY2(ProcessMime::decode(&data).isEmpty(), bad.constData());
        }
        // The sane rows of a list with bad ones still count.
        QMimeData mixed;
        mixed.setData(ProcessMime::type(),
                      "[{\"node\":1,\"pid\":0},{\"node\":4,\"pid\":77,\"command\":\"x\"}]");
        const auto got = ProcessMime::decode(&mixed);
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().node, 4u);
        QCOMPARE(got.first().pid, 77);
    }
};

QTEST_GUILESS_MAIN(ProcessMimeTest)
#include "tst_processmime.moc"
