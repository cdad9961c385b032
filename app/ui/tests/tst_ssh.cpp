// The main window over SSH to a real sshd on loopback with the real omagentd behind it: an
// unknown host key is shown with its fingerprint and trusted (the cluster appears), rejected
// (nothing recorded, no connection), and a changed key is refused without a question.
#include "sshlab.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <omview/console/mainwindow.h>
#include <omview/console/nodetablemodel.h>
#include <omview/console/promptdialogs.h>

using namespace Qt::StringLiterals;
using namespace omview;

namespace {

constexpr int Slow = 40000;

} // namespace

class TestSsh : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<test::SshLab> m_lab;
    std::unique_ptr<test::Sshd> m_sshd;
    std::unique_ptr<test::AgentProcess> m_agent;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;

    ConnectionProfile profile(const QString &knownHosts) const {
        SshTarget target = m_lab->target(*m_sshd, knownHosts, m_agent->socketPath());
        return ConnectionProfile::overSsh(target, u"lab over ssh"_s);
    }
    std::unique_ptr<MainWindow> window() {
        auto w = std::make_unique<MainWindow>(*m_settings, m_dir.filePath(u"collector.sock"_s));
        w->show();
        if (!QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        return w;
    }

private slots:
    void initTestCase() {
        if (!test::runningAsRoot())
            QSKIP("sshd needs root (run the tests in the build root, as root)");
        m_lab = std::make_unique<test::SshLab>();
        QVERIFY2(m_lab->ok(), qPrintable(m_lab->error()));
        m_sshd = std::make_unique<test::Sshd>(
            m_lab->dir(), test::Sshd::Options{.authorizedKeys = m_lab->authorizedKeys()});
        QVERIFY2(m_sshd->start(), qPrintable(m_sshd->error()));
        QVERIFY2(!test::AgentProcess::binary().isEmpty(), "omagentd is not built");
        m_agent = std::make_unique<test::AgentProcess>(m_lab->dir());
        QVERIFY2(m_agent->start(), qPrintable(m_agent->error()));
        m_settings =
            std::make_unique<QSettings>(m_dir.filePath(u"omview.ini"_s), QSettings::IniFormat);
    }

    void unknownHostKeyTrusted() {
        auto w = window();
        QVERIFY(w);
        const QString knownHosts = m_lab->path(u"kh_trust"_s);
        QVERIFY(!QFile::exists(knownHosts));
        w->connectTo(profile(u"kh_trust"_s));
        QTRY_VERIFY_WITH_TIMEOUT(w->hostKeyDialog(), Slow);
        HostKeyDialog *dialog = w->hostKeyDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->findChild<QLabel *>(u"fingerprint"_s)->text(),
                 m_sshd->hostKey().fingerprint);
        QVERIFY(w->connectionText().contains(u"Connecting"_s));
        QVERIFY(uitest::saveScreenshot(dialog, u"ssh-host-key-prompt"_s));
        QTest::mouseClick(dialog->findChild<QPushButton *>(u"trust"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w->session()->state(), ClusterSession::State::Connected, Slow);
        QVERIFY(w->connectionText().contains(u"Connected"_s));
        QTRY_VERIFY_WITH_TIMEOUT(w->nodeModel()->rowCount(w->nodeModel()->clusterIndex()) >= 1,
                                 Slow);
        QVERIFY(QFile::exists(knownHosts));
        QFile file(knownHosts);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains(u"[127.0.0.1]:%1"_s.arg(m_sshd->port()).toUtf8()));
        QVERIFY(uitest::saveScreenshot(w.get(), u"main-window-over-ssh"_s));
        // Saved in the store it becomes the SSH profile Config → Use SSH goes back to.
        QVERIFY(w->consoleActions().useSsh->isChecked());
    }

    void unknownHostKeyRejected() {
        auto w = window();
        QVERIFY(w);
        w->connectTo(profile(u"kh_reject"_s));
        QTRY_VERIFY_WITH_TIMEOUT(w->hostKeyDialog(), Slow);
        QTest::mouseClick(w->hostKeyDialog()->findChild<QPushButton *>(u"reject"_s),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w->session()->state(), ClusterSession::State::Failed, Slow);
        QVERIFY(!QFile::exists(m_lab->path(u"kh_reject"_s)));
        QCOMPARE(w->nodeModel()->rowCount(w->nodeModel()->clusterIndex()), 0);
    }

    void changedHostKeyRefused() {
        const QString otherKey = m_lab->wrongKey().publicLine.section(u' ', 0, 1);
        m_lab->writeKnownHosts(u"kh_changed"_s,
                               {u"[127.0.0.1]:%1 %2"_s.arg(m_sshd->port()).arg(otherKey)});
        auto w = window();
        QVERIFY(w);
        w->connectTo(profile(u"kh_changed"_s));
        QTRY_COMPARE_WITH_TIMEOUT(w->session()->state(), ClusterSession::State::Failed, Slow);
        QVERIFY(!w->hostKeyDialog()); // never asked
        QTRY_VERIFY_WITH_TIMEOUT(w->errorBox(), Slow);
        auto *box = qobject_cast<QMessageBox *>(w->errorBox());
        QVERIFY(box);
        QVERIFY2(box->text().contains(u"changed"_s), qPrintable(box->text()));
        QVERIFY(QTest::qWaitForWindowExposed(box));
        QVERIFY(uitest::saveScreenshot(box, u"ssh-host-key-changed"_s));
        QVERIFY(w->connectionText().contains(u"failed"_s));
    }
};

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    TestSsh test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ssh.moc"
