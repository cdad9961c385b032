// ProcessFormat: the words and figures of the process cells, the tooltips as escaped rich
// text (laid out as QToolTip would, untrusted text comes out as written and nothing in it is
// read as markup), where a process runs, and the headers of every column.
#include <QLocale>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <omview/procs/processformat.h>
#include <omview/procs/processlistmodel.h>

using namespace Qt::StringLiterals;
using omview::ProcessInfo;
using omview::procs::ProcessFormat;
using omview::procs::ProcessListModel;

namespace {

ProcessInfo process() {
    ProcessInfo p;
    p.pid = 4242;
    p.ppid = 4100;
    p.uid = 1000;
    p.user = u"ada"_s;
    p.command = u"povray"_s;
    p.cmdline = u"povray -w1920 scene.pov"_s;
    p.tty = u"pts/3"_s;
    p.state = 'R';
    p.cpuPercent = 99.5;
    p.cpuTimeMs = 73210;
    p.rss = 73400320;
    p.startTime = 1718000000000;
    p.home = 3;
    return p;
}

// What QToolTip shows of a tooltip: its text laid out by QTextDocument, and whether any
// image (or other object) would be loaded for it.
struct Shown {
    QString text;
    bool hasObjects = false;
};

Shown shown(const QString &toolTip) {
    QTextDocument document;
    document.setHtml(toolTip);
    Shown s;
    s.text = document.toPlainText();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().isImageFormat() ||
                it.fragment().charFormat().objectType() != QTextFormat::NoObject)
                s.hasObjects = true;
        }
    }
    return s;
}

} // namespace

class TestProcessFormat : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void words() {
        QCOMPARE(ProcessFormat::stateWord('R'), u"running"_s);
        QCOMPARE(ProcessFormat::stateWord('D'), u"waiting for I/O"_s);
        QCOMPARE(ProcessFormat::stateWord('?'), u"unknown"_s);
        QCOMPARE(ProcessFormat::cpuText(12.5), u"12.5 %"_s);
        QCOMPARE(ProcessFormat::cpuText(0), u"0.0 %"_s);
        QCOMPARE(ProcessFormat::cpuTimeText(250), u"0.25 s"_s);
        QCOMPARE(ProcessFormat::cpuTimeText(42000), u"42 s"_s);
        QCOMPARE(ProcessFormat::cpuTimeText(185000), u"3:05"_s);
        QCOMPARE(ProcessFormat::cpuTimeText(3723000), u"1:02:03"_s);
        QCOMPARE(ProcessFormat::cantMoveReason(u"mem_lock"_s),
                 u"mem_lock: it has locked memory (mlock)"_s);
        QCOMPARE(ProcessFormat::cantMoveReason(u"a file /srv/x"_s), u"a file /srv/x"_s);
    }

    void whereItRuns() {
        ProcessInfo p = process();
        // At home on node 3.
        QCOMPARE(ProcessFormat::runsOn(p, 3), 0u);
        QCOMPARE(ProcessFormat::homeOf(p, 3), 3u);
        QVERIFY(!ProcessFormat::isAway(p, 3));
        QCOMPARE(ProcessFormat::display(p, 3, ProcessListModel::NodeColumn), u"home"_s);
        // A `where` naming the reporting node is the reporting node.
        p.where = 3;
        QCOMPARE(ProcessFormat::runsOn(p, 3), 0u);
        // Migrated to node 5.
        p.where = 5;
        QCOMPARE(ProcessFormat::runsOn(p, 3), 5u);
        QVERIFY(ProcessFormat::isAway(p, 3));
        QCOMPARE(ProcessFormat::display(p, 3, ProcessListModel::NodeColumn), u"5"_s);
        QVERIFY(ProcessFormat::toolTip(p, 3, ProcessListModel::NodeColumn).contains(u"migrated"));
        // A guest from node 3 running on node 7.
        p.where = 0;
        p.guest = true;
        QVERIFY(!ProcessFormat::isAway(p, 7));
        QCOMPARE(ProcessFormat::display(p, 7, ProcessListModel::NodeColumn), u"7"_s);
        QCOMPARE(ProcessFormat::display(p, 7, ProcessListModel::HomeColumn), u"3"_s);
        QCOMPARE(shown(ProcessFormat::toolTip(p, 7, ProcessListModel::NodeColumn)).text,
                 u"povray (PID 4242) is a guest: it runs here, on node 7; its home is node 3"_s);
        // Home unset: the reporting node's.
        p = process();
        p.home = 0;
        QCOMPARE(ProcessFormat::homeOf(p, 2), 2u);
    }

    void cells() {
        const ProcessInfo p = process();
        QCOMPARE(ProcessFormat::display(p, 3, ProcessListModel::PidColumn), u"4242"_s);
        QCOMPARE(ProcessFormat::display(p, 3, ProcessListModel::CpuColumn), u"99.5 %"_s);
        QCOMPARE(ProcessFormat::display(p, 3, ProcessListModel::MemoryColumn), u"70.0 MiB"_s);
        QCOMPARE(ProcessFormat::display(p, 3, ProcessListModel::StateColumn), u"R"_s);
        QCOMPARE(ProcessFormat::display(p, 3, ProcessListModel::LockColumn), QString());
        QCOMPARE(shown(ProcessFormat::toolTip(p, 3, ProcessListModel::StateColumn)).text,
                 u"State R: running"_s);
        QCOMPARE(shown(ProcessFormat::toolTip(p, 3, ProcessListModel::CpuColumn)).text,
                 u"99.5 % of one CPU over the last interval\nCPU time so far: 1:13"_s);
        QCOMPARE(ProcessFormat::sortKey(p, 3, ProcessListModel::CpuColumn).typeId(),
                 QMetaType::Double);
        QCOMPARE(ProcessFormat::sortKey(p, 3, ProcessListModel::MemoryColumn).toULongLong(),
                 73400320ull);
        for (int column = 0; column < ProcessListModel::ColumnCount; ++column) {
            QVERIFY(!ProcessFormat::header(column, Qt::DisplayRole).toString().isEmpty());
            QVERIFY(!ProcessFormat::header(column, Qt::ToolTipRole).toString().isEmpty());
            QVERIFY(!ProcessFormat::header(column, Qt::WhatsThisRole).toString().isEmpty());
            QVERIFY(!ProcessFormat::toolTip(p, 3, column).isEmpty());
            QVERIFY(ProcessFormat::sortKey(p, 3, column).isValid());
        }
        QVERIFY(!ProcessFormat::header(ProcessListModel::ColumnCount, Qt::DisplayRole).isValid());
    }

    // Command lines, command names and user names are the processes' own: a tooltip shows
    // them as written, markup and all, and loads nothing for them.
    void untrustedTextInTooltips() {
        ProcessInfo p = process();
        p.command = u"<img src=\"/dev/zero\">"_s;
        p.cmdline = u"<b>x</b> &amp; \"a  b\" %2 %1"_s;
        p.user = u"<u>eve</u>"_s;
        p.cantmove = u"socket,<img src=/dev/zero>"_s;
        p.locked = true;
        for (int column = 0; column < ProcessListModel::ColumnCount; ++column) {
            const QString tip = ProcessFormat::toolTip(p, 3, column);
            QVERIFY2(!tip.contains(u"<img") && !tip.contains(u"<b>") && !tip.contains(u"<u>"),
                     qPrintable(tip));
            const Shown s = shown(tip);
            QVERIFY2(!s.hasObjects, qPrintable(tip));
            // Deliberately rich: QToolTip then shows "&lt;" as "<" rather than as "&lt;".
            QVERIFY(Qt::mightBeRichText(tip));
        }
        const Shown command = shown(ProcessFormat::toolTip(p, 3, ProcessListModel::CommandColumn));
        QCOMPARE(command.text, u"<img src=\"/dev/zero\"> (PID 4242)\n"
                               u"Command line: <b>x</b> &amp; \"a  b\" %2 %1"_s);
        QCOMPARE(shown(ProcessFormat::toolTip(p, 3, ProcessListModel::UserColumn)).text,
                 u"User <u>eve</u> (ID 1000)"_s);
        const Shown lock = shown(ProcessFormat::toolTip(p, 3, ProcessListModel::LockColumn));
        QVERIFY(lock.text.startsWith(u"<img src=\"/dev/zero\"> (PID 4242) is locked"));
        const Shown cantMove =
            shown(ProcessFormat::toolTip(p, 3, ProcessListModel::CantMoveColumn));
        QVERIFY2(cantMove.text.endsWith(u"\n• socket: it has a network socket open\n"
                                        u"• <img src=/dev/zero>"),
                 qPrintable(cantMove.text));
        // The display role is plain text for the views' delegates, which never read markup.
        QCOMPARE(ProcessFormat::display(p, 3, ProcessListModel::CommandColumn), p.command);
        QCOMPARE(ProcessFormat::escapedRichText(u"a & b\nc"_s),
                 u"<p style=\"white-space:pre-wrap\">a &amp; b\nc</p>"_s);
    }
};

QTEST_MAIN(TestProcessFormat)
#include "tst_processformat.moc"
