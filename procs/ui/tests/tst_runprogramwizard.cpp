// The run-program wizard under Xvfb against real agents (omagentd with an emulated /proc/hpc
// on loopback): every page refuses bad input and stays, showing why; the review page shows
// the mosrun line; Run starts the job at home and shows its output and exit status; a
// missing directory shows the agent's refusal. Screenshots of each page go to
// $OMVIEW_SCREENSHOT_DIR (else the build's screenshots/). Jobs start at home only: placing
// one on another node moves it, which needs CRIU.
#include "agentcluster.h"

#include <QAbstractButton>
#include <QClipboard>
#include <QComboBox>
#include <QDeadlineTimer>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>
#include <memory>
#include <omview/procs/jobrunner.h>
#include <omview/procs/runprogramwizard.h>
#include <omview/protocol/agentclient.h>

using namespace Qt::StringLiterals;
using namespace omview;
using namespace omview::procs;

namespace {

constexpr int Slow = 30'000;

QString screenshotDir() {
    QString dir = qEnvironmentVariable("OMVIEW_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(OMVIEW_DEFAULT_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    return dir;
}

bool saveScreenshot(QWidget *widget, const QString &name) {
    QTest::qWait(50); // the last layout and paint
    const QString file = QDir(screenshotDir()).filePath(name + u".png"_s);
    const bool ok = widget->window()->grab().save(file);
    if (ok)
        qInfo("screenshot: %s", qPrintable(file));
    return ok;
}

template<class W> W *child(QWizard &wizard, int page, const QString &name) {
    return wizard.page(page)->findChild<W *>(name);
}

QLabel *errorOf(QWizard &wizard, int page) {
    return child<QLabel>(wizard, page, u"errorLabel"_s);
}

void clickNext(QWizard &wizard) {
    QAbstractButton *next = wizard.button(
        wizard.currentPage()->isCommitPage() ? QWizard::CommitButton : QWizard::NextButton);
    QTest::mouseClick(next, Qt::LeftButton);
}

} // namespace

class RunProgramWizardTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"omview-tests"_s);
        QCoreApplication::setApplicationName(u"tst_runprogramwizard"_s);
        QSettings().remove(u"runProgram"_s);

        m_agents = std::make_unique<test::AgentCluster>(2);
        const auto started = m_agents->start();
        QVERIFY2(started, qPrintable(started ? QString() : started.error()));
        auto client = m_agents->connectClient(1, u"tst_runprogramwizard"_s, Slow);
        QVERIFY2(client, qPrintable(client ? QString() : client.error()));
        m_client = std::move(*client);
        // Node 1 knows node 2 once their gossip met: then the wizard can offer both.
        QTRY_VERIFY_WITH_TIMEOUT(aliveNodes() == 2, 60'000);
    }

    void everyPageRefusesAndRuns() {
        RunProgramWizard wizard(m_client.get());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::ProgramPageId));

        // Program: nothing named, no Next.
        auto *program = child<QComboBox>(wizard, RunProgramWizard::ProgramPageId, u"program"_s);
        auto *args = child<QLineEdit>(wizard, RunProgramWizard::ProgramPageId, u"arguments"_s);
        auto *cwd = child<QLineEdit>(wizard, RunProgramWizard::ProgramPageId, u"directory"_s);
        auto *env =
            child<QPlainTextEdit>(wizard, RunProgramWizard::ProgramPageId, u"environment"_s);
        QVERIFY(program && args && cwd && env);
        QVERIFY(env->toPlainText().startsWith(u"PATH="_s));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QTest::keyClicks(program->lineEdit(), u"/bin/sh"_s);
        QTest::keyClicks(args, u"-c 'echo out; echo err >&2; exit 3'"_s);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        // A relative directory and a bad environment line are refused on the page.
        cwd->setText(u"tmp"_s);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::ProgramPageId));
        QLabel *error = errorOf(wizard, RunProgramWizard::ProgramPageId);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"absolute path"_s), qPrintable(error->text()));
        cwd->setText(QDir::tempPath());
        QVERIFY(!error->isVisible());
        env->setPlainText(u"PATH=/usr/bin:/bin\nNOVALUE"_s);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::ProgramPageId));
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"'NOVALUE' is not NAME=value"_s),
                 qPrintable(error->text()));
        QVERIFY(saveScreenshot(&wizard, u"runprogram-1-program-refused"_s));
        env->setPlainText(u"PATH=/usr/bin:/bin\nLANG=C.UTF-8"_s);
        QVERIFY(saveScreenshot(&wizard, u"runprogram-1-program"_s));
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::WherePageId));

        // Where: the agents' nodes are offered; bad lists are refused with the reason.
        auto *nodeBox = child<QComboBox>(wizard, RunProgramWizard::WherePageId, u"node"_s);
        auto *list = child<QLineEdit>(wizard, RunProgramWizard::WherePageId, u"nodeList"_s);
        auto *nodes = child<QRadioButton>(wizard, RunProgramWizard::WherePageId, u"whereNodes"_s);
        auto *home = child<QRadioButton>(wizard, RunProgramWizard::WherePageId, u"whereHome"_s);
        QVERIFY(nodeBox && list && nodes && home);
        QTRY_COMPARE(nodeBox->count(), 2);
        QVERIFY2(home->text().contains(u"node 1"_s), qPrintable(home->text()));
        QTest::keyClicks(list, u"4-2"_s);
        QVERIFY(nodes->isChecked());
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::WherePageId));
        error = errorOf(wizard, RunProgramWizard::WherePageId);
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(u"'4-2' is not a range"_s), qPrintable(error->text()));
        QVERIFY(saveScreenshot(&wizard, u"runprogram-2-where-refused"_s));
        list->clear();
        QTest::keyClicks(list, u"1-3"_s);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::WherePageId));
        QVERIFY2(error->text().contains(u"Not in the cluster: 3."_s), qPrintable(error->text()));
        list->clear();
        QTest::keyClicks(list, u"1-2"_s);
        QCOMPARE(wizard.request().nodes, (QList<NodeId>{1, 2}));
        home->setChecked(true);
        QVERIFY(saveScreenshot(&wizard, u"runprogram-2-where"_s));
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::PolicyPageId));

        // Migration: "stay on the chosen node" makes no sense at home.
        auto *stay = child<QRadioButton>(wizard, RunProgramWizard::PolicyPageId, u"stayOnNode"_s);
        auto *never =
            child<QRadioButton>(wizard, RunProgramWizard::PolicyPageId, u"neverMigrate"_s);
        auto *profile = child<QComboBox>(wizard, RunProgramWizard::PolicyPageId, u"profile"_s);
        QVERIFY(stay && never && profile);
        QVERIFY(!stay->isEnabled());
        QVERIFY(child<QRadioButton>(wizard, RunProgramWizard::PolicyPageId, u"lockedHome"_s)
                    ->isEnabled());
        never->setChecked(true);
        profile->setCurrentIndex(profile->findData(int(JobProfile::CpuJob)));
        QVERIFY(saveScreenshot(&wizard, u"runprogram-3-migration"_s));
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::ReviewPageId));

        // Review: the mosrun line, copied as shown.
        const QString want = u"cd %1 && env -i PATH=/usr/bin:/bin LANG=C.UTF-8 mosrun -h -L -c "
                             "/bin/sh -c 'echo out; echo err >&2; exit 3'"_s.arg(QDir::tempPath());
        auto *line = child<QPlainTextEdit>(wizard, RunProgramWizard::ReviewPageId, u"mosrunLine"_s);
        QVERIFY(line && line->isReadOnly());
        QCOMPARE(line->toPlainText(), want);
        QTest::mouseClick(
            child<QAbstractButton>(wizard, RunProgramWizard::ReviewPageId, u"copyCommand"_s),
            Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), want);
        QVERIFY(child<QLabel>(wizard, RunProgramWizard::ReviewPageId, u"summary"_s)
                    ->text()
                    .contains(u"home (node 1)"_s));
        QCOMPARE(wizard.button(QWizard::CommitButton)->text(), u"&Run"_s);
        QVERIFY(saveScreenshot(&wizard, u"runprogram-4-review"_s));

        // Run: where it started, its output and its status.
        QSignalSpy started(&wizard, &RunProgramWizard::jobStarted);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::RunPageId));
        QVERIFY(wizard.runner());
        QTRY_VERIFY_WITH_TIMEOUT(wizard.runner()->isFinished(), Slow);
        QCOMPARE(started.size(), 1);
        auto *output = child<QPlainTextEdit>(wizard, RunProgramWizard::RunPageId, u"output"_s);
        QCOMPARE(output->toPlainText(), u"out\nerr\n[exited with status 3]\n"_s);
        auto *instances = child<QTreeWidget>(wizard, RunProgramWizard::RunPageId, u"instances"_s);
        QCOMPARE(instances->topLevelItemCount(), 1);
        const QTreeWidgetItem *row = instances->topLevelItem(0);
        QCOMPARE(row->text(0), u"1"_s);
        QCOMPARE(row->text(1).toInt(), started.first().at(0).value<SpawnResult>().pid);
        QCOMPARE(row->text(2), started.first().at(0).value<SpawnResult>().job);
        QCOMPARE(row->text(3), u"exited with status 3"_s);
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        QVERIFY(saveScreenshot(&wizard, u"runprogram-5-run"_s));

        QCOMPARE(QSettings().value(QString(RunProgramWizard::RecentKey)).toStringList(),
                 QStringList{u"/bin/sh"_s});
    }

    void aRefusedSpawnIsShown() {
        RunProgramWizard wizard(m_client.get());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        // The program run last is offered.
        auto *program = child<QComboBox>(wizard, RunProgramWizard::ProgramPageId, u"program"_s);
        QCOMPARE(program->findText(u"/bin/sh"_s), 0);
        program->setCurrentIndex(0);
        const QString missing = QDir::tempPath() + u"/omview-no-such-directory"_s;
        child<QLineEdit>(wizard, RunProgramWizard::ProgramPageId, u"directory"_s)->setText(missing);
        child<QRadioButton>(wizard, RunProgramWizard::WherePageId, u"whereHome"_s)
            ->setChecked(true);
        for (int page = RunProgramWizard::ProgramPageId; page < RunProgramWizard::RunPageId; ++page)
            clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::RunPageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.runner()->isFinished(), Slow);
        auto *output = child<QPlainTextEdit>(wizard, RunProgramWizard::RunPageId, u"output"_s);
        QVERIFY2(output->toPlainText().contains(u"no directory "_s + missing),
                 qPrintable(output->toPlainText()));
        auto *instances = child<QTreeWidget>(wizard, RunProgramWizard::RunPageId, u"instances"_s);
        QCOMPARE(instances->topLevelItem(0)->text(3), u"failed"_s);
        QVERIFY(saveScreenshot(&wizard, u"runprogram-5-run-refused"_s));
    }

    // One job per node, each line of output marked with its node. Node 2's job must move there
    // first, which fails on the loopback cluster: its row says so, node 1's job runs on.
    void aParallelRunShowsEachNode() {
        RunProgramWizard wizard(m_client.get());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        child<QComboBox>(wizard, RunProgramWizard::ProgramPageId, u"program"_s)
            ->setEditText(u"/bin/sh"_s);
        child<QLineEdit>(wizard, RunProgramWizard::ProgramPageId, u"arguments"_s)
            ->setText(u"-c 'echo hi; echo there; exit 4'"_s);
        child<QLineEdit>(wizard, RunProgramWizard::ProgramPageId, u"directory"_s)
            ->setText(QDir::tempPath());
        clickNext(wizard);
        QTest::keyClicks(child<QLineEdit>(wizard, RunProgramWizard::WherePageId, u"nodeList"_s),
                         u"1-2"_s);
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::PolicyPageId));
        auto *stay = child<QRadioButton>(wizard, RunProgramWizard::PolicyPageId, u"stayOnNode"_s);
        QVERIFY(stay->isEnabled());
        QVERIFY(!child<QRadioButton>(wizard, RunProgramWizard::PolicyPageId, u"lockedHome"_s)
                     ->isEnabled());
        stay->setChecked(true);
        clickNext(wizard);
        QVERIFY2(child<QPlainTextEdit>(wizard, RunProgramWizard::ReviewPageId, u"mosrunLine"_s)
                     ->toPlainText()
                     .contains(u"for node in 1 2; do "_s),
                 "the review shows one mosrun per node");
        clickNext(wizard);
        QCOMPARE(wizard.currentId(), int(RunProgramWizard::RunPageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard.runner()->isFinished(), Slow * 4);

        auto *instances = child<QTreeWidget>(wizard, RunProgramWizard::RunPageId, u"instances"_s);
        QCOMPARE(instances->topLevelItemCount(), 2);
        QCOMPARE(instances->topLevelItem(0)->text(0), u"1"_s);
        QCOMPARE(instances->topLevelItem(0)->text(3), u"exited with status 4"_s);
        QCOMPARE(instances->topLevelItem(1)->text(0), u"2"_s);
        const QString output =
            child<QPlainTextEdit>(wizard, RunProgramWizard::RunPageId, u"output"_s)->toPlainText();
        QVERIFY2(output.contains(u"[node 1] hi\n[node 1] there\n"_s), qPrintable(output));
        QVERIFY2(output.contains(u"[node 1] [exited with status 4]"_s), qPrintable(output));
        if (instances->topLevelItem(1)->text(3) == u"failed"_s)
            QVERIFY2(output.contains(u"[node 2] Could not start: "_s), qPrintable(output));
        else
            QVERIFY2(output.contains(u"[node 2] hi\n"_s), qPrintable(output));
        QVERIFY(saveScreenshot(&wizard, u"runprogram-5-run-parallel"_s));
    }

private:
    int aliveNodes() {
        std::optional<int> count;
        m_client->clusterNodes().then(this, [&count](Result<QList<NodeRecord>> r) {
            count = r ? int(std::ranges::count_if(*r, &NodeRecord::alive)) : 0;
        });
        const QDeadlineTimer deadline(Slow);
        while (!count && !deadline.hasExpired())
            QTest::qWait(50);
        return count.value_or(0);
    }

    std::unique_ptr<test::AgentCluster> m_agents;
    std::unique_ptr<AgentClient> m_client;
};

QTEST_MAIN(RunProgramWizardTest)
#include "tst_runprogramwizard.moc"
